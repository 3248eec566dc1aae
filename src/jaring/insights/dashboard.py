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
    chart_uris: dict[str, str] = field(default_factory=dict)
    linked: set[str] = field(default_factory=set)  # tables whose rows link to a list of reports

    def table(self, slug: str) -> figures.Table | None:
        return next((t for t in self.tables if t.slug == slug), None)


def compute(scope: Scope, period: Period) -> Dashboard:
    first, close = figures.response_times(scope, period)
    levels, flags = figures.checker_use(period)
    report_tables = [
        figures.reports_by_category(scope, period),
        figures.reports_by_channel(scope, period),
        figures.reports_by_region(scope, period),
        figures.reports_over_time(scope, period),
        first,
        close,
        figures.referrals(scope, period),
    ]
    tpi_tables = checkpoint_figures.tables(scope, period)
    tables = [*report_tables, *tpi_tables, levels, flags]
    tables.append(figures.growing_clusters(scope, period))
    board = Dashboard(
        computed_at=timezone.now(),
        total=figures.reports_total(scope, period),
        tables=tables,
        outreach=figures.outreach(scope, period),
        response_share=figures.share(first),
        close_share=figures.share(close),
        linked={t.slug for t in (*report_tables, *tpi_tables)},
        postponed=checkpoint_figures.postponement_rows(
            scope, period, checkpoint_figures.ScreeningFilters()
        ).count(),
    )
    for t in tables:
        board.chart_uris[t.slug] = charts.chart_uri(t, horizontal=t.slug != "waktu")
    return board


def cached(scope: Scope, period: Period) -> Dashboard:
    """Same scope, period and language within CACHE_SECONDS share one computation."""
    raw = f"{sorted(scope.office_ids)}|{period.start}|{period.end}|{translation.get_language()}"
    key = "insights:" + hashlib.sha256(raw.encode()).hexdigest()[:32]
    board = cache.get(key)
    if board is None:
        board = compute(scope, period)
        cache.set(key, board, CACHE_SECONDS)
    return board
