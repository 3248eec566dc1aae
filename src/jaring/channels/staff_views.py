"""Staff pages of the WhatsApp channel: its health (alerts, undelivered messages) and a manual retry."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jaring.accounts.permissions import can_view_whatsapp_status, capability_required
from jaring.channels import selectors, services
from jaring.channels.models import OutboundMessage


@capability_required(can_view_whatsapp_status)
def status(request: HttpRequest) -> HttpResponse:
    context = {
        "alerts": selectors.open_alerts(),
        "problems": selectors.outbound_problems(request.user)[:100],
        "counts": selectors.channel_counts(request.user),
    }
    return render(request, "channels/status.html", context)


@require_POST
@capability_required(can_view_whatsapp_status)
def retry(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        outbound = selectors.outbound_of_office(request.user, pk)
    except OutboundMessage.DoesNotExist:
        raise Http404 from None
    try:
        services.outbound_retry(outbound=outbound, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Pesan WhatsApp dijadwalkan untuk dikirim ulang."))
    if outbound.report is not None:
        return redirect("casework:detail", code=outbound.report.tracking_code)
    return redirect("channels_staff:status")
