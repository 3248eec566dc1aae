"""Public Lapor API: submit a report, follow it up with the receipt, send more messages and files.

Bodies are JSON or multipart/form-data with the same fields (plus `files`); both are parsed here by the same
schema, because django-ninja binds one body media type per operation.
"""

import hashlib
import json
import logging
from datetime import date, datetime
from typing import Any, Literal

import pydantic
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Header, Router, Schema, Status
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ConfigDict

from jaring.accounts.selectors import primary_office
from jaring.lib import ratelimit
from jaring.lib.api_errors import ErrorOut, error_response
from jaring.lib.ratelimit import RateLimited
from jaring.reports import limits, receipts
from jaring.reports.models import Category, Channel, IdentityMode, PartyKind, Report
from jaring.reports.selectors import public_messages, public_timeline
from jaring.reports.services import DuplicateSubmission, report_message_add, report_submit

router = Router(tags=["reports"])
logger = logging.getLogger(__name__)

CategoryCode = Literal[tuple(Category.values)]  # type: ignore[valid-type]
PartyKindCode = Literal[tuple(PartyKind.values)]  # type: ignore[valid-type]
IdentityModeCode = Literal[tuple(IdentityMode.values)]  # type: ignore[valid-type]


class PartyIn(Schema):
    model_config = ConfigDict(extra="forbid")
    kind: PartyKindCode
    value: str = Field(min_length=1, max_length=300)


class ReportIn(Schema):
    """A report. `reporter_name` and `reporter_contact` only with identity_mode `rahasia`."""

    model_config = ConfigDict(extra="forbid")
    category: CategoryCode
    description: str = Field(max_length=10_000)
    incident_date: date | None = None
    region_code: str | None = Field(None, max_length=13, description="Kemendagri code, e.g. 21.71.08.1007")
    location_text: str | None = Field(None, max_length=300)
    identity_mode: IdentityModeCode
    reporter_name: str | None = Field(None, max_length=200)
    reporter_contact: str | None = Field(None, max_length=200)
    share_identity_with_partners: bool = False
    notify_new_answer: bool = Field(
        False,
        description="rahasia only: tell reporter_contact (e-mail or WhatsApp) when an officer answers, without "
        "the answer's text; the link follows the request's language (Accept-Language)",
    )
    parties: list[PartyIn] = Field(default_factory=list, max_length=20)
    heard_from: str | None = Field(None, max_length=100, description="e.g. an outreach event code")


class ReportCreated(Schema):
    tracking_code: str
    follow_up_key: str = Field(description="Shown once; store it. Needed in X-Follow-Up-Key.")
    status: str


class TimelineOut(Schema):
    status: str
    label: str
    note: str
    at: datetime


class AttachmentOut(Schema):
    content_type: str
    size: int
    metadata_removed: bool


class MessageOut(Schema):
    author: str
    body: str
    created_at: datetime
    attachments: list[AttachmentOut]


class ReportThreadOut(Schema):
    tracking_code: str
    status: str
    status_label: str
    category: str
    category_label: str
    created_at: datetime
    timeline: list[TimelineOut]
    messages: list[MessageOut]


class MessageIn(Schema):
    model_config = ConfigDict(extra="forbid")
    body: str = Field("", max_length=5_000)


class MessageCreated(Schema):
    id: int
    created_at: datetime


def _rate_limited(exc: RateLimited) -> HttpResponse:
    message = _("Terlalu banyak percobaan. Silakan coba lagi dalam %(minutes)s menit.") % {
        "minutes": max(1, round(exc.retry_after / 60))
    }
    return error_response(429, message, "rate_limited", {"Retry-After": str(exc.retry_after)})


def _not_found() -> HttpResponse:
    # One constant answer for an unknown code, a wrong key and a missing key.
    return error_response(404, _("Laporan tidak ditemukan, atau kode/kunci salah."), "not_found")


def _is_form(request: HttpRequest) -> bool:
    return request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded")


def _form_data(request: HttpRequest) -> dict[str, Any]:
    data: dict[str, Any] = {
        key: request.POST.get(key) for key in request.POST if key not in ("parties", "party")
    }
    data = {key: value for key, value in data.items() if value != ""}
    if "parties" in request.POST:
        # multipart: `parties` as a JSON array, like the JSON body ...
        try:
            data["parties"] = json.loads(request.POST["parties"] or "[]")
        except ValueError:
            data["parties"] = request.POST["parties"]
    elif "party" in request.POST:
        # ... or repeated `party=kind:value` fields, like the web form's prefill links.
        data["parties"] = [
            dict(zip(("kind", "value"), p.split(":", 1), strict=False)) for p in request.POST.getlist("party")
        ]
    return data


