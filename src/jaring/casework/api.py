"""Staff API (Bearer token): the inbox and case actions, scoped exactly like the web pages.

Out of scope reports answer 404 (no hint that they exist); an action the role may not take answers 403;
invalid input answers 422 with translated messages (jaring.api handles ValidationError).
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from jaring.accounts.api_auth import staff_token
from jaring.accounts.permissions import can_read_thread, can_refer, is_mitra, require
from jaring.casework import referrals, services
from jaring.casework.files import attachment_read
from jaring.casework.inbox import InboxFilters, inbox_page
from jaring.casework.schemas import (
    AssignIn,
    BodyIn,
    ReferIn,
    ReferralIn,
    ReportDetailOut,
    ReportListOut,
    TransitionIn,
)
from jaring.casework.selectors import (
    attachment_for,
    attachments_for,
    messages_for,
    referrals_for,
    report_for,
    reports_visible_to,
    timeline_for,
    with_attachment_flag,
)
from jaring.lib.api_errors import ErrorOut
from jaring.reports.deadlines import deadline_state, office_today
from jaring.reports.models import Report
from jaring.reports.statuses import public_status_text

router = Router(tags=["staff"])
ERRORS = {403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class InboxQuery(Schema):
    status: str = ""
    category: str = ""
    priority: str = ""
    channel: str = ""
    region: str = ""
    assignee: str = ""
    due: str = ""
    attachments: bool = False
    label: str = ""
    q: str = ""
    cursor: str = ""


def _row(report: Report, today: Any) -> dict[str, Any]:
    return {
        "tracking_code": report.tracking_code,
        "created_at": report.created_at,
        "category": report.category,
        "status": report.status,
        "priority": report.priority,
        "channel": report.channel,
        "region_code": report.region_code,
        "assignee": report.assignee.username if report.assignee_id else None,
        "verify_due": report.verify_due,
        "follow_up_due": report.follow_up_due,
        "deadline": deadline_state(
            status=report.status,
            verify_due=report.verify_due,
            follow_up_due=report.follow_up_due,
            today=today,
        ),
        "has_attachments": bool(getattr(report, "has_attachments", False)),
        "labels": [rl.label.name for rl in report.report_labels.all()],
        "urgent": report.urgent,
        "unread_messages": getattr(report, "unread_count", None),
    }


def _today(report: Report) -> Any:
    return office_today(report.office)


def _guard(action: Callable[[], Any]) -> Any:
    try:
        return action()
    except PermissionDenied as exc:
        raise HttpError(403, str(exc) or "Forbidden") from None


@router.get("/reports", response={200: ReportListOut, 422: ErrorOut}, auth=staff_token)
def report_list(request: HttpRequest, filters: Query[InboxQuery]) -> Any:
    """The inbox with the same filters as /petugas/laporan/ (e.g. `?status=baru&q=kamboja`)."""
    params = filters.dict()
    f = InboxFilters.from_params(params)
    if f.errors:
        raise ValidationError(f.errors)
    user = request.user
    page = inbox_page(reports_visible_to(user), f, user, cursor=params["cursor"])
    today = office_today(user.office) if user.office else None
    return {
        "items": [_row(r, today or _today(r)) for r in page.rows],
        "next_cursor": page.next_cursor or None,
        "total": page.total,
        "total_capped": page.total_capped,
        "scan_limited": page.scan_limited,
    }


def _detail(request: HttpRequest, report: Report, *, include_identity: bool = False) -> dict[str, Any]:
    user = request.user
    report = (
        with_attachment_flag(reports_visible_to(user))
        .select_related("office", "assignee", "duplicate_of")
        .get(pk=report.pk)
    )
    identity = services.identity_reveal(report=report, actor=user) if include_identity else None
    # The answer carries the whole thread: the reporter's messages are read, as on the case page.
    services.report_mark_seen(report=report, actor=user)
    code = report.tracking_code
    return {
        **_row(report, _today(report)),
        # Reasons may quote a follow-up message, which partners may not read (can_read_thread).
        "urgency_reasons": [
            {"rule": r.get("rule", ""), "match": r.get("match", "")} for r in report.urgency_reasons
        ]
        if can_read_thread(user, report)
        else [],
        "description": report.description,
        "incident_date": report.incident_date,
        "location_text": report.location_text,
        "identity_mode": report.identity_mode,
        "share_identity_with_partners": report.share_identity_with_partners,
        "identity": identity,
        "duplicate_of": report.duplicate_of.tracking_code if report.duplicate_of_id else None,
        "public_status_text": public_status_text(report.status),
        "parties": [{"kind": p.kind, "value": p.value, "note": p.note} for p in report.parties.all()],
        "messages": [
            {
                "id": m.pk,
                "author_kind": m.author_kind,
                "author": m.author.username if m.author_id else None,
                "body": m.body,
                "is_internal": m.is_internal,
                "created_at": m.created_at,
            }
            for m in messages_for(user, report)
        ],
        "timeline": [e.__dict__ for e in timeline_for(user, report)],
        "attachments": [
            {
                "id": a.pk,
                "content_type": a.content_type,
                "size": a.size,
                "created_at": a.created_at,
                "url": request.build_absolute_uri(reverse("api:staff_attachment", args=[code, a.pk])),
            }
            for a in attachments_for(user, report)
        ],
        "referrals": [
            {
                "id": ref.pk,
                "agency": ref.agency.slug,
                "status": ref.status,
                "note": ref.note,
                "outcome": ref.outcome,
                "created_at": ref.created_at,
                "updates": [
                    {
                        "status": u.status,
                        "note": u.note,
                        "actor": u.actor.username,
                        "created_at": u.created_at,
                    }
                    for u in ref.updates.all()
                ],
            }
            for ref in referrals_for(user, report)
        ],
    }


@router.get("/reports/{tracking_code}", response={200: ReportDetailOut, **ERRORS}, auth=staff_token)
def report_detail(request: HttpRequest, tracking_code: str, include_identity: bool = False) -> Any:
    """One report with parties, thread (officers), timeline, attachments and referrals."""
    report = report_for(request.user, tracking_code)
    return _guard(lambda: _detail(request, report, include_identity=include_identity))


@router.get(
    "/reports/{tracking_code}/attachments/{attachment_id}",
    response={200: None, 404: ErrorOut},
    auth=staff_token,
    url_name="staff_attachment",
)
def attachment_download(request: HttpRequest, tracking_code: str, attachment_id: int) -> HttpResponse:
    """The decrypted file, for users who may see the report; every download is audited."""
    report, item = attachment_for(request.user, tracking_code, attachment_id)
    data = attachment_read(report=report, attachment=item, actor=request.user)
    response = HttpResponse(data, content_type=item.content_type or "application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="lampiran-{item.pk}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _act(request: HttpRequest, tracking_code: str, action: Callable[[Report], Any]) -> Any:
    report = report_for(request.user, tracking_code)
    _guard(lambda: action(report))
    return _detail(request, report)


@router.post(
    "/reports/{tracking_code}/transition", response={200: ReportDetailOut, **ERRORS}, auth=staff_token
)
def report_transition(request: HttpRequest, tracking_code: str, payload: TransitionIn) -> Any:
    """Moves the report along the workflow; closing (selesai) and rejecting (ditolak) need a reason."""
    return _act(
        request,
        tracking_code,
        lambda r: services.report_transition(
            report=r,
            actor=request.user,
            to=payload.to,
            reason=payload.reason,
            public_note=payload.public_note,
        ),
    )


@router.post("/reports/{tracking_code}/assign", response={200: ReportDetailOut, **ERRORS}, auth=staff_token)
def report_assign(request: HttpRequest, tracking_code: str, payload: AssignIn) -> Any:
    def run(report: Report) -> None:
        assignee = services.assignee_for(report, payload.username) if payload.username else None
        services.report_assign(report=report, assignee=assignee, actor=request.user)

    return _act(request, tracking_code, run)


@router.post("/reports/{tracking_code}/reply", response={200: ReportDetailOut, **ERRORS}, auth=staff_token)
def report_reply(request: HttpRequest, tracking_code: str, payload: BodyIn) -> Any:
    """A public reply the reporter reads; refused on closed reports."""
    return _act(
        request, tracking_code, lambda r: services.reply_send(report=r, body=payload.body, actor=request.user)
    )


@router.post("/reports/{tracking_code}/notes", response={200: ReportDetailOut, **ERRORS}, auth=staff_token)
def report_note(request: HttpRequest, tracking_code: str, payload: BodyIn) -> Any:
    """An internal note, never shown to the reporter or partners."""
    return _act(
        request, tracking_code, lambda r: services.note_add(report=r, body=payload.body, actor=request.user)
    )


@router.post("/reports/{tracking_code}/refer", response={200: ReportDetailOut, **ERRORS}, auth=staff_token)
def report_refer(request: HttpRequest, tracking_code: str, payload: ReferIn) -> Any:
    def run(report: Report) -> None:
        require(can_refer(request.user, report), gettext("Anda tidak menangani laporan ini."))
        agency = referrals.agency_for(payload.agency, report)
        referrals.referral_create(report=report, agency=agency, note=payload.note, actor=request.user)

    return _act(request, tracking_code, run)


@router.post("/reports/{tracking_code}/referral", response={200: ReportDetailOut, **ERRORS}, auth=staff_token)
def referral_update(request: HttpRequest, tracking_code: str, payload: ReferralIn) -> Any:
    """The mitra's follow-up on the referral to their agency (the latest one when there are several)."""

    def run(report: Report) -> None:
        require(is_mitra(request.user), "Hanya mitra yang mencatat tindak lanjut rujukan.")
        referral = get_object_or_404(referrals_for(request.user, report).order_by("-pk")[:1])
        referrals.referral_update(
            referral=referral, status=payload.status, note=payload.note, actor=request.user
        )

    return _act(request, tracking_code, run)
