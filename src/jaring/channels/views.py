"""The Cloud API webhook: GET verification handshake, POST signed events (stored, then answered in the background)."""

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from jaring.channels import services
from jaring.channels.webhook import Malformed, parse, signature_valid

log = logging.getLogger(__name__)


@csrf_exempt  # Meta cannot send a CSRF token; the HMAC signature authenticates every POST instead
@require_http_methods(["GET", "POST"])
def webhook(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _verify(request)
    raw = request.body  # the exact bytes Meta signed: read before anything parses them
    header = request.headers.get("X-Hub-Signature-256", "")
    if not header:
        return HttpResponse("missing signature", status=401, content_type="text/plain")
    if not signature_valid(raw, header, settings.WHATSAPP_APP_SECRET):
        log.warning("WhatsApp webhook with a wrong signature refused")
        return HttpResponse("invalid signature", status=403, content_type="text/plain")
    try:
        events = parse(raw)
    except Malformed as exc:
        log.warning("WhatsApp webhook payload refused: %s", exc)
        return HttpResponse("malformed payload", status=400, content_type="text/plain")
    if events.messages:
        try:
            services.inbound_store(events=events)
        except services.NoOffice:  # not configured yet: Meta retries later, nothing is lost
            return HttpResponse("no office configured", status=503, content_type="text/plain")
    if events.statuses:
        services.status_record(statuses=events.statuses)
    return HttpResponse("ok", content_type="text/plain")


def _verify(request: HttpRequest) -> HttpResponse:
    """Meta's subscription check: echo hub.challenge when hub.verify_token matches ours."""
    token = settings.WHATSAPP_VERIFY_TOKEN
    mode = request.GET.get("hub.mode", "")
    given = request.GET.get("hub.verify_token", "")
    challenge = request.GET.get("hub.challenge", "")
    if mode == "subscribe" and token and constant_time_compare(given, token):
        return HttpResponse(challenge[:200], content_type="text/plain")
    return HttpResponse("verification failed", status=403, content_type="text/plain")