def _parse(request: HttpRequest, model: type[Schema]) -> tuple[Any, list[Any]]:
    try:
        if _is_form(request):
            return model.model_validate(_form_data(request)), request.FILES.getlist("files")
        return model.model_validate_json(request.body or b"{}"), []
    except pydantic.ValidationError as exc:
        errors = [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
        raise NinjaValidationError(errors) from None


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """Replaces pydantic's local $refs by the definitions: the body is documented without components."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            return _inline(defs[ref.removeprefix("#/$defs/")], defs)
        return {key: _inline(value, defs) for key, value in node.items() if key != "$defs"}
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    return node


def _body_doc(model: type[Schema]) -> dict[str, Any]:
    raw = model.model_json_schema()
    schema = _inline(raw, raw.get("$defs", {}))
    multipart = {
        **schema,
        "properties": {
            **schema["properties"],
            "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
        },
    }
    if "parties" in multipart["properties"]:
        multipart["properties"]["parties"] = {"type": "string", "description": "JSON array of {kind, value}"}
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": schema}, "multipart/form-data": {"schema": multipart}},
        }
    }


@router.post(
    "/reports",
    response={201: ReportCreated, 409: ErrorOut, 422: ErrorOut, 429: ErrorOut, 503: ErrorOut},
    openapi_extra=_body_doc(ReportIn),
    summary="Kirim laporan",
)
def report_create(
    request: HttpRequest, idempotency_key: str | None = Header(None, alias="Idempotency-Key", max_length=128)
) -> Any:
    """Submit a report (JSON, or multipart with the same fields plus `files`). Returns the receipt once.

    With an `Idempotency-Key` header, a retry within the receipt lifetime returns the same receipt; later it
    answers 409 with the tracking code (the key is never stored in readable form)."""
    client = ratelimit.client_id(request)
    try:
        ratelimit.check(limits.submissions(), client)
    except RateLimited as exc:
        return _rate_limited(exc)
    payload, files = _parse(request, ReportIn)
    data = payload.model_dump(exclude={"parties"})
    data = {key: ("" if value is None and key != "incident_date" else value) for key, value in data.items()}
    token = _submission_token(idempotency_key, payload, files)
    try:
        report, key = report_submit(
            office=primary_office(),
            parties=[p.model_dump() for p in payload.parties],
            files=files,
            channel=Channel.API,
            submission_token=token,
            reporter_language=translation.get_language() or "",
            **data,
        )
    except DuplicateSubmission as duplicate:
        return _replay(duplicate.report, token or "")
    except OperationalError:
        # E.g. SQLite's write lock not obtained within its busy timeout: nothing was stored; ask for a retry.
        logger.exception("report submission failed")
        message = _("Laporan belum tersimpan karena server sedang sibuk. Silakan kirim lagi sebentar lagi.")
        return error_response(503, message, "unavailable", {"Retry-After": "5"})
    ratelimit.hit(limits.submissions(), client)
    return Status(201, {"tracking_code": report.tracking_code, "follow_up_key": key, "status": report.status})


def _submission_token(idempotency_key: str | None, payload: ReportIn, files: list[Any]) -> str | None:
    """The Idempotency-Key bound to what was sent: a retry of the same report gets its receipt again, while
    another client reusing the key (or guessing a short one) with other content makes a report of its own
    and never sees the first reporter's follow-up key."""
    if not idempotency_key:
        return None
    content = hashlib.sha256(payload.model_dump_json().encode())
    for upload in files:
        for chunk in upload.chunks():  # chunks() starts from the beginning; the services read it again
            content.update(chunk)
        upload.seek(0)
    return f"{idempotency_key}\x1f{content.hexdigest()}"


def _replay(report: Report, token: str) -> Any:
    remembered = receipts.recall(receipts.token_digest(Channel.API, token))
    if remembered:
        code, key = remembered
        return Status(201, {"tracking_code": code, "follow_up_key": key, "status": report.status})
    message = _(
        "Laporan dengan Idempotency-Key ini sudah diterima dengan kode %(code)s. "
        "Kunci tindak lanjut hanya diberikan sekali."
    ) % {"code": report.tracking_code}
    return error_response(409, message, "duplicate")


def _thread(report: Report) -> dict[str, Any]:
    return {
        "tracking_code": report.tracking_code,
        "status": report.status,
        "status_label": report.get_status_display(),
        "category": report.category,
        "category_label": report.get_category_display(),
        "created_at": report.created_at,
        "timeline": [
            {"status": e.status, "label": e.label, "note": e.note, "at": e.at}
            for e in public_timeline(report)
        ],
        "messages": [
            {
                "author": m.author_kind,
                "body": m.body,
                "created_at": m.created_at,
                "attachments": [
                    {"content_type": a.content_type, "size": a.size, "metadata_removed": a.metadata_removed}
                    for a in m.attachments.all()
                ],
            }
            for m in public_messages(report)
        ],
    }


@router.get(
    "/reports/{tracking_code}",
    response={200: ReportThreadOut, 404: ErrorOut, 429: ErrorOut},
    summary="Cek status laporan",
)
def report_status(
    request: HttpRequest, tracking_code: str, follow_up_key: str = Header("", alias="X-Follow-Up-Key")
) -> Any:
    """Status, timeline and public thread. A wrong or missing key answers exactly like an unknown code."""
    try:
        report = limits.follow_up(request, tracking_code, follow_up_key)
    except RateLimited as exc:
        return _rate_limited(exc)
    if report is None:
        return _not_found()
    return Status(200, _thread(report))


@router.post(
    "/reports/{tracking_code}/messages",
    response={201: MessageCreated, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    openapi_extra=_body_doc(MessageIn),
    summary="Kirim pesan atau berkas tambahan",
)
def report_message_create(
    request: HttpRequest, tracking_code: str, follow_up_key: str = Header("", alias="X-Follow-Up-Key")
) -> Any:
    """A message from the reporter (JSON `{body}`, or multipart with `body` and `files`)."""
    client = ratelimit.client_id(request)
    try:
        ratelimit.check(limits.messages(), client)
        report = limits.follow_up(request, tracking_code, follow_up_key)
    except RateLimited as exc:
        return _rate_limited(exc)
    if report is None:
        return _not_found()
    payload, files = _parse(request, MessageIn)
    message = report_message_add(report=report, body=payload.body, files=files, channel=Channel.API)
    ratelimit.hit(limits.messages(), client)
    return Status(201, {"id": message.pk, "created_at": message.created_at})
