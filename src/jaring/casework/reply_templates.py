"""Saved public replies per office (canned responses), edited by the office's supervisors."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jaring.accounts.models import User
from jaring.accounts.permissions import can_supervise, require
from jaring.audit.services import audit_record
from jaring.casework.models import ReplyTemplate


def _require_supervisor(actor: User) -> None:
    require(can_supervise(actor), _("Hanya supervisor yang dapat mengubah templat balasan."))


@transaction.atomic
def reply_template_save(
    *, actor: User, title: str, body: str, template: ReplyTemplate | None = None
) -> ReplyTemplate:
    _require_supervisor(actor)
    title, body = (title or "").strip(), (body or "").strip()
    errors = {}
    if not title:
        errors["title"] = _("Wajib diisi.")
    if not body:
        errors["body"] = _("Wajib diisi.")
    duplicate = ReplyTemplate.objects.filter(office_id=actor.office_id, title=title)
    if template is not None:
        duplicate = duplicate.exclude(pk=template.pk)
    if title and duplicate.exists():
        errors["title"] = _("Judul ini sudah dipakai templat lain.")
    if errors:
        raise ValidationError(errors)
    if template is None:
        template = ReplyTemplate(office_id=actor.office_id)
    elif template.office_id != actor.office_id:
        raise PermissionDenied
    template.title, template.body = title[:120], body
    template.save()
    audit_record(action="reply_template.saved", actor=actor, obj=template, office=actor.office, summary=title)
    return template


@transaction.atomic
def reply_template_delete(*, actor: User, template: ReplyTemplate) -> None:
    _require_supervisor(actor)
    if template.office_id != actor.office_id:
        raise PermissionDenied
    audit_record(
        action="reply_template.deleted",
        actor=actor,
        obj=template,
        office=actor.office,
        summary=template.title,
    )
    template.delete()
