"""`{% whatsapp_delivery report %}`: on the officer's report page, what reached the citizen on WhatsApp."""

from django import template

from jaring.channels.selectors import replies_for_report, whatsapp_linked
from jaring.reports.models import Report

register = template.Library()


@register.inclusion_tag("channels/_delivery.html")
def whatsapp_delivery(report: Report | None) -> dict:
    if report is None:
        return {"linked": False, "messages": []}
    return {"linked": whatsapp_linked(report), "messages": list(replies_for_report(report)), "report": report}
