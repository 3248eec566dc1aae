"""Wawasan for staff: the dashboard, the list behind each figure, the monthly report and the case export."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from jaring.accounts.permissions import (
    can_export_case_records,
    can_manage_outreach,
    can_view_insight_rows,
    can_view_insights,
    can_view_network,
    can_write_monthly_report,
    capability_required,
)
from jaring.checkpoints import guide
from jaring.insights import activity_rows, dashboard, figures
from jaring.insights.checkpoint_figures import ScreeningFilters, postponement_rows
from jaring.insights.forms import Query, read_filters, read_query
from jaring.insights.models import MonthlyReport
from jaring.insights.periods import month_start
from jaring.insights.rows import report_rows
from jaring.insights.scope import offices_visible_to
from jaring.insights.services import (
    MAX_NARRATIVE,
    NarrativeError,
    case_records_export,
    monthly_report_file,
    monthly_report_save,
)
from jaring.lib import regions
from jaring.network.models import LinkedRecord
from jaring.outreach.selectors.scoped import events_for

LIST_PAGE = 50


def _today(tz: str = "Asia/Jakarta") -> date:
    return datetime.now(ZoneInfo(tz)).date()


@capability_required(can_view_insights)
def index(request: HttpRequest) -> HttpResponse:
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
        chart = reverse("insights:chart", args=[table.slug]) if table.rows and table.total else ""
        sections.append(
            {"table": table, "lines": lines, "chart": f"{chart}?{urlencode(query.params())}" if chart else ""}
        )
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
            "postponed_url": f"{list_url}?{urlencode(query.params(jenis='tpi'))}"
            if query.scope.rows_allowed
            else "",
            "outreach_url": f"{list_url}?{urlencode(query.params(jenis='sosialisasi'))}"
            if query.scope.rows_allowed
            else "",
            "can_write_report": can_write_monthly_report(request.user),
            "can_export": can_export_case_records(request.user),
            "period_params": urlencode(query.params()),
            "month_params": urlencode(
                {
                    "bulan": f"{month_start(query.period.start):%Y-%m}",
                    **({"kantor": query.office} if query.office else {}),
                }
            ),
        },
    )


@capability_required(can_view_insight_rows)
def rows(request: HttpRequest) -> HttpResponse:
    """The reports behind a figure: codes, dates, category, channel, region and status; never content."""
    query = read_query(request.user, request.GET, _today())
    kind = request.GET.get("jenis")
    if kind == "tpi":
        return _screening_rows(request, query)
    if kind in ACTIVITY_LISTS:
        return ACTIVITY_LISTS[kind](request, query)
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


def _monthly_target(request: HttpRequest):  # type: ignore[no-untyped-def]
    """(query, office) for the monthly report: one office of the user's scope, the chosen or the first."""
    source = request.POST if request.method == "POST" else request.GET
    query = read_query(request.user, source, _today())
    if not query.scope.offices:
        raise PermissionDenied
    return query, query.scope.offices[0]


@capability_required(can_write_monthly_report)
def monthly(request: HttpRequest) -> HttpResponse:
    query, office = _monthly_target(request)
    month = month_start(query.period.start)
    saved = MonthlyReport.objects.filter(office=office, month=month).first()
    narrative = saved.narrative if saved else ""
    error = ""
    if request.method == "POST":
        narrative = request.POST.get("narasi", "")
        try:
            monthly_report_save(actor=request.user, office=office, month=month, narrative=narrative)
        except NarrativeError:
            error = _("Narasi paling panjang %(n)s karakter.") % {"n": MAX_NARRATIVE}
        else:
            messages.success(request, _("Narasi disimpan."))
            return redirect(
                f"{reverse('insights:monthly')}?{urlencode({'bulan': f'{month:%Y-%m}', 'kantor': office.slug})}"
            )
    params = urlencode({"bulan": f"{month:%Y-%m}", "kantor": office.slug})
    return render(
        request,
        "insights/monthly.html",
        {
            "query": query,
            "office": office,
            "month": month,
            "narrative": narrative,
            "error": error,
            "max_narrative": MAX_NARRATIVE,
            "params": params,
            "offices": offices_visible_to(request.user),
        },
        status=400 if error else 200,
    )


