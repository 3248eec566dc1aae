"""Write services of the WhatsApp channel: store what Meta sends, queue and deliver what we answer.

Every function writes in one transaction and records an audit event. Network calls (graph.py) happen outside
transactions so a slow Graph API never holds the SQLite write lock.
"""

import json
import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import mail_admins, send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from jaring.accounts.models import Office, User
from jaring.accounts.selectors import primary_office
from jaring.audit.services import audit_record
from jaring.channels import graph, tasks, texts
from jaring.channels.identity import wa_hash
from jaring.channels.models import (
    Alert,
    Contact,
    ContactReport,
    ConversationState,
    InboundMessage,
    OutboundMessage,
)
from jaring.channels.webhook import Events, InboundEvent, StatusEvent
from jaring.lib.write_lock import one_writer
from jaring.reports.models import Message, Report

log = logging.getLogger(__name__)

ACTOR = "whatsapp"
WINDOW = timedelta(hours=24)
MAX_ATTEMPTS = 10  # about three hours of backoff; an expired token is retried without limit
_STATUS_RANK = {"sent": 1, "delivered": 2, "read": 3}
Status = OutboundMessage.Status


def window_open(contact: Contact, now: timezone.datetime | None = None) -> bool:
    """Meta's customer-service window: free-form messages only within 24 hours of the user's last message."""
    now = now or timezone.now()
    return contact.last_inbound_at is not None and now - contact.last_inbound_at < WINDOW


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 3600))


# Inbound ---------------------------------------------------------------------------------------------------


class NoOffice(Exception):  # noqa: N818 - a state of the installation
    """No office is configured yet: nobody could read the message, so it is refused (Meta retries later)."""


def _contact_id(event: InboundEvent, office: Office | None, known: dict[str, tuple[int, str]]) -> int:
    """The sender's contact id; `known` maps wa_hash -> (id, profile name) and learns new senders."""
    key = wa_hash(event.wa_id)
    if key not in known:
        # The office is only needed for a new sender.
        office = office or primary_office()
        if office is None:
            raise NoOffice
        contact, _ = Contact.objects.get_or_create(
            wa_hash=key, defaults={"office": office, "wa_id": event.wa_id, "profile_name": event.profile_name}
        )
        known[key] = (contact.pk, contact.profile_name)
    contact_id, profile_name = known[key]
    if event.profile_name and profile_name != event.profile_name:
        Contact.objects.filter(pk=contact_id).update(profile_name=event.profile_name)
        known[key] = (contact_id, event.profile_name)
    return contact_id


def inbound_store(*, events: Events, office: Office | None = None) -> list[int]:
    """Stores each new message once (a redelivered id is skipped) and queues its processing with it.

    New senders join `office` (default: the primary office); raises NoOffice when there is none. This is the
    acknowledgement path, so it writes two rows a message: the message (the record of its receipt) and its
    task. The audit event is written when the task handles the message (`whatsapp.processed`).
    """
    new_ids: list[int] = []
    # Known senders are read before the transaction: SQLite's write lock is then held only for the inserts.
    hashes = {wa_hash(event.wa_id) for event in events.messages}
    known = {
        key: (pk, name)
        for key, pk, name in Contact.objects.filter(wa_hash__in=hashes).values_list(
            "wa_hash", "pk", "profile_name"
        )
    }
    with one_writer(), transaction.atomic():
        for event in events.messages:
            contact_id = _contact_id(event, office, known)
            try:
                with transaction.atomic():
                    inbound = InboundMessage.objects.create(
                        wamid=event.wamid,
                        contact_id=contact_id,
                        kind=event.kind,
                        body=event.body,
                        media_id=event.media_id,
                        media_mime=event.media_mime,
                        media_name=event.media_name,
                        sent_at=event.sent_at,
                    )
            except IntegrityError:  # Meta redelivered an id we already have: acknowledge, store nothing
                continue
            new_ids.append(inbound.pk)
        for inbound_id in new_ids:
            tasks.enqueue_inbound_with_commit(inbound_id)
    return new_ids


def status_record(*, statuses: list[StatusEvent]) -> int:
    """Delivery and read receipts move an outbound message forward (never back); failures are kept visible."""
    changed = 0
    with transaction.atomic():
        for event in statuses:
            out = OutboundMessage.objects.select_related("contact").filter(wamid=event.wamid).first()
            if out is None:
                continue
            if event.status == "failed":
                error = event.errors[0] if event.errors else {}
                code = error.get("code")
                if (
                    code == graph.WINDOW_CLOSED
                    and out.kind == OutboundMessage.Kind.TEXT
                    and out.report_message_id
                ):
                    _hold_with_template(out, reason=str(error.get("title", ""))[:200])
                else:
                    out.status = Status.FAILED
                    out.last_error = f"{code}: {error.get('title', '')}"[:300]
                    _forget_secret(out)
                    out.save(update_fields=["status", "last_error", "body", "redact", "updated_at"])
            elif _STATUS_RANK.get(event.status, 0) > _STATUS_RANK.get(out.status, 0):
                out.status = event.status
                out.save(update_fields=["status", "updated_at"])
            else:
                continue
            changed += 1
            audit_record(
                action=f"whatsapp.status.{out.status}",
                actor_label=ACTOR,
                obj=out,
                office=out.contact.office,
                summary=out.last_error if out.status == Status.FAILED else "",
            )
    return changed


