"""The period of a dashboard, list or report: a month (`bulan=2026-03`), a year (`tahun=2026`) or a range
(`dari=2026-01-01&sampai=2026-03-31`). Impossible dates get a clear message and the default period instead."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

MAX_DAYS = 366 * 5


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


@dataclass
class Period:
    start: date  # first day, inclusive
    end: date  # last day, inclusive
    errors: dict[str, str] = field(default_factory=dict)

    def bounds(self, tz: str) -> tuple[datetime, datetime]:
        """[start, end) as aware datetimes in the office's time zone."""
        zone = ZoneInfo(tz)
        return (
            datetime.combine(self.start, time.min, zone),
            datetime.combine(self.end + timedelta(days=1), time.min, zone),
        )

    @property
    def is_month(self) -> bool:
        return self.start.day == 1 and next_month(self.start) - timedelta(days=1) == self.end

    @property
    def is_year(self) -> bool:
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31) and (
            self.start.year == self.end.year
        )

    def as_params(self) -> dict[str, str]:
        if self.is_month:
            return {"bulan": f"{self.start:%Y-%m}"}
        if self.is_year:
            return {"tahun": str(self.start.year)}
        return {"dari": self.start.isoformat(), "sampai": self.end.isoformat()}

    @property
    def label(self) -> str:
        if self.is_month:
            return f"{self.start:%m/%Y}"
        if self.is_year:
            return str(self.start.year)
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"

    def months(self) -> list[date]:
        out, current = [], month_start(self.start)
        while current <= self.end:
            out.append(current)
            current = next_month(current)
        return out


def month_period(month: date) -> Period:
    start = month_start(month)
    return Period(start, next_month(start) - timedelta(days=1))


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def parse_month(value: str) -> date | None:
    parts = value.split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return None
    year, month = int(parts[0]), int(parts[1])
    return date(year, month, 1) if 1 <= month <= 12 and year >= 2000 else None


def period_from_params(params: Mapping[str, object], today: date) -> Period:
    """Reads bulan / tahun / dari+sampai; the current month when none is given or the input is impossible."""
    default = month_period(today)
    get = {k: str(params.get(k) or "").strip()[:20] for k in ("bulan", "tahun", "dari", "sampai")}
    if get["bulan"]:
        month = parse_month(get["bulan"])
        if month is None:
            default.errors["bulan"] = _("Bulan tidak valid; tulis seperti 2026-03.")
            return default
        return month_period(month)
    if get["tahun"]:
        if not (get["tahun"].isdigit() and 2000 <= int(get["tahun"]) <= 2100):
            default.errors["tahun"] = _("Tahun tidak valid; tulis seperti 2026.")
            return default
        year = int(get["tahun"])
        return Period(date(year, 1, 1), date(year, 12, 31))
    if get["dari"] or get["sampai"]:
        start, end = _parse_date(get["dari"]), _parse_date(get["sampai"])
        for name, value in (("dari", start), ("sampai", end)):
            if value is None:
                default.errors[name] = _("Tanggal tidak ada di kalender; tulis seperti 2026-02-28.")
        if default.errors:
            return default
        assert start is not None and end is not None
        if end < start:
            default.errors["sampai"] = _("Tanggal akhir lebih awal dari tanggal mulai.")
            return default
        if (end - start).days > MAX_DAYS:
            default.errors["sampai"] = _("Rentang paling lama lima tahun.")
            return default
        return Period(start, end)
    return default


def iso_weeks(period: Period) -> list[str]:
    """ISO weeks whose Thursday falls in the period (a week belongs to the month of its Thursday)."""
    weeks, day = [], period.start
    while day <= period.end:
        if day.weekday() == 3:
            year, week, _weekday = day.isocalendar()
            weeks.append(f"{year}-W{week:02d}")
        day += timedelta(days=1)
    return weeks
