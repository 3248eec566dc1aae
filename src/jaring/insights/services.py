"""Writes and audited reads of Wawasan: the monthly narrative, report files, the e-mail, the case export."""

from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

from jaring.accounts.models import Office, User
from jaring.audit.models import AuditEvent
from jaring.audit.services import audit_record
from jaring.insights import htcds, monthly
from jaring.insights.models import MonthlyReport
from jaring.insights.periods import Period, month_start
from jaring.insights.rows import received_in
from jaring.insights.scope import Scope

MAX_NARRATIVE = 4000


class NarrativeError(ValueError):
    pass


@transaction.atomic
def monthly_report_save(*, actor: User, office: Office, month: date, narrative: str) -> MonthlyReport:
    text = narrative.replace("\r\n", "\n").strip()
    if len(text) > MAX_NARRATIVE:
        raise NarrativeError(MAX_NARRATIVE)
    report, _created = MonthlyReport.objects.update_or_create(
        office=office, month=month_start(month), defaults={"narrative": text, "updated_by": actor}
    )
    audit_record(
        action="insights.monthly_narrative_save",
        actor=actor,
        obj=report,
        office=office,
        summary=f"{report.month:%Y-%m}",
    )
    return report


@transaction.atomic
def monthly_report_file(*, actor: User | None, office: Office, month: date, fmt: str) -> bytes:
    """The month's report as `pdf` or `xlsx`; who made which file is audited."""
    content = monthly.content_for(office, month)
    data = monthly.to_pdf(content) if fmt == "pdf" else monthly.to_xlsx(content)
    audit_record(
        action="insights.monthly_report_file",
        actor=actor,
        actor_label="" if actor else "sistem",
        object_type="insights.monthlyreport",
        object_id=f"{office.slug}/{content.month:%Y-%m}",
        office=office,
        summary=f"{fmt} {content.month:%Y-%m}",
    )
    return data


def monthly_report_send(*, office: Office, month: date, recipients: list[str]) -> int:
    """E-mails the PDF and XLSX of one office's month; returns the number of messages sent (0 or 1)."""
    if not recipients:
        return 0
    stamp = f"{month_start(month):%Y-%m}"
    pdf = monthly_report_file(actor=None, office=office, month=month, fmt="pdf")
    xlsx = monthly_report_file(actor=None, office=office, month=month, fmt="xlsx")
    message = EmailMessage(
        subject=f"Laporan bulanan Wawasan {office.short_name or office.name} {stamp}",
        body=f"{office.name}\nLaporan bulanan Wawasan {stamp} (PDF dan XLSX terlampir).\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )
    message.attach(f"wawasan-{office.slug}-{stamp}.pdf", pdf, "application/pdf")
    message.attach(
        f"wawasan-{office.slug}-{stamp}.xlsx",
        xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    sent = message.send()
    with transaction.atomic():
        audit_record(
            action="insights.monthly_report_sent",
            actor_label="sistem",
            object_type="insights.monthlyreport",
            object_id=f"{office.slug}/{stamp}",
            office=office,
            summary=f"{len(recipients)} recipients",
        )
    return sent


def monthly_report_already_sent(*, office: Office, month: date) -> bool:
    return AuditEvent.objects.filter(
        action="insights.monthly_report_sent", object_id=f"{office.slug}/{month_start(month):%Y-%m}"
    ).exists()


@transaction.atomic
def case_records_export(*, actor: User, scope: Scope, period: Period) -> tuple[str, int]:
    """Anonymised HTCDS records of the reports received in the period; every export is audited."""
    text, count = htcds.as_csv(received_in(scope, period))
    for office in scope.offices:
        audit_record(
            action="insights.htcds_export",
            actor=actor,
            object_type="insights.htcds",
            object_id=f"{office.slug}/{period.start:%Y-%m-%d}/{period.end:%Y-%m-%d}",
            office=office,
            summary=f"{count} records",
        )
    return text, count
