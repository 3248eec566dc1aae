"""Writes one office's monthly Wawasan report: `jaring insights_monthly_report --office batam --month 2026-03
--format pdf --output laporan.pdf` (the previous month when --month is omitted)."""

from datetime import date, timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from jaring.accounts.models import Office
from jaring.insights.periods import month_start, parse_month
from jaring.insights.services import monthly_report_file


def previous_month(today: date) -> date:
    return month_start(month_start(today) - timedelta(days=1))


class Command(BaseCommand):
    help = "Write the monthly Wawasan report of one office as PDF or XLSX."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--office", required=True, help="office slug, e.g. batam")
        parser.add_argument("--month", default="", help="YYYY-MM (default: the previous month)")
        parser.add_argument("--format", choices=("pdf", "xlsx"), default="pdf")
        parser.add_argument("--output", required=True, help="file to write")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        office = Office.objects.filter(slug=options["office"]).first()
        if office is None:
            raise CommandError(f"unknown office: {options['office']}")
        if options["month"]:
            month = parse_month(options["month"])
            if month is None:
                raise CommandError("--month must look like 2026-03")
        else:
            month = previous_month(timezone.localdate())  # the office day (TIME_ZONE), not the host's
        data = monthly_report_file(actor=None, office=office, month=month, fmt=options["format"])
        Path(options["output"]).write_bytes(data)
        self.stdout.write(f"{options['output']}: {len(data)} bytes ({office.slug} {month:%Y-%m})")
