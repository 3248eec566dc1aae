"""Outreach API: staff programmes and events (token auth) and a public read of events without personal data."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError

from jaring.accounts.api_auth import staff_token
from jaring.accounts.models import Agency, Office
from jaring.accounts.permissions import can_manage_outreach
from jaring.accounts.selectors import primary_office
from jaring.outreach.api_schemas import (
    Attendance,
    EventIn,
    EventOut,
    EventPatch,
    ProgrammeIn,
    ProgrammeOut,
    ProgrammePatch,
    PublicEventOut,
    QuizResultsOut,
)
from jaring.outreach.models import AGE_FIELDS, Event, Programme
from jaring.outreach.selectors import events_for, programmes_for, public_events, quiz_results, staff_office
from jaring.outreach.services import (
    EventInput,
    VillageTarget,
    event_attendance_set,
    event_create,
    event_update,
    programme_create,
    programme_update,
)
from jaring.outreach.validation import office_zone, village_officers

router = Router(tags=["outreach"])
STAFF = "/staff/outreach"


def _office(request: HttpRequest) -> Office:
    office = staff_office(request.user)
    if office is None or not can_manage_outreach(request.user):
        raise HttpError(403, _("Hanya petugas kantor yang dapat mengelola sosialisasi."))
    return office


def _agency_ids(slugs: list[str]) -> list[int]:
    found = dict(Agency.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    unknown = [s for s in slugs if s not in found]
    if unknown:
        raise ValidationError({"agencies": _("Instansi mitra tidak dikenal: %s") % ", ".join(unknown)})
    return [found[s] for s in slugs]


def _aware(moment: datetime, office: Office) -> datetime:
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, office_zone(office))


def _programme_out(p: Programme) -> dict:
    return {
        "id": p.pk,
        "name": p.name,
        "starts_on": p.starts_on,
        "ends_on": p.ends_on,
        "goals": p.goals,
        "agencies": [a.slug for a in p.agencies.all()],
        "is_sample": p.is_sample,
        "villages": [
            {
                "id": v.pk,
                "region_code": v.region_code,
                "name": v.region.full_label if v.region else v.region_code,
                "officer": v.officer.get_username() if v.officer_id else None,
                "officer_name": v.officer_name,
                "latitude": v.latitude,
                "longitude": v.longitude,
            }
            for v in p.villages.select_related("officer")
        ],
    }


def _attendance(e: Event) -> dict:
    return {"total": e.attendance_total, "male": e.male, "female": e.female, **e.ages}


def _event_out(e: Event) -> dict:
    return {
        "id": e.pk,
        "code": e.code,
        "title": e.title,
        "kind": e.kind,
        "starts_at": e.starts_at,
        "ends_at": e.ends_at,
        "region_code": e.region_code,
        "place": e.place_label,
        "venue": e.venue,
        "programme_id": e.programme_id,
        "topics": e.topics,
        "audiences": e.audiences,
        "agencies": [a.slug for a in e.agencies.all()],
        "materials": e.materials,
        "notes": e.notes,
        "follow_ups": e.follow_ups,
        "quiz_questions": e.quiz_questions,
        "attendance": _attendance(e),
        "is_sample": e.is_sample,
    }


def _public_out(e: Event, now: datetime) -> dict:
    region = e.region
    return {
        "code": e.code,
        "title": e.title,
        "kind": e.kind,
        "starts_at": e.starts_at,
        "ends_at": e.ends_at,
        "region_code": e.region_code,
        "place": ", ".join(p for p in [e.venue, region.full_label if region else ""] if p),
        "topics": e.topics,
        "audiences": e.audiences,
        "attendance_total": e.attendance_total if e.ends_at < now else None,
    }


# Programmes -------------------------------------------------------------------------------------------------


@router.get(f"{STAFF}/programmes", response=list[ProgrammeOut], auth=staff_token)
def programme_list(request: HttpRequest) -> list[dict]:
    _office(request)
    return [_programme_out(p) for p in programmes_for(request.user).prefetch_related("agencies")]


@router.post(f"{STAFF}/programmes", response={201: ProgrammeOut}, auth=staff_token)
def programme_add(request: HttpRequest, payload: ProgrammeIn) -> Status:
    office = _office(request)
    officers = village_officers(office, [v.officer or "" for v in payload.villages])
    programme = programme_create(
        actor=request.user,
        office=office,
        name=payload.name,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        goals=payload.goals,
        agency_ids=_agency_ids(payload.agencies),
        villages=[
            VillageTarget(
                region_code=v.region_code,
                officer=officers.get(v.officer or ""),
                officer_name=v.officer_name,
                latitude=v.latitude,
                longitude=v.longitude,
            )
            for v in payload.villages
        ],
    )
    return Status(201, _programme_out(programme))


@router.get(STAFF + "/programmes/{programme_id}", response=ProgrammeOut, auth=staff_token)
def programme_get(request: HttpRequest, programme_id: int) -> dict:
    _office(request)
    return _programme_out(get_object_or_404(programmes_for(request.user), pk=programme_id))


@router.patch(STAFF + "/programmes/{programme_id}", response=ProgrammeOut, auth=staff_token)
def programme_patch(request: HttpRequest, programme_id: int, payload: ProgrammePatch) -> dict:
    _office(request)
    programme = get_object_or_404(programmes_for(request.user), pk=programme_id)
    given = payload.dict(exclude_unset=True)
    programme_update(
        actor=request.user,
        programme=programme,
        name=given.get("name") or programme.name,
        starts_on=given.get("starts_on") or programme.starts_on,
        ends_on=given.get("ends_on") or programme.ends_on,
        goals=given["goals"] if given.get("goals") is not None else programme.goals,
        agency_ids=_agency_ids(given["agencies"])
        if given.get("agencies") is not None
        else list(programme.agencies.values_list("pk", flat=True)),
    )
    return _programme_out(programme)


# Events -----------------------------------------------------------------------------------------------------


@router.get(f"{STAFF}/events", response=list[EventOut], auth=staff_token)
def event_list(
    request: HttpRequest,
    programme_id: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> list[dict]:
    """The office's events, newest first; filter by programme and by start time (`start` <= starts_at < `end`)."""
    office = _office(request)
    events = events_for(request.user).prefetch_related("agencies").order_by("-starts_at")
    if programme_id is not None:
        events = events.filter(programme_id=programme_id)
    if start is not None:
        events = events.filter(starts_at__gte=_aware(start, office))
    if end is not None:
        events = events.filter(starts_at__lt=_aware(end, office))
    return [_event_out(e) for e in events[:500]]


