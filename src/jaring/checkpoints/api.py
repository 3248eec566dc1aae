"""Staff API for a counter app (Bearer token): record, list, read and decide screenings, and the counts.

Scoped exactly like the web pages (selectors.screenings_visible_to): out-of-scope screenings answer 404, an
action the role may not take 403, invalid input 422 with translated messages (jaring.api handles
ValidationError). `POST /checkpoints/screenings` honours an `Idempotency-Key`: a retry with the same key and
body returns the first record (200) instead of creating a second.
"""

import hashlib
from datetime import date, datetime
from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Header, Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import ConfigDict

from jaring.accounts import permissions as can
from jaring.accounts.api_auth import staff_token
from jaring.checkpoints import selectors, stats
from jaring.checkpoints.models import Outcome, Screening, ScreeningParty
from jaring.checkpoints.services import (
    DuplicateScreening,
    screening_decide,
    screening_record,
    traveller_identity_view,
)
from jaring.lib.api_errors import ErrorOut
from jaring.reports.models import PartyKind

router = Router(tags=["checkpoints"])
ERRORS = {403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
PAGE = 50

PartyKindCode = Literal[tuple(PartyKind.values)]  # type: ignore[valid-type]
PartyRoleCode = Literal[tuple(ScreeningParty.Role.values)]  # type: ignore[valid-type]
OutcomeCode = Literal[tuple(v for v in Outcome.values if v != Outcome.DIPERIKSA)]  # type: ignore[valid-type]


class CheckpointPartyIn(Schema):
    model_config = ConfigDict(extra="forbid")
    role: PartyRoleCode = "sponsor"
    kind: PartyKindCode
    value: str = Field(min_length=1, max_length=300)


class CheckpointScreeningIn(Schema):
    """One screening as the counter records it. Codes for destination, purpose and answers come from the
    interview guide (checkpoints/data/interview_guide.json)."""

    model_config = ConfigDict(extra="forbid")
    checkpoint: str = Field(description="slug, e.g. batam-center")
    screened_at: datetime | None = Field(None, description="default: now; never in the future")
    traveller_name: str = Field(max_length=1_000)
    passport_number: str = Field(max_length=100)
    traveller_phone: str = Field("", max_length=100)
    sex: Literal["", "L", "P"] = ""
    birth_year: int | None = None
    origin_region_code: str = Field("", max_length=13)
    destination: str = Field(max_length=2, description="ISO 3166-1 alpha-2, ZZ for other")
    purpose: str = Field(max_length=32)
    ticket: Literal["pp", "sekali_jalan", "tidak_ada"]
    paid_by: Literal["sendiri", "keluarga", "sponsor", "pemberi_kerja", "tidak_tahu"]
    answers: dict[str, str] = Field(default_factory=dict, description="question code -> answer")
    parties: list[CheckpointPartyIn] = Field(default_factory=list, max_length=20)
    notes: str = Field(
        "", max_length=100_000, description="at most 5,000 characters (checked with a message)"
    )


class CheckpointPartyOut(Schema):
    role: str
    kind: str
    value: str


class TravellerIdentityOut(Schema):
    name: str
    passport: str
    phone: str


class HandoverOut(Schema):
    agency: str
    status: str
    outcome: str


class CheckpointScreeningOut(Schema):
    id: int
    code: str
    checkpoint: str
    screened_at: datetime
    officer: str
    outcome: str
    reasons: list[str]
    flags: list[str]
    destination: str
    purpose: str
    ticket: str
    paid_by: str
    sex: str
    birth_year: int | None
    origin_region_code: str
    repeat_of: int | None = Field(description="id of the earlier postponement this screening repeats")
    report: str | None = Field(description="tracking code of the case opened from the screening")
    handover_consent: bool
    is_sample: bool
    identity_erased: bool
    parties: list[CheckpointPartyOut] = Field(default_factory=list)
    answers: dict[str, str] = Field(default_factory=dict)
    self_answers: dict[str, str] = Field(default_factory=dict)
    referrals: list[HandoverOut] = Field(default_factory=list)
    identity: TravellerIdentityOut | None = Field(
        None, description="only with ?include_identity=true (audited)"
    )


class CheckpointScreeningListOut(Schema):
    items: list[CheckpointScreeningOut]
    page: int
    has_next: bool


class CheckpointOutcomeIn(Schema):
    model_config = ConfigDict(extra="forbid")
    outcome: OutcomeCode
    reasons: list[str] = Field(default_factory=list, max_length=20)
    notes: str = Field("", max_length=100_000)
    agency: str = Field(
        "", description="agency slug for dirujuk/diserahkan; default: the office's BP3MI/police"
    )
    consent: bool = Field(False, description="the traveller consents to the hand-over (required for dirujuk)")


class CheckpointListQuery(Schema):
    checkpoint: str = ""
    outcome: str = ""
    repeat: bool = False
    page: int = Field(1, ge=1, le=10_000)


class CodeCountOut(Schema):
    code: str
    count: int


class CheckpointOutcomeCountOut(Schema):
    checkpoint: str
    outcome: str
    count: int


class HandoverCountOut(Schema):
    agency: str
    status: str
    count: int


class CheckpointCountsOut(Schema):
    """Named fields rather than tuples: OpenAPI 3.1 clients (and schemathesis) read an object per row."""

    start: date
    end: date
    total: int
    outcomes: dict[str, int]
    per_checkpoint: list[CheckpointOutcomeCountOut]
    reasons: list[CodeCountOut]
    destinations: list[CodeCountOut]
    origin_provinces: list[CodeCountOut]
    repeats: int
    handovers: list[HandoverCountOut]


def _out(user: Any, s: Screening, *, full: bool = False, identity: dict | None = None) -> dict[str, Any]:
    data = {
        "id": s.pk,
        "code": s.code,
        "checkpoint": s.checkpoint.slug,
        "screened_at": s.screened_at,
        "officer": s.officer.username,
        "outcome": s.outcome,
        "reasons": s.reasons,
        "flags": s.flags,
        "destination": s.destination,
        "purpose": s.purpose,
        "ticket": s.ticket,
        "paid_by": s.paid_by,
        "sex": s.sex,
        "birth_year": s.birth_year,
        "origin_region_code": s.origin_region_code,
        "repeat_of": s.repeat_of_id,
        "report": s.report.tracking_code if s.report_id and user.is_officer else None,
        "handover_consent": s.handover_consent,
        "is_sample": s.is_sample,
        "identity_erased": s.identity_erased_at is not None,
        "identity": identity,
    }
    if full:
        data["parties"] = [{"role": p.role, "kind": p.kind, "value": p.value} for p in s.parties.all()]
        data["answers"] = s.answers
        data["self_answers"] = s.self_answers
        data["referrals"] = [
            {"agency": r.agency.slug, "status": r.status, "outcome": r.outcome}
            for r in selectors.referrals_of(user, s)
        ]
    return data


@router.post(
    "/checkpoints/screenings",
    response={200: CheckpointScreeningOut, 201: CheckpointScreeningOut, **ERRORS},
    auth=staff_token,
    summary="Catat pemeriksaan TPI",
)
def screening_create(
    request: HttpRequest,
    payload: CheckpointScreeningIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=128),
) -> Any:
    """Record a screening at a checkpoint the officer is posted at. A retry with the same Idempotency-Key and
    body answers 200 with the record created the first time."""
    data = payload.model_dump(exclude={"checkpoint"})
    token = None
    if idempotency_key:
        # Bound to the user and the content: another client reusing a key makes its own record.
        content = hashlib.sha256(payload.model_dump_json().encode()).hexdigest()
        token = f"{request.user.pk}\x1f{idempotency_key}\x1f{content}"
    try:
        screening = screening_record(
            checkpoint=payload.checkpoint, actor=request.user, data=data, submission_token=token
        )
    except DuplicateScreening as duplicate:
        return Status(200, _out(request.user, duplicate.screening, full=True))
    return Status(201, _out(request.user, screening, full=True))


