"""The rows behind the outreach, checker and network figures. As in rows.py, a figure is an aggregate over the
queryset its list reads, so the two cannot drift apart."""

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from jaring.insights.periods import Period, iso_weeks
from jaring.insights.scope import Scope
from jaring.network.models import LinkedRecord
from jaring.outreach.models import Event
from jaring.screening.models import ScreeningStat

RISK_LEVELS = ("rendah", "sedang", "tinggi")


def outreach_events(scope: Scope, period: Period) -> QuerySet[Event]:
    """Events of the offices in scope that began in the period and have begun by now: a planned event has
    reached no one yet (the outreach month summary counts the same way)."""
    start, end = period.bounds(scope.time_zone)
    return Event.objects.filter(
        office_id__in=scope.office_ids, starts_at__gte=start, starts_at__lt=min(end, timezone.now())
    )


def checker_stats(period: Period) -> QuerySet[ScreeningStat]:
    """The public checker's anonymous weekly counts for the ISO weeks whose Thursday falls in the period.

    Not scoped to an office: the checker is public and keeps no office, no text and no person."""
    return ScreeningStat.objects.filter(week__in=iso_weeks(period))


def checker_rows(period: Period, *, level: str = "", flag: str = "") -> QuerySet[ScreeningStat]:
    """Weekly rows behind one risk-level figure (rows without a flag) or one flag figure."""
    stats = checker_stats(period)
    if flag:
        return stats.filter(flag=flag)
    return stats.filter(flag="", risk_level=level)


def cluster_records(scope: Scope, period: Period) -> QuerySet[LinkedRecord]:
    """Records linked from the offices in scope in the period. A record of a report counts only where the
    report is in scope (an officer's inbox), as every report figure does; checkpoint records by their office."""
    start, end = period.bounds(scope.time_zone)
    records = LinkedRecord.objects.filter(office_id__in=scope.office_ids, seen_at__gte=start, seen_at__lt=end)
    return records.filter(Q(report__isnull=True) | Q(report__in=scope.reports().values("pk")))


class CheckerFilters:
    """`tingkat` (a risk level) or `tanda` (a flag code seen in the counts); one of them is required."""

    def __init__(self, params) -> None:  # type: ignore[no-untyped-def]
        self.errors: dict[str, str] = {}
        self.level = str(params.get("tingkat") or "").strip()[:8]
        self.flag = str(params.get("tanda") or "").strip()[:40]
        if self.flag and not ScreeningStat.objects.filter(flag=self.flag).exists():
            self.errors["tanda"] = _("Tanda bahaya tidak dikenal.")
            self.flag = ""
        known = self.level in RISK_LEVELS or (
            self.level and ScreeningStat.objects.filter(flag="", risk_level=self.level).exists()
        )
        if not self.flag and not known:
            if self.level:
                self.errors["tingkat"] = _("Pilihan tidak dikenal.")
            self.level = "tinggi"

    def as_params(self) -> dict[str, str]:
        return {"tanda": self.flag} if self.flag else {"tingkat": self.level}


def read_cluster(params) -> tuple[int | None, dict[str, str]]:  # type: ignore[no-untyped-def]
    raw = str(params.get("cluster") or "").strip()[:12]
    if raw.isdigit():
        return int(raw), {}
    return None, {"cluster": _("Nomor jaringan tidak valid.")}
