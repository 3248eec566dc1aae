"""One report: the detail page and the POST actions on it. Every action calls one service and comes back here.

On a mistake the page is shown again with the message next to the field and the officer's text kept.
"""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jaring.accounts.models import Agency, User
from jaring.accounts.permissions import (
    can_handle,
    can_handle_cases,
    can_read_identity,
    can_work_cases,
    capability_required,
    is_mitra,
)
from jaring.accounts.selectors import staff_users_of_office
from jaring.casework import referral_thread, referrals, services
from jaring.casework.files import attachment_read
from jaring.casework.models import Referral
from jaring.casework.selectors import (
    TimelineEntry,
    attachment_for,
    attachments_for,
    labels_for_office,
    referral_for,
    referrals_for,
    reply_templates_for,
    report_for,
    report_labels,
    timeline_for,
)
from jaring.casework.workflow import RejectReason, allowed_next
from jaring.reports.deadlines import URGENT_DAYS, deadline_state, office_today
from jaring.reports.models import Priority, Report, Status
from jaring.reports.selectors import report_location, submitted_parties
from jaring.reports.statuses import is_closed, public_status_text
from jaring.reports.urgency import RULE_LABELS


def _latest_from_reporter(timeline: list[TimelineEntry]) -> TimelineEntry | None:
    """The reporter's newest message: quoted above the reply box, so the answer is written next to it."""
    return next((e for e in reversed(timeline) if e.kind == "message" and e.role == "reporter"), None)


def _context(request: HttpRequest, report: Report, **extra: object) -> dict[str, object]:
    user = request.user
    officer = can_handle(user, report)
    timeline = timeline_for(user, report)
    context: dict[str, object] = {
        "report": report,
        "officer": officer,
        "parties": list(submitted_parties(report)),
        "location": report_location(report),
        "attachments": list(attachments_for(user, report)),
        "referrals": referral_thread.with_threads(user, referrals_for(user, report)),
        "timeline": timeline,
        "latest_from_reporter": _latest_from_reporter(timeline),
        # Only one action is expanded: the reply for an officer, the follow-up for a partner; after a mistake,
        # the form that has it (set by _act).
        "open_action": "reply" if officer else "referral",
        "can_identity": can_read_identity(user, report),
        "public_status": public_status_text(report.status),
        "errors": {},
        "values": {},
        "referral_statuses": Referral.Status.choices,
    }
    if officer:
        templates = list(reply_templates_for(user))
        chosen = request.GET.get("templat", "")
        reply_body = next((t.body for t in templates if str(t.pk) == chosen), "")
        context.update(
            {
                "transitions": [
                    (s, Status(s).label) for s in allowed_next(report.status) if s != Status.DIRUJUK
                ],
                "reject_reasons": [c for c in RejectReason.CHOICES if c[0] != RejectReason.DUPLIKAT],
                "priorities": Priority.choices,
                "officers": staff_users_of_office(report.office) if user.is_supervisor else [],
                "agencies": Agency.objects.filter(offices=report.office_id),
                "labels": report_labels(report),
                "office_labels": labels_for_office(report.office_id),
                "reply_templates": templates,
                "closed": is_closed(report.status),
                "deadline_state": deadline_state(
                    status=report.status,
                    verify_due=report.verify_due,
                    follow_up_due=report.follow_up_due,
                    today=office_today(report.office),
                ),
            }
        )
        context["values"] = {"reply": reply_body}
        context["urgent_days"] = URGENT_DAYS
        context["urgency_reasons"] = [
            {"label": RULE_LABELS.get(r.get("rule", ""), r.get("rule", "")), **r}
            for r in report.urgency_reasons
        ]
    context.update(extra)
    return context


@capability_required(can_work_cases)
def detail(request: HttpRequest, code: str) -> HttpResponse:
    report = report_for(request.user, code)
    # The page shows the whole thread: the reporter's messages so far are read (casework/unread.py).
    services.report_mark_seen(report=report, actor=request.user)
    return render(request, "casework/detail.html", _context(request, report))


def _act(request: HttpRequest, code: str, action: Callable[[Report, User], str], form: str) -> HttpResponse:
    """Runs `action`; success -> message and redirect; ValidationError -> the page again with the input kept."""
    report = report_for(request.user, code)
    try:
        done = action(report, request.user)
    except ValidationError as exc:
        found = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        errors = {f"{form}_{k}": v for k, v in found.items()}
        for message in found.get("__all__", []):
            messages.error(request, message)
        values = {f"{form}_{k}": v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}
        if form == "reply":
            values["reply"] = request.POST.get("body", "")
        report = report_for(request.user, code)
        context = _context(request, report)
        context["errors"], context["values"] = errors, {**context["values"], **values}
        context["error_form"] = context["open_action"] = form
        return render(request, "casework/detail.html", context, status=422)
    messages.success(request, done)
    return redirect("casework:detail", code=report.tracking_code)


