"""The private self-interview (after Apprise, UNU/Mekong Club): yes/no questions the traveller answers away
from the escort, on the officer's tablet or their own phone through a QR link. The link carries a 128-bit
token stored only as a SHA-256 digest; it works once and for SELF_INTERVIEW_MINUTES. The screen shows nothing
about the traveller.
"""

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jaring.accounts import permissions as can
from jaring.accounts.models import User
from jaring.audit.services import audit_record
from jaring.checkpoints import guide
from jaring.checkpoints.models import Screening, SelfInterview

SELF_INTERVIEW_MINUTES = 30


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def self_interview_start(*, screening: Screening, actor: User) -> tuple[SelfInterview, str]:
    """A new link for the screening; returns it with the token (shown once, as a QR code and a link)."""
    if not can.can_decide_screening(actor, screening):
        raise PermissionDenied(_("Anda tidak berwenang memutuskan pemeriksaan ini."))
    token = secrets.token_urlsafe(16)
    interview = SelfInterview.objects.create(
        screening=screening,
        token_digest=_digest(token),
        created_by=actor,
        expires_at=timezone.now() + timedelta(minutes=SELF_INTERVIEW_MINUTES),
    )
    audit_record(
        action="checkpoint.self_interview_started",
        actor=actor,
        obj=screening,
        office=screening.checkpoint.office,
        summary=screening.code,
    )
    return interview, token


def self_interview_open(token: str) -> SelfInterview | None:
    """The open interview for a link, or None (unknown, used or expired look the same)."""
    found = SelfInterview.objects.filter(token_digest=_digest(token[:64])).first()
    if found is None or found.completed_at is not None or found.expires_at <= timezone.now():
        return None
    return found


@transaction.atomic
def self_interview_submit(*, token: str, answers: dict[str, Any]) -> SelfInterview:
    """Stores the answers on the screening and adds the reasons they raise to its flags."""
    interview = self_interview_open(token)
    if interview is None:
        raise ValidationError(
            {"__all__": [_("Tautan ini sudah tidak berlaku. Minta petugas membuat yang baru.")]}
        )
    interview = SelfInterview.objects.select_for_update().get(pk=interview.pk)
    codes = [q["code"] for q in guide.load().self_questions]
    clean = {code: answers.get(code) for code in codes if answers.get(code) in guide.YES_NO}
    if len(clean) != len(codes):
        raise ValidationError({"__all__": [_("Jawab setiap pertanyaan dengan Ya atau Tidak.")]})
    screening = (
        Screening.objects.select_for_update()
        .select_related("checkpoint__office")
        .get(pk=interview.screening_id)
    )
    screening.self_answers = clean
    raised = guide.flags_for(clean, self_interview=True)
    screening.flags = list(dict.fromkeys([*screening.flags, *raised]))
    screening.save(update_fields=["self_answers", "flags"])
    interview.completed_at = timezone.now()
    interview.save(update_fields=["completed_at"])
    audit_record(
        action="checkpoint.self_interview_answered",
        actor_label="pelaku_perjalanan",
        obj=screening,
        office=screening.checkpoint.office,
        summary=screening.code,
        data={"flags": raised},
    )
    return interview
