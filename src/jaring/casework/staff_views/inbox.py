"""Inbox, export, audit log and reply templates: thin views over selectors and services."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jaring.accounts.models import User
from jaring.accounts.permissions import can_handle_cases, can_supervise, can_work_cases, capability_required
from jaring.accounts.selectors import staff_users_of_office
from jaring.casework.audit_log import audit_page
from jaring.casework.exports import export_csv, export_record, export_xlsx
from jaring.casework.inbox import STATUS_ALL, STATUS_OPEN, InboxFilters, filtered, inbox_page
from jaring.casework.reply_templates import reply_template_delete, reply_template_save
from jaring.casework.selectors import labels_for_office, reply_templates_for, reports_visible_to
from jaring.reports.deadlines import deadline_state, next_due, office_today, office_zone
from jaring.reports.models import Category, Channel, Priority, Status


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
    query = urlencode(filters.as_params())
    return render(
        request,
        "casework/inbox.html",
        {"page": page, "filters": filters, "query": query, **_filter_choices(user)},
    )


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