@router.get(
    "/checkpoints/screenings",
    response={200: CheckpointScreeningListOut, 422: ErrorOut},
    auth=staff_token,
    summary="Daftar pemeriksaan TPI",
)
def screening_list(request: HttpRequest, filters: Query[CheckpointListQuery]) -> Any:
    """Newest first, 50 a page, scoped to the caller (petugas: their TPIs; mitra: hand-overs only)."""
    qs = selectors.screenings_visible_to(request.user).select_related("report")
    if filters.checkpoint:
        qs = qs.filter(checkpoint__slug=filters.checkpoint)
    if filters.outcome:
        qs = qs.filter(outcome=filters.outcome)
    if filters.repeat:
        qs = qs.filter(repeat_of__isnull=False)
    start = (filters.page - 1) * PAGE
    rows = list(qs[start : start + PAGE + 1])
    return {
        "items": [_out(request.user, s) for s in rows[:PAGE]],
        "page": filters.page,
        "has_next": len(rows) > PAGE,
    }


@router.get(
    "/checkpoints/screenings/{screening_id}",
    response={200: CheckpointScreeningOut, **ERRORS},
    auth=staff_token,
    summary="Detail pemeriksaan TPI",
)
def screening_detail(request: HttpRequest, screening_id: int, include_identity: bool = False) -> Any:
    """With `include_identity=true` the traveller's identity is decrypted for those allowed (audited)."""
    screening = selectors.screening_for(request.user, screening_id)
    identity = None
    if include_identity:
        try:
            identity = traveller_identity_view(screening=screening, actor=request.user)
        except PermissionDenied as exc:
            raise HttpError(403, str(exc)) from None
    return _out(request.user, screening, full=True, identity=identity)


