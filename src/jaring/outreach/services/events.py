import secrets
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jaring.accounts.models import Agency, Office, User
from jaring.audit.services import audit_record
from jaring.lib import regions
from jaring.outreach import quiz
from jaring.outreach.models import AGE_FIELDS, Audience, Event, EventKind, Programme, Topic
from jaring.outreach.validation import check_attendance, check_event_times

# No 0/O, 1/I/L: the code is read off a printed poster and typed on a phone.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_PREFIX = "SOS-"


def new_event_code() -> str:
    while True:
        code = CODE_PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(4))
        if not Event.objects.filter(code=code).exists():
            return code


@dataclass
class EventInput:
    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    region_code: str = ""
    venue: str = ""
    programme_id: int | None = None
    topics: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    agency_ids: list[int] = field(default_factory=list)
    materials: str = ""
    notes: str = ""
    follow_ups: str = ""


def _clean(data: EventInput, office: Office) -> tuple[Programme | None, list[Agency]]:
    errors: dict[str, str] = {}
    if not data.title.strip():
        errors["title"] = _("Judul kegiatan wajib diisi.")
    if data.kind not in EventKind.values:
        errors["kind"] = _("Jenis kegiatan tidak dikenal.")
    if set(data.topics) - set(Topic.values):
        errors["topics"] = _("Topik tidak dikenal.")
    if set(data.audiences) - set(Audience.values):
        errors["audiences"] = _("Kelompok sasaran tidak dikenal.")
    if data.region_code and regions.get(data.region_code) is None:
        errors["region_code"] = _("Kode wilayah tidak dikenal.")
    programme = None
    if data.programme_id is not None:
        programme = Programme.objects.filter(pk=data.programme_id, office=office).first()
        if programme is None:
            errors["programme"] = _("Program tidak ditemukan di kantor ini.")
    agencies = list(Agency.objects.filter(pk__in=data.agency_ids))
    if len(agencies) != len(set(data.agency_ids)):
        errors["agencies"] = _("Instansi mitra tidak dikenal.")
    if errors:
        raise ValidationError(errors)
    check_event_times(data.starts_at, data.ends_at, programme, office)
    return programme, agencies


def _apply(event: Event, data: EventInput, programme: Programme | None) -> None:
    event.title = data.title.strip()[:200]
    event.kind = data.kind
    event.starts_at, event.ends_at = data.starts_at, data.ends_at
    event.region_code = regions.get(data.region_code).code if data.region_code else ""
    event.venue = data.venue.strip()[:200]
    event.programme = programme
    event.topics = [t for t in Topic.values if t in data.topics]
    event.audiences = [a for a in Audience.values if a in data.audiences]
    event.materials, event.notes, event.follow_ups = data.materials, data.notes, data.follow_ups


@transaction.atomic
def event_create(*, actor: User | None, office: Office, data: EventInput, is_sample: bool = False) -> Event:
    programme, agencies = _clean(data, office)
    event = Event(office=office, code=new_event_code(), created_by=actor, is_sample=is_sample)
    _apply(event, data, programme)
    event.quiz_questions = quiz.pick_for_topics(event.topics)
    event.save()
    event.agencies.set(agencies)
    audit_record(
        action="outreach.event.created",
        actor=actor,
        obj=event,
        office=office,
        summary=f"{event.code} {event.title}",
    )
    return event


@transaction.atomic
def event_update(*, actor: User, event: Event, data: EventInput) -> Event:
    programme, agencies = _clean(data, event.office)
    _apply(event, data, programme)
    # Once people answered, the questions stay: otherwise before and after would not compare like with like.
    if not event.quiz_responses.exists():
        event.quiz_questions = quiz.pick_for_topics(event.topics)
    event.save()
    event.agencies.set(agencies)
    audit_record(
        action="outreach.event.updated",
        actor=actor,
        obj=event,
        office=event.office,
        summary=f"{event.code} {event.title}",
    )
    return event


@transaction.atomic
def event_attendance_set(
    *, actor: User | None, event: Event, total: int, male: int, female: int, ages: dict[str, int]
) -> Event:
    check_attendance(total=total, male=male, female=female, ages=ages)
    event.attendance_total, event.male, event.female = total, male, female
    for name in AGE_FIELDS:
        setattr(event, name, ages.get(name, 0))
    event.save(update_fields=["attendance_total", "male", "female", *AGE_FIELDS, "updated_at"])
    audit_record(
        action="outreach.event.attendance",
        actor=actor,
        obj=event,
        office=event.office,
        summary=f"{event.code}: {total}",
        data={"total": total, "male": male, "female": female, **{n: ages.get(n, 0) for n in AGE_FIELDS}},
    )
    return event
