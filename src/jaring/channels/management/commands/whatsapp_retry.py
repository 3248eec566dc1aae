"""`jaring whatsapp_retry`: the periodic safety net of the WhatsApp channel (run it from cron every minute).

Sends outbound messages whose retry is due (the database worker also retries by itself when its backend can
defer tasks), takes back sends a crashed worker left half-done, and answers inbound messages that were stored
but never processed (an enqueue lost in a crash, or media postponed while the access token was expired).
"""

import logging
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import F, Q
from django.utils import timezone

from jaring.channels.models import InboundMessage, OutboundMessage
from jaring.channels.processing import inbound_process
from jaring.channels.services import outbound_deliver

Status = OutboundMessage.Status
STALE = timedelta(minutes=1)
MAX_INBOUND_ATTEMPTS = 20  # a message that keeps failing stops being retried (its error stays on the row)
log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Retry due WhatsApp sends and process stored inbound messages that were not answered yet."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--limit", type=int, default=500, help="at most this many of each per run")

    def handle(self, *args, limit: int, **options) -> None:  # type: ignore[no-untyped-def]
        now = timezone.now()
        # A send marked "sending" for 10 minutes belongs to a worker that died: try it again.
        OutboundMessage.objects.filter(
            status=Status.SENDING, updated_at__lt=now - timedelta(minutes=10)
        ).update(status=Status.RETRYING, next_attempt_at=now)
        inbound = (
            # Never answered (a lost enqueue or a crash; one that keeps crashing stops being tried), or postponed
            # while the access token was expired (tried until the token works again).
            InboundMessage.objects.filter(
                Q(
                    status=InboundMessage.Status.RECEIVED,
                    received_at__lt=now - STALE,
                    attempts__lt=MAX_INBOUND_ATTEMPTS,
                )
                | Q(status=InboundMessage.Status.PENDING)
            ).order_by("received_at", "pk")[:limit]
        )
        processed = 0
        for pk in inbound.values_list("pk", flat=True):
            try:
                inbound_process(inbound_id=pk)
                processed += 1
            except Exception as exc:  # noqa: BLE001 - one broken message must not stop the others
                log.exception("WhatsApp message %s could not be processed", pk)
                InboundMessage.objects.filter(pk=pk).update(attempts=F("attempts") + 1, error=str(exc)[:300])
        due = OutboundMessage.objects.filter(
            Q(status=Status.RETRYING, next_attempt_at__lte=now)
            | Q(status=Status.QUEUED, created_at__lt=now - STALE)
        ).order_by("created_at", "pk")[:limit]
        results = [outbound_deliver(outbound_id=pk) for pk in due.values_list("pk", flat=True)]
        sent = sum(1 for r in results if r == Status.SENT)
        self.stdout.write(f"inbound processed: {processed}; outbound attempted: {len(results)}, sent: {sent}")
