"""Public monthly totals for all offices, k-suppressed (kanon.py). Only completed months are published: a
running month would let a reader subtract yesterday's figure from today's."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from jaring.checkpoints.models import Outcome, Screening
from jaring.insights import kanon
from jaring.insights.periods import iso_weeks, month_period, next_month
from jaring.outreach.models import Event
from jaring.reports.models import Report
from jaring.screening.models import ScreeningStat

ZONE = ZoneInfo("Asia/Jakarta")
CACHE_SECONDS = 3600
FIRST_YEAR = 2024


@dataclass
class Measure:
    name: str  # the open-data column (data dictionary)
    cells: list[kanon.Cell]
    total: kanon.Cell


@dataclass
class YearTable:
    year: int
    months: list[date]  # completed months of the year
    measures: list[Measure]
    has_sample: bool

    def rows(self) -> list[dict[str, int | str]]:
        """One dict per month, as open data publishes it."""
        out = []
        for i, month in enumerate(self.months):
            row: dict[str, int | str] = {"month": f"{month:%Y-%m}"}
            row.update({m.name: m.cells[i].public for m in self.measures})
            out.append(row)
        return out

    def total_row(self) -> dict[str, int | str]:
        return {"month": f"{self.year}", **{m.name: m.total.public for m in self.measures}}


def completed_months(year: int, today: date) -> list[date]:
    return [date(year, m, 1) for m in range(1, 13) if next_month(date(year, m, 1)) <= today]


def _by_month(pairs) -> Counter:  # type: ignore[no-untyped-def]
    return Counter({(d.date() if isinstance(d, datetime) else d).replace(day=1): n or 0 for d, n in pairs})


def _monthly_counts(year: int, months: list[date]) -> dict[str, Counter]:
    if not months:
        return {}
    start = datetime.combine(months[0], time.min, ZONE)
    end = datetime.combine(next_month(months[-1]), time.min, ZONE)
    reports = Report.objects.filter(created_at__gte=start, created_at__lt=end).order_by()
    events = Event.objects.filter(starts_at__gte=start, starts_at__lt=end).order_by()
    checks: Counter = Counter()
    for month in months:
        weeks = iso_weeks(month_period(month))
        checks[month] = (
            ScreeningStat.objects.filter(week__in=weeks, flag="").aggregate(n=Sum("count"))["n"] or 0
        )
    postponed = Screening.objects.filter(
        outcome=Outcome.DITUNDA, screened_at__gte=start, screened_at__lt=end
    ).order_by()
    return {
        "postponements": _by_month(
            postponed.annotate(m=TruncMonth("screened_at", tzinfo=ZONE))
            .values_list("m")
            .annotate(n=Count("id"))
        ),
        "reports": _by_month(
            reports.annotate(m=TruncMonth("created_at", tzinfo=ZONE)).values_list("m").annotate(n=Count("id"))
        ),
        "checks": checks,
        "outreach_events": _by_month(
            events.annotate(m=TruncMonth("starts_at", tzinfo=ZONE)).values_list("m").annotate(n=Count("id"))
        ),
        "outreach_participants": _by_month(
            events.annotate(m=TruncMonth("starts_at", tzinfo=ZONE))
            .values_list("m")
            .annotate(n=Sum("attendance_total"))
        ),
    }


MEASURES = ("reports", "checks", "outreach_events", "outreach_participants", "postponements")


def year_table(year: int, today: date) -> YearTable:
    months = completed_months(year, today)
    counts = _monthly_counts(year, months)
    measures = []
    for name in MEASURES:
        values = [counts.get(name, Counter()).get(m, 0) for m in months]
        cells, total = kanon.suppress_group(values)
        measures.append(Measure(name, cells, total))
    has_sample = bool(months) and Event.objects.filter(is_sample=True, starts_at__year=year).exists()
    return YearTable(year, months, measures, has_sample)


def cached_year_table(year: int, today: date) -> YearTable:
    key = f"insights:public:{year}:{today:%Y-%m}"
    table = cache.get(key)
    if table is None:
        table = year_table(year, today)
        cache.set(key, table, CACHE_SECONDS)
    return table
