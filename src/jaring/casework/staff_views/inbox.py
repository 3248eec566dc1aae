"""Inbox, export, audit log and reply templates: thin views over selectors and services."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jaring.accounts.models import User
from jaring.accounts.permissions import can_handle_cases, can_supervise, can_work_cases, capability_required
from jaring.accounts.selectors import staff_users_of_office
from jaring.casework.audit_log import audit_page
from jaring.casework.bulk import reports_bulk_assign, reports_bulk_transition
from jaring.casework.exports import export_csv, export_record, export_xlsx
from jaring.casework.inbox import STATUS_ALL, STATUS_OPEN, InboxFilters, filtered, inbox_page
from jaring.casework.reply_templates import reply_template_delete, reply_template_save
from jaring.casework.selectors import labels_for_office, reply_templates_for, reports_visible_to
from jaring.casework.workflow import RejectReason
from jaring.reports.deadlines import deadline_state, next_due, office_today, office_zone
from jaring.reports.models import Category, Channel, Priority, Status

EXCERPT_CHARS = 140
# Statuses a selection can be moved to at once ("dirujuk" needs the referral form of each report).
BULK_STATUSES = (
    Status.DIVERIFIKASI,
    Status.DITINDAKLANJUTI,
    Status.MENUNGGU_PELAPOR,
    Status.SELESAI,
    Status.DITOLAK,
)


def _filter_choices(user: User) -> dict[str, object]:
    return {
        "statuses": [(STATUS_OPEN, _("Terbuka")), *Status.choices, (STATUS_ALL, _("Semua"))],
        "categories": Category.choices,
        "priorities": Priority.choices,
        "channels": Channel.choices,
        "officers": staff_users_of_office(user.office) if user.is_officer else [],
        "labels": labels_for_office(user.office_id) if user.is_officer else [],
    }


@capability_required(can_work_cases)
def inbox(request: HttpRequest) -> HttpResponse:
    user = request.user
    filters = InboxFilters.from_params(request.GET)
    for message in filters.errors.values():
        messages.error(request, message)
    page = inbox_page(reports_visible_to(user), filters, user, cursor=request.GET.get("setelah", ""))
    today = office_today(user.office) if user.office else timezone.localdate()
    # Labels and dates resolved once per page, not per row: get_FOO_display rebuilds the choices dict and
    # translates on every call, and the |date filter re-reads the format settings (a third of the render).
    labels = {
        name: {value: str(label) for value, label in choices}
        for name, choices in (("status", Status.choices), ("category", Category.choices),
                              ("priority", Priority.choices), ("channel", Channel.choices))
    }  # fmt: skip
    months = {m: str(MONTHS_3[m]).title() for m in range(1, 13)}
    for report in page.rows:
        report.deadline_state = deadline_state(
            status=report.status,
            verify_due=report.verify_due,
            follow_up_due=report.follow_up_due,
            today=today,
        )
        for name, names in labels.items():
            setattr(report, f"{name}_label", names.get(getattr(report, name), getattr(report, name)))
        received = timezone.localtime(report.created_at)
        report.received_text = f"{received:%d} {months[received.month]} {received:%Y %H:%M}"
        due_shown = next_due(
            status=report.status, verify_due=report.verify_due, follow_up_due=report.follow_up_due
        )
        report.due_text = f"{due_shown:%d} {months[due_shown.month]}" if due_shown else ""
        if due_shown and not report.deadline_state:
            report.deadline_state = "on_time"
        # The description is what anyone who may see the report reads on its page (partners included).
        report.excerpt = Truncator(" ".join(report.description.split())).chars(EXCERPT_CHARS)
    query = urlencode(filters.as_params())
    context = {
        "page": page,
        "filters": filters,
        "query": query,
        "chosen": set(request.GET.getlist("pilih")),
        # The less used filters stay folded (the list starts on a phone's first screen) unless one is in use.
        "more_filters": any(name not in ("q", "status") for name in filters.as_params()),
        "bulk_statuses": [(s, Status(s).label) for s in BULK_STATUSES],
        "reject_reasons": [(v, label) for v, label in RejectReason.CHOICES if v != RejectReason.DUPLIKAT],
        **_filter_choices(user),
    }
    return render(request, "casework/inbox.html", context)


@require_POST
@capability_required(can_handle_cases)
def bulk(request: HttpRequest) -> HttpResponse:
    """One form for the selected rows: assign them, or move them to a status. Each report is done or refused
    on its own (casework/bulk.py); refused ones stay selected when the inbox comes back."""
    user = request.user
    codes = request.POST.getlist("code")
    action = request.POST.get("action", "")
    visible = reports_visible_to(user)
    try:
        if action == "assign":
            outcome = reports_bulk_assign(
                visible=visible, codes=codes, username=request.POST.get("username", ""), actor=user
            )
        elif action == "status":
            to, reason = request.POST.get("to", ""), request.POST.get("reason", "").strip()
            if to == Status.DITOLAK:
                reason = request.POST.get("reject_reason", "") + (f": {reason}" if reason else "")
            outcome = reports_bulk_transition(visible=visible, codes=codes, to=to, reason=reason, actor=user)
        else:
            raise ValidationError(_("Pilih tindakan: tugaskan atau ubah status."))
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        chosen = codes
    else:
        if outcome.done:
            messages.success(
                request,
                _("%(n)s laporan diperbarui: %(codes)s.")
                % {"n": len(outcome.done), "codes": ", ".join(outcome.done)},
            )
        for code, why in outcome.failed:
            messages.error(request, _("%(code)s tidak diubah: %(why)s") % {"code": code, "why": why})
        chosen = [code for code, _why in outcome.failed]
    # Back to the same filtered list (rebuilt from known filters only), with the refused rows still ticked.
    back = InboxFilters.from_params(QueryDict(request.POST.get("kembali", ""))).as_params()
    params = urlencode([*back.items(), *(("pilih", code) for code in chosen)])
    return redirect(reverse("casework:inbox") + (f"?{params}" if params else ""))


@capability_required(can_supervise)
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    user = request.user
    filters = InboxFilters.from_params(request.GET)
    qs = filtered(reports_visible_to(user), filters, user)
    export_record(actor=user, fmt=fmt, params=filters.as_params())
    zone = office_zone(user.office)
    stamp = timezone.localtime(timezone=zone).strftime("%Y%m%d-%H%M")
    if fmt == "xlsx":
        response = HttpResponse(
            export_xlsx(qs, zone),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = StreamingHttpResponse(export_csv(qs, zone), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="laporan-{stamp}.{fmt}"'
    return response


@capability_required(can_supervise)
def audit(request: HttpRequest) -> HttpResponse:
    keys = ("action", "actor", "report", "from", "to")
    params = {k: request.GET.get(k, "").strip()[:100] for k in keys}
    page = audit_page(request.user, params, request.GET.get("sebelum", ""))
    query = {k: v for k, v in params.items() if v}
    return render(request, "casework/audit.html", {"page": page, "params": params, "query": query})


@capability_required(can_handle_cases)
def reply_templates(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Officers read the office's templates; supervisors create and edit them here."""
    user = request.user
    templates = reply_templates_for(user)
    template = get_object_or_404(templates, pk=pk) if pk else None
    values = {"title": template.title, "body": template.body} if template else {"title": "", "body": ""}
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        values = {"title": request.POST.get("title", ""), "body": request.POST.get("body", "")}
        try:
            reply_template_save(actor=user, template=template, **values)
        except ValidationError as exc:
            errors = exc.message_dict
        else:
            messages.success(request, _("Templat balasan disimpan."))
            return redirect("casework:templates")
    status = 422 if errors else 200
    context = {"templates": templates, "template": template, "values": values, "errors": errors}
    return render(request, "casework/templates.html", context, status=status)


@require_POST
@capability_required(can_supervise)
def reply_template_remove(request: HttpRequest, pk: int) -> HttpResponse:
    template = get_object_or_404(reply_templates_for(request.user), pk=pk)
    reply_template_delete(actor=request.user, template=template)
    messages.success(request, _("Templat balasan dihapus."))
    return redirect("casework:templates")
