"""Answering one stored inbound message (the background task): rate limit, media, conversation, answers.

Safe to run twice (the status check under the contact's lock), and resumable: a message whose media could not be
fetched because the access token expired waits as `pending` for `jaring whatsapp_retry`.
"""

import json
import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation

from jaring.audit.services import audit_record
from jaring.channels import graph, media, services, texts
from jaring.channels.conversation import CANCEL_WORDS, MEDIA_STATES, MENU_WORDS, Turn
from jaring.channels.models import Contact, ConversationState, InboundMessage, OutboundMessage
from jaring.lib import uploads
from jaring.reports.models import Report

log = logging.getLogger(__name__)


def _flooding(inbound: InboundMessage) -> bool:
    since = inbound.received_at - timedelta(seconds=60)
    recent = InboundMessage.objects.filter(
        contact_id=inbound.contact_id, received_at__gt=since, received_at__lte=inbound.received_at
    ).count()
    return recent > settings.WHATSAPP_RATE_PER_MINUTE


def _fetch_media(inbound: InboundMessage) -> tuple[uploads.CleanFile | None, str]:
    """(file, error message for the user). Raises GraphError only for an expired token (retried later)."""
    try:
        return media.fetch(inbound), ""
    except graph.MediaTooLarge:
        return None, texts.media_too_big(filesizeformat(settings.ATTACHMENT_MAX_BYTES))
    except ValidationError as exc:
        return None, "\n".join(exc.messages)
    except graph.GraphError as exc:
        if exc.token_expired:
            raise
        log.warning("WhatsApp media %s could not be fetched: %s", inbound.pk, exc)
        return None, texts.media_failed()


def inbound_process(*, inbound_id: int) -> str:
    """Answers one stored inbound message (the background task); safe to run twice."""
    inbound = InboundMessage.objects.select_related("contact__office").get(pk=inbound_id)
    if inbound.status not in (InboundMessage.Status.RECEIVED, InboundMessage.Status.PENDING):
        return inbound.status
    contact = inbound.contact
    if _flooding(inbound):
        return _rate_limit(inbound)
    clean, media_error = None, ""
    wants_media = bool(inbound.media_id) and (
        (contact.state in MEDIA_STATES and inbound.kind in media.FETCHED_KINDS)
        or (contact.state == "check" and inbound.kind == "image")  # a screenshot of an offer: read, not kept
    )
    if wants_media:
        try:
            with translation.override(contact.language):
                clean, media_error = _fetch_media(inbound)
        except graph.GraphError as exc:
            return _postpone(inbound, exc)
    with transaction.atomic():
        contact = (
            Contact.objects.select_for_update(of=("self",))
            .select_related("office", "report")
            .get(pk=contact.pk)
        )
        inbound = InboundMessage.objects.select_for_update().get(pk=inbound.pk)
        if inbound.status not in (InboundMessage.Status.RECEIVED, InboundMessage.Status.PENDING):
            return inbound.status
        before = contact.state
        first_contact = contact.last_inbound_at is None
        with translation.override(contact.language):
            turn = Turn(contact, inbound, clean, media_error)
            if first_contact or contact.state == ConversationState.MENU:
                turn.guess_language()
            held = OutboundMessage.objects.filter(contact=contact, status=OutboundMessage.Status.HELD)
            held_report = held.exclude(report=None).values_list("report", flat=True).first()
            if held_report and not (turn.is_text and turn.word in MENU_WORDS | CANCEL_WORDS):
                # The user answered the "a reply is waiting" template: deliver the reply (released below) and
                # keep their words in the report's thread, without a menu or an acknowledgement in between.
                if contact.state != ConversationState.LAPOR:
                    turn.talk_about(Report.objects.get(pk=held_report))
                    turn.on_thread(ack=False)
            else:
                turn.run()
            contact.state_data = json.dumps(turn.data) if turn.data else ""
            if contact.last_inbound_at is None or inbound.sent_at > contact.last_inbound_at:
                contact.last_inbound_at = min(inbound.sent_at, timezone.now())
            contact.save()
            for reply in turn.replies:
                services.outbound_queue(
                    contact=contact, body=reply.body, redact=reply.redact, report=reply.report
                )
        services.outbound_release_held(contact=contact)
        inbound.status = InboundMessage.Status.PROCESSED
        inbound.report = contact.report
        inbound.attempts += 1
        inbound.error = ""
        inbound.save(update_fields=["status", "report", "attempts", "error"])
        audit_record(
            action="whatsapp.processed",
            actor_label="whatsapp",
            obj=inbound,
            office=contact.office,
            summary=f"{inbound.kind}: {before} -> {contact.state}",
        )
    return inbound.status


def _rate_limit(inbound: InboundMessage) -> str:
    with transaction.atomic():
        contact = (
            Contact.objects.select_for_update(of=("self",))
            .select_related("office")
            .get(pk=inbound.contact_id)
        )
        inbound.status = InboundMessage.Status.RATE_LIMITED
        inbound.save(update_fields=["status"])
        now = timezone.now()
        if contact.rate_notice_at is None or now - contact.rate_notice_at > timedelta(seconds=60):
            contact.rate_notice_at = now
            contact.save(update_fields=["rate_notice_at"])
            with translation.override(contact.language):
                services.outbound_queue(contact=contact, body=texts.rate_limited())
        audit_record(
            action="whatsapp.rate_limited", actor_label="whatsapp", obj=inbound, office=contact.office
        )
    return inbound.status


def _postpone(inbound: InboundMessage, exc: graph.GraphError) -> str:
    """The media could not be fetched because the token expired: keep the message and try again later."""
    with transaction.atomic():
        inbound.status = InboundMessage.Status.PENDING
        inbound.attempts += 1
        inbound.error = str(exc)[:300]
        inbound.save(update_fields=["status", "attempts", "error"])
        audit_record(
            action="whatsapp.postponed",
            actor_label="whatsapp",
            obj=inbound,
            summary=inbound.error,
            office=inbound.contact.office,
        )
    services.alert_raise(kind="token_expired", message=str(exc))
    return inbound.status