def _event_input(payload: dict, office: Office) -> EventInput:
    return EventInput(
        title=payload["title"],
        kind=payload["kind"],
        starts_at=_aware(payload["starts_at"], office),
        ends_at=_aware(payload["ends_at"], office),
        region_code=payload.get("region_code") or "",
        venue=payload.get("venue") or "",
        programme_id=payload.get("programme_id"),
        topics=list(payload.get("topics") or []),
        audiences=list(payload.get("audiences") or []),
        agency_ids=_agency_ids(list(payload.get("agencies") or [])),
        materials=payload.get("materials") or "",
        notes=payload.get("notes") or "",
        follow_ups=payload.get("follow_ups") or "",
    )


@router.post(f"{STAFF}/events", response={201: EventOut}, auth=staff_token)
def event_add(request: HttpRequest, payload: EventIn) -> Status:
    office = _office(request)
    event = event_create(actor=request.user, office=office, data=_event_input(payload.dict(), office))
    return Status(201, _event_out(event))


@router.get(STAFF + "/events/{event_id}", response=EventOut, auth=staff_token)
def event_get(request: HttpRequest, event_id: int) -> dict:
    _office(request)
    return _event_out(get_object_or_404(events_for(request.user), pk=event_id))


@router.patch(STAFF + "/events/{event_id}", response=EventOut, auth=staff_token)
def event_patch(request: HttpRequest, event_id: int, payload: EventPatch) -> dict:
    office = _office(request)
    event = get_object_or_404(events_for(request.user), pk=event_id)
    current = _event_out(event)
    merged = {
        **current,
        **{k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None or k == "programme_id"},
    }
    event_update(actor=request.user, event=event, data=_event_input(merged, office))
    return _event_out(event)


@router.get(STAFF + "/events/{event_id}/attendance", response=Attendance, auth=staff_token)
def attendance_get(request: HttpRequest, event_id: int) -> dict:
    _office(request)
    return _attendance(get_object_or_404(events_for(request.user), pk=event_id))


@router.put(STAFF + "/events/{event_id}/attendance", response=Attendance, auth=staff_token)
def attendance_put(request: HttpRequest, event_id: int, payload: Attendance) -> dict:
    """Counts only. male + female and the sum of the age bands must both equal total (else 422)."""
    _office(request)
    event = get_object_or_404(events_for(request.user), pk=event_id)
    event_attendance_set(
        actor=request.user,
        event=event,
        total=payload.total,
        male=payload.male,
        female=payload.female,
        ages={name: getattr(payload, name) for name in AGE_FIELDS},
    )
    return _attendance(event)


@router.get(STAFF + "/events/{event_id}/quiz-results", response=QuizResultsOut, auth=staff_token)
def quiz_results_get(request: HttpRequest, event_id: int) -> dict:
    _office(request)
    results = quiz_results(get_object_or_404(events_for(request.user), pk=event_id))
    g = results.gain
    return {
        "participants_pre": g.n_pre,
        "participants_post": g.n_post,
        "mean_pre": g.mean_pre,
        "mean_post": g.mean_post,
        "gain": g.difference,
        "ci_low": g.low,
        "ci_high": g.high,
        "df": g.df,
        "most_missed_after": [
            {"question_id": m.question_id, "text": m.label, "missed": m.missed, "answered": m.answered}
            for m in results.missed_after
        ],
    }


# Public -----------------------------------------------------------------------------------------------------


@router.get("/events", response=list[PublicEventOut])
def public_event_list(request: HttpRequest, when: str = "upcoming") -> list[dict]:
    """Upcoming (`when=upcoming`, soonest first) or past (`when=past`, latest first) events; no personal data."""
    if when not in ("upcoming", "past"):
        raise ValidationError({"when": _("Pilihan: upcoming atau past.")})
    now = timezone.now()
    return [_public_out(e, now) for e in public_events(primary_office(), when=when)[:100]]


@router.get("/events/{code}", response=PublicEventOut)
def public_event_get(request: HttpRequest, code: str) -> dict:
    event = get_object_or_404(Event, code__iexact=code.strip(), office=primary_office())
    return _public_out(event, timezone.now())
