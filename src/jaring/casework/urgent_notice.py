"""Telling the office's supervisors at once that a report is urgent (reports/urgency.py, or an officer's mark).

The receiver only queues (reports/events.py): the task row commits with the report, and the worker sends the
e-mail after commit. The notice names the receipt code, the kinds of reason and a link to the case; never the
reporter's identity or words (an e-mail box is not an audited place). WhatsApp notices: channels/urgent.py.
"""

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from jaring.accounts.models import User
from jaring.accounts.selectors import staff_users_of_office
from jaring.reports.models import Report
from jaring.reports.urgency import RULE_LABELS


def case_url(report: Report) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return settings.SITE_URL + reverse("casework:detail", args=[report.tracking_code])


def supervisors_of(report: Report) -> list[User]:
    return list(staff_users_of_office(report.office).filter(role=User.Role.SUPERVISOR))


@task()
def send_urgent_notice(report_id: int) -> int:
    """E-mails each supervisor of the report's office who has an address; returns how many were sent."""
    report = (
        Report.objects.select_related("office").defer("reporter_name", "reporter_contact").get(pk=report_id)
    )
    emails = [u.email for u in supervisors_of(report) if u.email]
    if not emails:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        kinds = sorted(
            {str(RULE_LABELS.get(r.get("rule", ""), r.get("rule", ""))) for r in report.urgency_reasons}
        )
        subject = _("Laporan mendesak: %(code)s") % {"code": report.tracking_code}
        body = "\n".join(
            [
                _("Laporan %(code)s ditandai mendesak dan perlu ditangani hari ini.")
                % {"code": report.tracking_code},
                _("Alasan: %(kinds)s.") % {"kinds": ", ".join(kinds)},
                "",
                case_url(report),
            ]
        )
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, emails)


def queue_urgent_notice(*, report: Report, **_kwargs: Any) -> None:
    """Receives reports' `report_marked_urgent` inside the writing transaction."""
    send_urgent_notice.enqueue(report.pk)