@router.post(
    "/checkpoints/screenings/{screening_id}/outcome",
    response={200: CheckpointScreeningOut, **ERRORS},
    auth=staff_token,
    summary="Putuskan hasil pemeriksaan TPI",
)
def screening_outcome(request: HttpRequest, screening_id: int, payload: CheckpointOutcomeIn) -> Any:
    """diizinkan, ditunda (with reason codes), dirujuk (BP3MI, with consent) or diserahkan (police)."""
    screening = selectors.screening_for(request.user, screening_id)
    try:
        screening_decide(
            screening=screening,
            outcome=payload.outcome,
            actor=request.user,
            reasons=payload.reasons,
            notes=payload.notes,
            agency_slug=payload.agency,
            consent=payload.consent,
        )
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    return _out(request.user, selectors.screening_for(request.user, screening_id), full=True)


@router.get(
    "/checkpoints/counts",
    response={200: CheckpointCountsOut, 403: ErrorOut, 422: ErrorOut},
    auth=staff_token,
    summary="Hitungan pemeriksaan TPI",
)
def screening_counts(request: HttpRequest, start: date, end: date, checkpoint: str = "") -> Any:
    """Counts without identity for a date range (office time zone): what the shift summary shows."""
    if not can.can_view_checkpoint_counts(request.user):
        raise HttpError(403, "Forbidden")
    found = selectors.office_checkpoints(request.user).filter(slug=checkpoint).first() if checkpoint else None
    s = stats.summary(request.user, start, max(start, end), found.pk if found else None)

    def coded(rows: list[tuple[str, int]]) -> list[dict[str, Any]]:
        return [{"code": code, "count": n} for code, n in rows]

    return {
        **s.__dict__,
        "per_checkpoint": [{"checkpoint": c, "outcome": o, "count": n} for c, o, n in s.per_checkpoint],
        "reasons": coded(s.reasons),
        "destinations": coded(s.destinations),
        "origin_provinces": coded(s.origin_provinces),
        "handovers": [{"agency": a, "status": st, "count": n} for a, st, n in s.handovers],
    }
