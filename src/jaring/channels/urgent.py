"""Urgent-report notices to supervisors on WhatsApp, where configured (casework/urgent_notice.py sends e-mail).

A supervisor opts in with a number in their account (User.notify_whatsapp, set by an admin). The notice is the
approved template settings.WHATSAPP_URGENT_TEMPLATE with two parameters, the receipt code and the link to the
case: business-initiated messages must be templates outside the 24-hour window, and the notice carries nothing
about the reporter. Queued in the announcing transaction like every outbound message; sent after commit.
"""

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from jaring.accounts.models import User
from jaring.accounts.selectors import staff_users_of_office
from jaring.channels.identity import wa_hash
from jaring.channels.models import Contact, OutboundMessage
from jaring.channels.services import outbound_queue
from jaring.lib.phones import normalise_phone
from jaring.reports.models import Report


def configured() -> bool:
    return bool(settings.WHATSAPP_ACCESS_TOKEN and settings.WHATSAPP_PHONE_NUMBER_ID)


def _contact_for(user: User, report: Report) -> Contact | None:
    e164 = normalise_phone(user.notify_whatsapp)
    if not e164:
        return None
    wa_id = e164.lstrip("+")
    contact, _created = Contact.objects.get_or_create(
        wa_hash=wa_hash(wa_id), defaults={"office": report.office, "wa_id": wa_id}
    )
    return contact


def queue_urgent_whatsapp(*, report: Report, **_kwargs: Any) -> list[OutboundMessage]:
    """Receives reports' `report_marked_urgent`: one template message per supervisor with a number."""
    if not configured():
        return []
    supervisors = staff_users_of_office(report.office).filter(role=User.Role.SUPERVISOR)
    with translation.override(settings.LANGUAGE_CODE):
        link = settings.SITE_URL + reverse("casework:detail", args=[report.tracking_code])
    queued = []
    for user in supervisors.exclude(notify_whatsapp=""):
        contact = _contact_for(user, report)
        if contact is not None:
            queued.append(
                outbound_queue(
                    contact=contact,
                    report=report,
                    template_name=settings.WHATSAPP_URGENT_TEMPLATE,
                    template_params=[report.tracking_code, link],
                )
            )
    return queued