@require_POST
@capability_required(can_handle_cases)
def transition(request: HttpRequest, code: str) -> HttpResponse:
    def run(report: Report, user: User) -> str:
        to = request.POST.get("to", "")
        reason = request.POST.get("reason", "")
        if to == Status.DITOLAK:
            # The rejection reason has no default (it once defaulted to "Spam"): the officer picks it.
            chosen = request.POST.get("reject_reason", "")
            if chosen not in RejectReason.CODES:
                raise ValidationError({"reject_reason": _("Pilih alasan penolakan.")})
            reason = chosen + (f": {reason}" if reason.strip() else "")
        services.report_transition(
            report=report, actor=user, to=to, reason=reason, public_note=request.POST.get("public_note", "")
        )
        return _("Status laporan diubah menjadi %(s)s.") % {"s": Status(to).label}

    return _act(request, code, run, "status")


@require_POST
@capability_required(can_handle_cases)
def assign(request: HttpRequest, code: str) -> HttpResponse:
    def run(report: Report, user: User) -> str:
        username = request.POST.get("username", "")
        if username == "-":
            services.report_assign(report=report, assignee=None, actor=user)
            return _("Penugasan dilepas.")
        assignee = services.assignee_for(report, username or user.username)
        services.report_assign(report=report, assignee=assignee, actor=user)
        return _("Laporan ditugaskan kepada %(u)s.") % {"u": assignee.get_full_name() or assignee.username}

    return _act(request, code, run, "assign")


@require_POST
@capability_required(can_handle_cases)
def priority(request: HttpRequest, code: str) -> HttpResponse:
    def run(report: Report, user: User) -> str:
        services.report_set_priority(report=report, priority=request.POST.get("priority", ""), actor=user)
        return _("Prioritas diperbarui.")

    return _act(request, code, run, "priority")


@require_POST
@capability_required(can_handle_cases)
def urgency(request: HttpRequest, code: str) -> HttpResponse:
    def run(report: Report, user: User) -> str:
        urgent = request.POST.get("urgent") == "1"
        services.report_set_urgency(
            report=report, urgent=urgent, reason=request.POST.get("reason", ""), actor=user
        )
        return _("Laporan ditandai mendesak.") if urgent else _("Tanda mendesak dihapus.")

    return _act(request, code, run, "urgency")


@require_POST
@capability_required(can_handle_cases)
def labels(request: HttpRequest, code: str) -> HttpResponse:
    def run(report: Report, user: User) -> str:
        names = request.POST.getlist("label") + request.POST.get("new_labels", "").split(",")
        services.report_set_labels(report=report, names=names, actor=user)
        return _("Label diperbarui.")

    return _act(request, code, run, "labels")


@require_POST
@capability_required(can_handle_cases)
def duplicate(request: HttpRequest, code: str) -> HttpResponse:
    def run(report: Report, user: User) -> str:
        services.report_mark_duplicate(
            report=report, original_code=request.POST.get("original", ""), actor=user
        )
        return _("Laporan ditandai sebagai duplikat.")

    return _act(request, code, run, "duplicate")


@require_POST
@capability_required(can_handle_cases)
def note(request: HttpRequest, code: str) -> HttpResponse:
    def run(report: Report, user: User) -> str:
        services.note_add(report=report, body=request.POST.get("body", ""), actor=user)
        return _("Catatan internal disimpan.")

    return _act(request, code, run, "note")


@require_POST
@capability_required(can_handle_cases)
def reply(request: HttpRequest, code: str) -> HttpResponse:
    def run(report: Report, user: User) -> str:
        services.reply_send(report=report, body=request.POST.get("body", ""), actor=user)
        return _("Balasan terkirim ke pelapor.")

    return _act(request, code, run, "reply")


@require_POST
@capability_required(can_handle_cases)
def refer(request: HttpRequest, code: str) -> HttpResponse:
    def run(report: Report, user: User) -> str:
        agency = referrals.agency_for(request.POST.get("agency", ""), report)
        referrals.referral_create(report=report, agency=agency, note=request.POST.get("note", ""), actor=user)
        return _("Laporan dirujuk ke %(a)s.") % {"a": agency.name}

    return _act(request, code, run, "refer")


@require_POST
@capability_required(is_mitra)
def referral_update(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    def run(report: Report, user: User) -> str:
        referral = get_object_or_404(referrals_for(user, report), pk=pk)
        referrals.referral_update(
            referral=referral,
            status=request.POST.get("status", ""),
            note=request.POST.get("note", ""),
            actor=user,
        )
        return _("Tindak lanjut rujukan disimpan.")

    return _act(request, code, run, "referral")


@capability_required(can_work_cases)
def case_file(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """The referral's case file (PDF) for the partner agency; each download is audited."""
    report = report_for(request.user, code)
    referral = referral_for(request.user, report, pk)
    data = referrals.referral_case_file(referral=referral, actor=request.user)
    response = HttpResponse(data, content_type="application/pdf")
    name = f"berkas-rujukan-{report.tracking_code}-{referral.agency.slug}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@capability_required(can_work_cases)
def identity(request: HttpRequest, code: str) -> HttpResponse:
    """Decrypts and shows the reporter's identity: an explicit, audited act (never on page load)."""
    report = report_for(request.user, code)
    shown = services.identity_reveal(report=report, actor=request.user)
    return render(request, "casework/detail.html", _context(request, report, identity=shown))


@capability_required(can_work_cases)
def attachment(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    report, item = attachment_for(request.user, code, pk)
    data = attachment_read(report=report, attachment=item, actor=request.user)
    response = HttpResponse(data, content_type=item.content_type or "application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="lampiran-{item.pk}"'
    response["Cache-Control"] = "private, no-store"
    return response
