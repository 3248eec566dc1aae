"""The dashboard: every figure for a scope and a period, cached for CACHE_SECONDS (the page says so)."""

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from django.core.cache import cache
from django.utils import timezone, translation

from jaring.insights import charts, checkpoint_figures, figures
from jaring.insights.periods import Period
from jaring.insights.scope import Scope

CACHE_SECONDS = 300


@dataclass
class Dashboard:
    computed_at: datetime
    total: int
    tables: list[figures.Table]
    outreach: figures.Outreach
    response_share: float | None
    close_share: float | None
    postponed: int
    linked: set[str] = field(default_factory=set)  # tables whose rows link to the list behind them

    def table(self, slug: str) -> figures.Table | None:
        return next((t for t in self.tables if t.slug == slug), None)


def compute(scope: Scope, period: Period) -> Dashboard:
    first, close = figures.response_times(scope, period)
    levels, flags = figures.checker_use(period)
    counts = figures.report_counts(scope, period)
    report_tables = [
        figures.reports_by_category(counts),
        figures.reports_by_channel(counts),
        figures.reports_by_region(counts),
        figures.reports_over_time(counts, period),
        first,
        close,
        figures.referrals(scope, period),
    ]
    tpi_tables = checkpoint_figures.tables(scope, period)
    tables = [*report_tables, *tpi_tables, levels, flags]
    tables.append(figures.growing_clusters(scope, period))
    board = Dashboard(
        computed_at=timezone.now(),
        total=counts.total,
        tables=tables,
        outreach=figures.outreach(scope, period),
        response_share=figures.share(first),
        close_share=figures.share(close),
        linked={t.slug for t in (*report_tables, *tpi_tables, levels, flags)} | {"jaringan"},
        postponed=tpi_tables[0].total,  # every postponement has one checkpoint
    )
    return board


def _key(scope: Scope, period: Period) -> str:
    raw = f"{sorted(scope.office_ids)}|{period.start}|{period.end}|{translation.get_language()}"
    return "insights:" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def warm(scope: Scope, period: Period) -> Dashboard:
    """Computes and stores the figures now (the periodic `insights_warm` keeps busy periods ready)."""
    board = compute(scope, period)
    cache.set(_key(scope, period), board, CACHE_SECONDS)
    return board


def cached(scope: Scope, period: Period) -> Dashboard:
    """Same scope, period and language within CACHE_SECONDS share one computation."""
    key = _key(scope, period)
    board = cache.get(key)
    if board is None:
        board = compute(scope, period)
        cache.set(key, board, CACHE_SECONDS)
    return board


def cached_chart(scope: Scope, period: Period, slug: str) -> bytes | None:
    """One table's SVG chart, drawn from the cached figures and cached as long as they are."""
    key = f"{_key(scope, period)}:chart:{slug}"
    svg = cache.get(key)
    if svg is None:
        table = cached(scope, period).table(slug)
        if table is None:
            return None
        svg = charts.bar_svg(table, horizontal=slug != "waktu")
        cache.set(key, svg, CACHE_SECONDS)
    return svg
