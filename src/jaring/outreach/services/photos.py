from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jaring.accounts.models import User
from jaring.audit.services import audit_record
from jaring.lib import uploads
from jaring.outreach.models import Event, EventPhoto


def event_photo_add(*, actor: User, event: Event, files: list[Any], caption: str = "") -> list[EventPhoto]:
    """Stores documentation photos the safe way Lapor does: sniffed, metadata stripped, encrypted."""
    cleaned = uploads.prepare_many(files)
    if not cleaned:
        raise ValidationError({"photos": _("Pilih minimal satu foto.")})
    not_images = [c.original_name for c in cleaned if not c.is_image]
    if not_images:
        raise ValidationError({"photos": _("Hanya foto (JPG, PNG, WebP): %s") % ", ".join(not_images)})
    stored: list[str] = []
    try:
        with transaction.atomic():
            photos = []
            for clean in cleaned:
                name = uploads.store(clean)
                stored.append(name)
                photos.append(
                    EventPhoto.objects.create(
                        event=event,
                        storage_name=name,
                        content_type=clean.content_type,
                        original_name=clean.original_name,
                        size=clean.size,
                        sha256=clean.sha256,
                        caption=caption.strip()[:200],
                        uploaded_by=actor,
                    )
                )
            audit_record(
                action="outreach.photo.added",
                actor=actor,
                obj=event,
                office=event.office,
                summary=f"{event.code}: {len(photos)}",
            )
    except Exception:
        # Nothing half-written: files written before the failure are removed with the rolled-back rows.
        for name in stored:
            uploads.delete(name)
        raise
    return photos


@transaction.atomic
def event_photo_delete(*, actor: User, photo: EventPhoto) -> None:
    event = photo.event
    audit_record(
        action="outreach.photo.deleted", actor=actor, obj=photo, office=event.office, summary=event.code
    )
    name = photo.storage_name
    photo.delete()
    transaction.on_commit(lambda: uploads.delete(name))