# Outbound --------------------------------------------------------------------------------------------------


def outbound_queue(
    *,
    contact: Contact,
    body: str = "",
    report: Report | None = None,
    report_message: Message | None = None,
    template_name: str = "",
    template_params: list[str] | None = None,
    redact: str = "",
    held: bool = False,
) -> OutboundMessage:
    """Stores one message to send; sending starts after commit (or when the user reopens the window, if held)."""
    with transaction.atomic():
        out = OutboundMessage.objects.create(
            contact=contact,
            report=report,
            report_message=report_message,
            kind=OutboundMessage.Kind.TEMPLATE if template_name else OutboundMessage.Kind.TEXT,
            body=body,
            template_name=template_name,
            template_params=json.dumps(template_params or []),
            redact=redact,
            status=Status.HELD if held else Status.QUEUED,
        )
        audit_record(
            action="whatsapp.outbound_queued",
            actor_label=ACTOR,
            obj=out,
            office=contact.office,
            summary=out.template_name or ("held" if held else "text"),
        )
        if not held:
            transaction.on_commit(lambda: tasks.enqueue_send(out.pk), robust=True)
    return out


def _hold_with_template(out: OutboundMessage, *, reason: str) -> None:
    """Outside the 24-hour window: keep the text until the user writes, and send the approved template now."""
    out.status = Status.HELD
    out.last_error = reason
    out.save(update_fields=["status", "last_error", "updated_at"])
    code = out.report.tracking_code if out.report else ""
    outbound_queue(
        contact=out.contact,
        report=out.report,
        template_name=settings.WHATSAPP_REPLY_TEMPLATE,
        template_params=[code],
    )


def outbound_release_held(*, contact: Contact) -> int:
    """The user wrote again, so the window is open: queue the officer replies that waited for it."""
    with transaction.atomic():
        held = list(OutboundMessage.objects.filter(contact=contact, status=Status.HELD).order_by("pk"))
        for out in held:
            out.status = Status.QUEUED
            out.save(update_fields=["status", "updated_at"])
            audit_record(
                action="whatsapp.outbound_released", actor_label=ACTOR, obj=out, office=contact.office
            )
            transaction.on_commit(lambda pk=out.pk: tasks.enqueue_send(pk), robust=True)
    return len(held)


def _payload(out: OutboundMessage) -> dict:
    to = out.contact.wa_id
    if out.kind == OutboundMessage.Kind.TEMPLATE:
        params = [{"type": "text", "text": str(p)} for p in json.loads(out.template_params or "[]")]
        template: dict = {
            "name": out.template_name,
            "language": {"code": settings.WHATSAPP_TEMPLATE_LANGUAGE},
        }
        if params:
            template["components"] = [{"type": "body", "parameters": params}]
        return {"to": to, "type": "template", "template": template}
    return {"to": to, "type": "text", "text": {"preview_url": False, "body": out.body[:4096]}}


def _claim(outbound_id: int) -> bool:
    """Marks the message as being sent; False when another worker has it or it is no longer due."""
    return bool(
        OutboundMessage.objects.filter(pk=outbound_id, status__in=[Status.QUEUED, Status.RETRYING]).update(
            status=Status.SENDING, updated_at=timezone.now()
        )
    )


def outbound_deliver(*, outbound_id: int) -> str:
    """One attempt to send one message through the Graph API; returns the resulting status."""
    if not _claim(outbound_id):
        return ""
    out = OutboundMessage.objects.select_related("contact__office", "report").get(pk=outbound_id)
    if out.kind == OutboundMessage.Kind.TEXT and out.report_message_id and not window_open(out.contact):
        with transaction.atomic():
            _hold_with_template(out, reason="outside the 24-hour window")
            audit_record(
                action="whatsapp.outbound_held", actor_label=ACTOR, obj=out, office=out.contact.office
            )
        return out.status
    try:
        wamid = graph.send(_payload(out))
    except graph.GraphError as exc:
        return _failed(out, exc)
    with transaction.atomic():
        out.status = Status.SENT
        out.wamid = wamid
        out.attempts += 1
        out.next_attempt_at = None
        out.last_error = ""
        _forget_secret(out)
        out.save()
        audit_record(action="whatsapp.outbound_sent", actor_label=ACTOR, obj=out, office=out.contact.office)
        Alert.objects.filter(kind="token_expired", resolved_at=None).update(resolved_at=timezone.now())
    return out.status


def _forget_secret(out: OutboundMessage) -> None:
    """Blanks the follow-up key once it cannot be sent any more: it is shown once, never kept (DESIGN.md)."""
    if out.redact:
        out.body = out.body.replace(out.redact, "••••")
        out.redact = ""


