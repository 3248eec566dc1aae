"""Scheduled daily (periodic jobs): on the first working day of a month, e-mails every office's report of the
previous month to JARING_INSIGHTS_RECIPIENTS. Any other day it does nothing; a month is sent once."""

from datetime import date, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from jaring.accounts.models import Office
from jaring.insights.management.commands.insights_monthly_report import previous_month
from jaring.insights.services import monthly_report_already_sent, monthly_report_send
from jaring.lib.workdays import is_working_day


def first_working_day(month: date) -> date:
    day = month.replace(day=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


class Command(BaseCommand):
    help = "E-mail last month's Wawasan report on the first working day of the month."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--today", default="", help="YYYY-MM-DD (for a catch-up run)")
        parser.add_argument("--force", action="store_true", help="send even if not the first working day")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        try:
            today = date.fromisoformat(options["today"]) if options["today"] else timezone.localdate()
        except ValueError as exc:
            raise CommandError("--today must look like 2026-03-02") from exc
        if not options["force"] and today != first_working_day(today):
            self.stdout.write(f"{today}: not the first working day of the month; nothing to send")
            return
        recipients = list(settings.INSIGHTS_REPORT_RECIPIENTS)
        if not recipients:
            self.stdout.write("JARING_INSIGHTS_RECIPIENTS is empty; nothing to send")
            return
        month = previous_month(today)
        for office in Office.objects.order_by("slug"):
            if monthly_report_already_sent(office=office, month=month):
                self.stdout.write(f"{office.slug} {month:%Y-%m}: already sent")
                continue
            monthly_report_send(office=office, month=month, recipients=recipients)
            self.stdout.write(f"{office.slug} {month:%Y-%m}: sent to {len(recipients)}")
