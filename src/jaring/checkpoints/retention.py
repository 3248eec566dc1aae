"""Retention: the traveller identity of a cleared (diizinkan) screening is kept for a limited time.

After CHECKPOINT_RETENTION_DAYS (JARING_CHECKPOINT_RETENTION_DAYS, default 90) the name, passport number,
phone and the digests that could find the person again are erased, unless the screening opened a case
(the case's handling decides then). Counts keep working: sex, birth year, origin region, destination and
outcome stay. Principle: UU 27/2022 (PDP) keeps personal data no longer than its purpose needs.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from jaring.audit.services import audit_record
from jaring.checkpoints.models import Outcome, Screening

BATCH = 1_000


def due(now=None, days: int | None = None):  # type: ignore[no-untyped-def]
    now = now or timezone.now()
    days = settings.CHECKPOINT_RETENTION_DAYS if days is None else days
    return Screening.objects.filter(
        outcome=Outcome.DIIZINKAN,
        report__isnull=True,
        identity_erased_at__isnull=True,
        screened_at__lt=now - timedelta(days=days),
    )


def identity_erase_due(*, days: int | None = None, now=None) -> int:  # type: ignore[no-untyped-def]
    """Erases in batches of BATCH, one transaction and one audit event (listing the ids) per batch."""
    now = now or timezone.now()
    days = settings.CHECKPOINT_RETENTION_DAYS if days is None else days
    erased = 0
    while True:
        with transaction.atomic():
            ids = list(due(now, days).order_by("pk").values_list("pk", flat=True)[:BATCH])
            if not ids:
                return erased
            Screening.objects.filter(pk__in=ids).update(
                traveller_name="",
                passport_number="",
                traveller_phone="",
                passport_digest="",
                person_digest="",
                identity_erased_at=now,
            )
            audit_record(
                action="checkpoint.identity_erased",
                actor_label="sistem",
                object_type="checkpoints.screening",
                object_id=f"{ids[0]}-{ids[-1]}",
                summary=f"{len(ids)} diizinkan > {days} hari",
                data={"ids": ids, "retention_days": days},
            )
            erased += len(ids)