@capability_required(can_write_monthly_report)
def monthly_file(request: HttpRequest, fmt: str) -> HttpResponse:
    query, office = _monthly_target(request)
    month = month_start(query.period.start)
    data = monthly_report_file(actor=request.user, office=office, month=month, fmt=fmt)
    types = {
        "pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    response = HttpResponse(data, content_type=types[fmt])
    response["Content-Disposition"] = f'attachment; filename="wawasan-{office.slug}-{month:%Y-%m}.{fmt}"'
    return response


@capability_required(can_export_case_records)
def htcds_export(request: HttpRequest) -> HttpResponse:
    query = read_query(request.user, request.GET, _today())
    text, _count = case_records_export(actor=request.user, scope=query.scope, period=query.period)
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    stamp = f"{query.period.start:%Y%m%d}-{query.period.end:%Y%m%d}"
    response["Content-Disposition"] = f'attachment; filename="htcds-{stamp}.csv"'
    return response


def _province(region_code: str) -> str:
    """The origin province by name ("Jawa Tengah"), not its code ("33")."""
    province = regions.get(region_code[:2]) if region_code else None
    return province.name if province else region_code[:2]


def _screening_rows(request: HttpRequest, query: Query) -> HttpResponse:
    """Postponed departures behind a TPI figure: code, date, TPI and reasons; no traveller identity."""
    filters = ScreeningFilters.from_params(request.GET)
    qs = postponement_rows(query.scope, query.period, filters).select_related("checkpoint")
    qs = qs.only("screened_at", "reasons", "origin_region_code", "outcome", "checkpoint__name")
    paginator = Paginator(qs.order_by("-screened_at", "-pk"), LIST_PAGE)
    page = paginator.get_page(request.GET.get("halaman"))
    g = guide.load()
    return render(
        request,
        "insights/screening_rows.html",
        {
            "query": query,
            "errors": {**query.errors, **filters.errors},
            "page": page,
            "rows": [
                (s, [g.reason_label(c) for c in s.reasons or []], _province(s.origin_region_code))
                for s in page
            ],
            "count": paginator.count,
            "base_params": urlencode(query.params(jenis="tpi", **filters.as_params())),
            "dashboard_url": f"{reverse('insights:index')}?{urlencode(query.params())}",
            "link_records": request.user.is_officer,
        },
    )


def _page(request: HttpRequest, qs):  # type: ignore[no-untyped-def]
    paginator = Paginator(qs, LIST_PAGE)
    return paginator, paginator.get_page(request.GET.get("halaman"))


def _outreach_rows(request: HttpRequest, query: Query) -> HttpResponse:
    """The outreach events behind the two outreach figures: their count and their participants."""
    events = activity_rows.outreach_events(query.scope, query.period).select_related("office")
    paginator, page = _page(request, events.order_by("-starts_at", "-pk"))
    return render(
        request,
        "insights/outreach_rows.html",
        {
            "query": query,
            "errors": query.errors,
            "page": page,
            "count": paginator.count,
            "participants": events.aggregate(n=Sum("attendance_total"))["n"] or 0,
            "base_params": urlencode(query.params(jenis="sosialisasi")),
            "dashboard_url": f"{reverse('insights:index')}?{urlencode(query.params())}",
            "linked_events": set(
                events_for(request.user).filter(pk__in=[e.pk for e in page]).values_list("pk", flat=True)
            )
            if can_manage_outreach(request.user)
            else set(),
        },
    )


def _checker_rows(request: HttpRequest, query: Query) -> HttpResponse:
    """The weekly anonymous counts behind a checker figure (no text, no person: the checker keeps none)."""
    filters = activity_rows.CheckerFilters(request.GET)
    stats = activity_rows.checker_rows(query.period, level=filters.level, flag=filters.flag)
    paginator, page = _page(request, stats.order_by("-week", "risk_level", "channel", "ref", "pk"))
    return render(
        request,
        "insights/checker_rows.html",
        {
            "query": query,
            "errors": {**query.errors, **filters.errors},
            "filters": filters,
            "flag_title": figures.flag_titles().get(filters.flag, filters.flag),
            "page": page,
            "total": stats.aggregate(n=Sum("count"))["n"] or 0,
            "base_params": urlencode(query.params(jenis="cek", **filters.as_params())),
            "dashboard_url": f"{reverse('insights:index')}?{urlencode(query.params())}",
        },
    )


def _cluster_rows(request: HttpRequest, query: Query) -> HttpResponse:
    """The records a network gained in the period, from the offices and reports in scope."""
    cluster, errors = activity_rows.read_cluster(request.GET)
    records = activity_rows.cluster_records(query.scope, query.period).filter(cluster_id=cluster)
    paginator, page = _page(request, records.select_related("office").order_by("-seen_at", "-pk"))
    kinds = dict(LinkedRecord.RecordType.choices)
    return render(
        request,
        "insights/cluster_rows.html",
        {
            "query": query,
            "errors": {**query.errors, **errors},
            "cluster": cluster,
            "page": page,
            "rows": [(r, kinds.get(r.record_type, r.record_type)) for r in page],
            "count": paginator.count,
            "base_params": urlencode(query.params(jenis="jaringan", cluster=str(cluster or ""))),
            "dashboard_url": f"{reverse('insights:index')}?{urlencode(query.params())}",
            "link_network": can_view_network(request.user),
            "link_cases": request.user.is_officer,
        },
    )


ACTIVITY_LISTS = {"sosialisasi": _outreach_rows, "cek": _checker_rows, "jaringan": _cluster_rows}


@capability_required(can_view_insights)
def chart(request: HttpRequest, slug: str) -> HttpResponse:
    query = read_query(request.user, request.GET, _today())
    svg = dashboard.cached_chart(query.scope, query.period, slug)
    if svg is None:
        raise Http404
    response = HttpResponse(svg, content_type="image/svg+xml")
    # An image: pygal styles itself inline and runs nothing (its script is removed in charts.py).
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response
