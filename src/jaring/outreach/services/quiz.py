import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from jaring.audit.services import audit_record
from jaring.outreach import quiz
from jaring.outreach.models import Event, Phase, QuizResponse


class QuizAlreadyTaken(ValidationError):
    """This device already answered this phase of this event's quiz."""


def device_hash(token: str) -> str:
    """Keyed hash of the random device cookie: the database never holds the cookie itself."""
    return hmac.new(settings.SECRET_KEY.encode(), f"quiz-device:{token}".encode(), hashlib.sha256).hexdigest()


def _already(phase: str) -> QuizAlreadyTaken:
    return QuizAlreadyTaken(
        _("Perangkat ini sudah mengisi kuis %(phase)s untuk kegiatan ini. Terima kasih!")
        % {"phase": Phase(phase).label.lower()}
    )


def quiz_submit(*, event: Event, phase: str, device_token: str, answers: dict[str, str]) -> QuizResponse:
    if phase not in Phase.values:
        raise ValidationError(_("Tahap kuis tidak dikenal."))
    if not event.quiz_questions:
        raise ValidationError(_("Kegiatan ini tidak memiliki kuis."))
    if len(device_token) < 16:
        raise ValidationError(_("Aktifkan cookie di peramban Anda untuk mengisi kuis."))
    digest = device_hash(device_token)
    if QuizResponse.objects.filter(event=event, phase=phase, device_hash=digest).exists():
        raise _already(phase)
    questions = {q.id: q for q in quiz.questions_of(event.quiz_questions)}
    missing = [qid for qid in questions if not answers.get(qid)]
    invalid = [
        qid
        for qid, q in questions.items()
        if answers.get(qid) and answers[qid] not in {o.key for o in q.options}
    ]
    if missing or invalid:
        errors = {qid: _("Pilih salah satu jawaban.") for qid in missing}
        errors.update({qid: _("Pilihan jawaban tidak dikenal.") for qid in invalid})
        raise ValidationError(errors)
    right, record = quiz.score(list(questions), answers)
    try:
        with transaction.atomic():
            response = QuizResponse.objects.create(
                event=event,
                phase=phase,
                device_hash=digest,
                score=right,
                total=len(questions),
                answers=record,
            )
            audit_record(
                action="outreach.quiz.submitted",
                actor_label="peserta kuis",
                obj=response,
                office=event.office,
                summary=f"{event.code} {phase}: {right}/{len(questions)}",
            )
    except IntegrityError:
        # Two taps at once from the same phone: the unique constraint keeps one, the second is told so.
        raise _already(phase) from None
    return response