def _failed(out: OutboundMessage, exc: graph.GraphError) -> str:
    now = timezone.now()
    with transaction.atomic():
        out.attempts += 1
        out.last_error = f"{exc.code or exc.status}: {exc}"[:300]
        if exc.window_closed and out.kind == OutboundMessage.Kind.TEXT and out.report_message_id:
            _hold_with_template(out, reason=out.last_error)
        elif exc.retryable and (exc.token_expired or out.attempts < MAX_ATTEMPTS):
            out.status = Status.RETRYING
            out.next_attempt_at = now + backoff(out.attempts)
        else:
            out.status = Status.FAILED
            out.next_attempt_at = None
            _forget_secret(out)
        out.save()
        audit_record(
            action=f"whatsapp.outbound_{out.status}",
            actor_label=ACTOR,
            obj=out,
            office=out.contact.office,
            summary=out.last_error,
        )
        if exc.token_expired:
            alert_raise(kind="token_expired", message=str(exc))
        if out.status == Status.RETRYING:
            run_after = out.next_attempt_at
            transaction.on_commit(lambda: tasks.enqueue_send(out.pk, run_after=run_after), robust=True)
    log.warning("WhatsApp send %s failed (%s): %s", out.pk, out.status, out.last_error)
    return out.status


def outbound_retry(*, outbound: OutboundMessage, actor: User) -> OutboundMessage:
    """An officer asks to try a failed message again now.

    Only a failed message: re-sending one that arrived would repeat it on the citizen's phone.
    Raises ValidationError (a message for the officer) otherwise.
    """
    with transaction.atomic():
        current = (
            OutboundMessage.objects.select_for_update().values_list("status", flat=True).get(pk=outbound.pk)
        )
        if current != Status.FAILED:
            raise ValidationError(gettext("Hanya pesan yang gagal terkirim yang dapat dikirim ulang."))
        outbound.status = Status.RETRYING
        outbound.next_attempt_at = timezone.now()
        if outbound.attempts >= MAX_ATTEMPTS:
            outbound.attempts = 0
        outbound.save()
        audit_record(
            action="whatsapp.outbound_retry", actor=actor, obj=outbound, office=outbound.contact.office
        )
        transaction.on_commit(lambda: tasks.enqueue_send(outbound.pk), robust=True)
    return outbound


# Alerts ----------------------------------------------------------------------------------------------------


def alert_raise(*, kind: str, message: str) -> Alert | None:
    """Records a channel problem once while it lasts, and mails the admins about it."""
    with transaction.atomic():
        if Alert.objects.filter(kind=kind, resolved_at=None).exists():
            return None
        alert = Alert.objects.create(kind=kind, message=message[:300])
        audit_record(action=f"whatsapp.alert.{kind}", actor_label=ACTOR, obj=alert, summary=message)
    subject = "WhatsApp: token akses kedaluwarsa" if kind == "token_expired" else f"WhatsApp: {kind}"
    text = (
        f"{message}\n\nPesan WhatsApp keluar ditahan di antrean dan dicoba lagi otomatis. "
        "Perbarui JARING_WHATSAPP_ACCESS_TOKEN (lihat docs/whatsapp.md), lalu jalankan `jaring whatsapp_retry`."
    )
    mail_admins(subject, text, fail_silently=True)
    emails = list(
        User.objects.filter(role=User.Role.ADMIN, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if emails:
        send_mail(subject, text, None, emails, fail_silently=True)
    return alert


# Officer replies -------------------------------------------------------------------------------------------


def relay_report_reply(*, message: Message, **_kwargs: Any) -> list[OutboundMessage]:
    """Receives reports' `report_replied` inside the reply's transaction: a public reply to a report that is
    linked to a WhatsApp chat is queued for that chat, so the reply and its delivery job commit together.

    Inside the 24-hour window the reply goes out as text; outside it the text is held and the approved template
    (settings.WHATSAPP_REPLY_TEMPLATE) tells the user an answer is waiting; their next message releases it.
    """
    if message.is_internal:
        return []
    link = ContactReport.objects.select_related("contact__office").filter(report_id=message.report_id).first()
    if link is None:
        return []
    contact, report = link.contact, message.report
    with transaction.atomic(), translation.override(contact.language):
        body = texts.officer_reply(report.tracking_code, message.body)
        queued = []
        if window_open(contact):
            queued.append(outbound_queue(contact=contact, body=body, report=report, report_message=message))
        else:
            queued.append(
                outbound_queue(contact=contact, body=body, report=report, report_message=message, held=True)
            )
            queued.append(
                outbound_queue(
                    contact=contact,
                    report=report,
                    template_name=settings.WHATSAPP_REPLY_TEMPLATE,
                    template_params=[report.tracking_code],
                )
            )
        if contact.state == ConversationState.MENU:
            # The user's next words most likely answer the officer: route them into this report's thread.
            contact.state, contact.report = ConversationState.THREAD, report
            contact.save(update_fields=["state", "report"])
    return queued
