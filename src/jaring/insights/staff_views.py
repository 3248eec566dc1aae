"""Wawasan for staff: the dashboard, the list behind each figure, the monthly report and the case export."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from jaring.accounts.permissions import can_view_insight_rows, can_view_insights, staff_required
from jaring.insights import dashboard
from jaring.insights.forms import read_filters, read_query
from jaring.insights.rows import report_rows
from jaring.insights.scope import offices_visible_to

LIST_PAGE = 50


def _today(tz: str = "Asia/Jakarta") -> date:
    return datetime.now(ZoneInfo(tz)).date()


@staff_required()
def index(request: HttpRequest) -> HttpResponse:
    if not can_view_insights(request.user):
        raise PermissionDenied
    query = read_query(request.user, request.GET, _today())
    board = dashboard.cached(query.scope, query.period)
    list_url = reverse("insights:rows")
    sections = []
    for table in board.tables:
        linked = query.scope.rows_allowed and table.slug in board.linked
        lines = [
            (row, f"{list_url}?{urlencode(query.params(**row.params))}" if linked else "")
            for row in table.rows
        ]
        if table.slug == "jaringan" and request.user.is_officer:
            lines = [(row, reverse("network:detail", args=[int(row.key)])) for row in table.rows]
        sections.append({"table": table, "lines": lines, "chart": board.chart_uris.get(table.slug, "")})
    return render(
        request,
        "insights/dashboard.html",
        {
            "query": query,
            "board": board,
            "sections": sections,
            "offices": offices_visible_to(request.user),
            "cache_minutes": dashboard.CACHE_SECONDS // 60,
            "total_url": f"{list_url}?{urlencode(query.params())}" if query.scope.rows_allowed else "",
        },
    )


@staff_required()
def rows(request: HttpRequest) -> HttpResponse:
    """The reports behind a figure: codes, dates, category, channel, region and status; never content."""
    if not can_view_insight_rows(request.user):
        raise PermissionDenied
    query = read_query(request.user, request.GET, _today())
    filters = read_filters(request.GET)
    qs = report_rows(query.scope, query.period, filters).select_related("office")
    qs = qs.only(
        "tracking_code", "created_at", "category", "channel", "region_code", "status", "office__name"
    )
    paginator = Paginator(qs.order_by("-created_at", "-pk"), LIST_PAGE)
    page = paginator.get_page(request.GET.get("halaman"))
    base = query.params(**filters.as_params())
    return render(
        request,
        "insights/rows.html",
        {
            "query": query,
            "filters": filters,
            "errors": {**query.errors, **filters.errors},
            "page": page,
            "count": paginator.count,
            "base_params": urlencode(base),
            "dashboard_url": f"{reverse('insights:index')}?{urlencode(query.params())}",
            "link_cases": request.user.is_officer,
        },
    )
