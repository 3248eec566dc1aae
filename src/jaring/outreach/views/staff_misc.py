"""Staff outreach home, the session-request queue and the monthly summary (page, PDF, XLSX)."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from jaring.audit.services import audit_record
from jaring.lib import regions
from jaring.outreach.exports import gain_text, summary_pdf, summary_rows, summary_xlsx
from jaring.outreach.forms import RequestUpdateForm
from jaring.outreach.models import RequestStatus
from jaring.outreach.selectors import events_for, monthly_summary, programmes_for, requests_for
from jaring.outreach.services import session_request_update
from jaring.outreach.views.common import outreach_staff


@outreach_staff
def index(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    events = events_for(request.user)
    context = {
        "upcoming": events.filter(ends_at__gte=now).order_by("starts_at")[:10],
        "recent": events.filter(ends_at__lt=now).order_by("-starts_at")[:10],
        "programmes": programmes_for(request.user)[:10],
        "open_requests": requests_for(request.user).filter(status=RequestStatus.BARU).count(),
    }
    return render(request, "outreach/staff/index.html", context)


@outreach_staff
def request_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    items = requests_for(request.user)
    if status in RequestStatus.values:
        items = items.filter(status=status)
    return render(
        request,
        "outreach/staff/requests.html",
        {"items": items[:200], "status": status, "statuses": RequestStatus.choices},
    )


@outreach_staff
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(requests_for(request.user), pk=pk)
    initial = {"status": item.status, "staff_note": item.staff_note, "event": item.event_id}
    form = RequestUpdateForm(request.POST or None, office=request.office, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            session_request_update(actor=request.user, request=item, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Permintaan diperbarui."))
            return redirect("outreach_staff:requests")
    elif request.method == "GET":
        # The requester's contact is personal data: every view of it is audited.
        audit_record(action="outreach.request.viewed", actor=request.user, obj=item, office=item.office)
    region = regions.get(item.region_code) if item.region_code else None
    context = {"item": item, "form": form, "region": region}
    return render(request, "outreach/staff/request_detail.html", context)


def _month(request: HttpRequest) -> date:
    raw = request.GET.get("bulan", "")
    try:
        year, month = (int(part) for part in raw.split("-"))
        return date(year, month, 1)
    except ValueError:
        today = timezone.localdate()
        return date(today.year, today.month, 1)


@outreach_staff
def summary(request: HttpRequest) -> HttpResponse:
    data = monthly_summary(request.office, _month(request))
    return render(
        request,
        "outreach/staff/summary.html",
        {"summary": data, "rows": summary_rows(data), "gain_text": gain_text(data.results.gain)},
    )


@outreach_staff
def summary_export(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in ("pdf", "xlsx"):
        raise Http404
    data = monthly_summary(request.office, _month(request))
    name = f"sosialisasi-{data.month:%Y-%m}"
    if kind == "pdf":
        response = HttpResponse(summary_pdf(data), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    else:
        response = HttpResponse(
            summary_xlsx(data),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response
