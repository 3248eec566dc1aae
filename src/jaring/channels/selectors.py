"""Reads of the WhatsApp channel for staff, scoped to the officer's office."""

from django.db.models import Count, Q, QuerySet

from jaring.accounts.models import User
from jaring.channels.models import Alert, Contact, InboundMessage, OutboundMessage
from jaring.reports.models import Report


def outbound_for_report(report: Report) -> QuerySet[OutboundMessage]:
    """The WhatsApp messages sent (or waiting to be sent) about one report, oldest first."""
    return OutboundMessage.objects.filter(report=report).order_by("created_at", "pk")


def replies_for_report(report: Report) -> QuerySet[OutboundMessage]:
    """Officer replies and "an answer is waiting" templates for the report (not the menu's automatic texts)."""
    return outbound_for_report(report).filter(
        Q(report_message__isnull=False) | Q(kind=OutboundMessage.Kind.TEMPLATE)
    )


def whatsapp_linked(report: Report) -> bool:
    """RelatedObjectDoesNotExist is an AttributeError, so getattr's default covers an unlinked report."""
    return getattr(report, "whatsapp_link", None) is not None


def open_alerts() -> QuerySet[Alert]:
    return Alert.objects.filter(resolved_at=None)


def outbound_problems(user: User) -> QuerySet[OutboundMessage]:
    """Messages that did not reach the user yet (failed, retrying or held), for the officer's office."""
    return (
        OutboundMessage.objects.filter(contact__office=user.office)
        .filter(
            status__in=[
                OutboundMessage.Status.FAILED,
                OutboundMessage.Status.RETRYING,
                OutboundMessage.Status.HELD,
                OutboundMessage.Status.QUEUED,
            ]
        )
        .select_related("report")
        .order_by("-created_at")
    )


def outbound_of_office(user: User, pk: int) -> OutboundMessage:
    return OutboundMessage.objects.select_related("contact__office", "report").get(
        pk=pk, contact__office=user.office
    )


def channel_counts(user: User) -> dict[str, int]:
    contacts = Contact.objects.filter(office=user.office)
    inbound = InboundMessage.objects.filter(contact__office=user.office).aggregate(
        total=Count("pk"), limited=Count("pk", filter=Q(status=InboundMessage.Status.RATE_LIMITED))
    )
    return {"contacts": contacts.count(), "inbound": inbound["total"], "rate_limited": inbound["limited"]}
