"""The WhatsApp channel's safety net, run by `jaring whatsapp_retry` (cron, every minute).

Sends outbound messages whose retry is due (the database worker also retries by itself when its backend can
defer tasks), takes back sends a crashed worker left half-done, and answers inbound messages that were stored
but never processed (an enqueue lost in a crash, or media postponed while the access token was expired).
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from jaring.audit.services import audit_record
from jaring.channels.models import InboundMessage, OutboundMessage
from jaring.channels.processing import inbound_process
from jaring.channels.services import ACTOR, outbound_deliver

Status = OutboundMessage.Status
STALE = timedelta(minutes=1)
SENDING_STALE = timedelta(minutes=10)
MAX_INBOUND_ATTEMPTS = 20  # a message that keeps failing stops being retried (its error stays on the row)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RetryRun:
    processed: int
    attempted: int
    sent: int


@transaction.atomic
def sends_reclaim(*, now: datetime) -> int:
    """A send marked "sending" for 10 minutes belongs to a worker that died: due again now."""
    count = OutboundMessage.objects.filter(status=Status.SENDING, updated_at__lt=now - SENDING_STALE).update(
        status=Status.RETRYING, next_attempt_at=now
    )
    if count:
        audit_record(action="whatsapp.sends_reclaimed", actor_label=ACTOR, summary=str(count))
    return count


@transaction.atomic
def inbound_failed(*, inbound_id: int, error: str) -> None:
    """Counts a failed processing attempt; the error stays on the row for the status page."""
    InboundMessage.objects.filter(pk=inbound_id).update(attempts=F("attempts") + 1, error=error[:300])
    audit_record(
        action="whatsapp.inbound_failed",
        actor_label=ACTOR,
        object_type="channels.inboundmessage",
        object_id=str(inbound_id),
        summary=error[:300],
    )


def retry_due(*, limit: int) -> RetryRun:
    now = timezone.now()
    sends_reclaim(now=now)
    inbound = InboundMessage.objects.filter(
        # Never answered (a lost enqueue or a crash; one that keeps crashing stops being tried), or postponed
        # while the access token was expired (tried until the token works again).
        Q(
            status=InboundMessage.Status.RECEIVED,
            received_at__lt=now - STALE,
            attempts__lt=MAX_INBOUND_ATTEMPTS,
        )
        | Q(status=InboundMessage.Status.PENDING)
    ).order_by("received_at", "pk")[:limit]
    processed = 0
    for pk in inbound.values_list("pk", flat=True):
        try:
            inbound_process(inbound_id=pk)
            processed += 1
        except Exception as exc:  # noqa: BLE001 - one broken message must not stop the others
            log.exception("WhatsApp message %s could not be processed", pk)
            inbound_failed(inbound_id=pk, error=str(exc))
    due = OutboundMessage.objects.filter(
        Q(status=Status.RETRYING, next_attempt_at__lte=now)
        | Q(status=Status.QUEUED, created_at__lt=now - STALE)
    ).order_by("created_at", "pk")[:limit]
    results = [outbound_deliver(outbound_id=pk) for pk in due.values_list("pk", flat=True)]
    return RetryRun(processed, len(results), sum(1 for r in results if r == Status.SENT))
