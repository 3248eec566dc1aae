"""Counts of what happened at each TPI (no identity): the shift summary, exports, and the Wawasan dashboards.

Every function takes the asking user and a date range in the office's time zone; only the user's office is
counted (can_view_checkpoint_counts decides who may ask).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Count, F, QuerySet
from django.db.models.functions import Substr, TruncDate, TruncMonth

from jaring.accounts import permissions as can
from jaring.accounts.models import User
from jaring.casework.models import Referral
from jaring.checkpoints.models import Outcome, Screening
from jaring.reports.deadlines import office_zone


def _zone(user: User) -> ZoneInfo:
    return office_zone(getattr(user, "office", None))


def in_range(user: User, start: date, end: date, checkpoint_id: int | None = None) -> QuerySet[Screening]:
    """The office's screenings from `start` to `end` inclusive (office-local dates)."""
    if not can.can_view_checkpoint_counts(user):
        return Screening.objects.none()
    zone = _zone(user)
    qs = Screening.objects.filter(
        checkpoint__office_id=user.office_id,
        screened_at__gte=datetime.combine(start, time.min, zone),
        screened_at__lt=datetime.combine(end + timedelta(days=1), time.min, zone),
    )
    if checkpoint_id:
        qs = qs.filter(checkpoint_id=checkpoint_id)
    return qs


def outcomes_per_period(qs: QuerySet[Screening], user: User, *, by: str = "day") -> list[dict[str, Any]]:
    """Rows {period, checkpoint, outcome, n}: outcomes per TPI per day (`by="day"`) or month."""
    trunc = (TruncDate if by == "day" else TruncMonth)("screened_at", tzinfo=_zone(user))
    rows = (
        qs.annotate(period=trunc)
        .values("period", "checkpoint__name", "outcome")
        .annotate(n=Count("pk"))
        .order_by("period", "checkpoint__name", "outcome")
    )
    return [
        {"period": r["period"], "checkpoint": r["checkpoint__name"], "outcome": r["outcome"], "n": r["n"]}
        for r in rows
    ]


def _count(qs: QuerySet[Screening], column: Any) -> list[tuple[str, int]]:
    column = F(column) if isinstance(column, str) else column
    rows = qs.values(key=column).annotate(n=Count("pk")).order_by("-n", "key")
    return [(r["key"] or "", r["n"]) for r in rows]


def reason_counts(qs: QuerySet[Screening]) -> list[tuple[str, int]]:
    """Reason codes of the postponements (a screening may carry several)."""
    counter: Counter[str] = Counter()
    for reasons in qs.filter(outcome=Outcome.DITUNDA).values_list("reasons", flat=True).iterator():
        counter.update(reasons or [])
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def handover_counts(qs: QuerySet[Screening]) -> list[tuple[str, str, int]]:
    """Hand-overs and where they stand: (agency, referral status, n)."""
    rows = (
        Referral.objects.filter(report_id__in=qs.filter(report__isnull=False).values("report_id"))
        .values("agency__name", "status")
        .annotate(n=Count("pk"))
        .order_by("agency__name", "status")
    )
    return [(r["agency__name"], r["status"], r["n"]) for r in rows]


@dataclass
class Summary:
    start: date
    end: date
    total: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    per_checkpoint: list[tuple[str, str, int]] = field(default_factory=list)
    reasons: list[tuple[str, int]] = field(default_factory=list)
    destinations: list[tuple[str, int]] = field(default_factory=list)
    origin_provinces: list[tuple[str, int]] = field(default_factory=list)
    repeats: int = 0
    handovers: list[tuple[str, str, int]] = field(default_factory=list)


def summary(user: User, start: date, end: date, checkpoint_id: int | None = None) -> Summary:
    """Everything the daily shift summary and the exports show, for one day or a range."""
    qs = in_range(user, start, end, checkpoint_id)
    outcomes = dict(_count(qs, "outcome"))
    per_checkpoint = [
        (r["checkpoint__name"], r["outcome"], r["n"])
        for r in qs.values("checkpoint__name", "outcome").annotate(n=Count("pk")).order_by("checkpoint__name")
    ]
    return Summary(
        start=start,
        end=end,
        total=sum(outcomes.values()),
        outcomes=outcomes,
        per_checkpoint=per_checkpoint,
        reasons=reason_counts(qs),
        destinations=_count(qs, "destination"),
        origin_provinces=_count(qs.exclude(origin_region_code=""), Substr("origin_region_code", 1, 2)),
        repeats=qs.filter(repeat_of__isnull=False).count(),
        handovers=handover_counts(qs),
    )
