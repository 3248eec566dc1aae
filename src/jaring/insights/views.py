"""Public statistics (/statistik/) and their open data: k-suppressed monthly totals of every office."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from jaring.insights import kanon, opendata
from jaring.insights.public import FIRST_YEAR, ZONE, cached_year_table


def _today() -> date:
    return datetime.now(ZoneInfo(str(ZONE))).date()


def _year(request: HttpRequest, today: date) -> tuple[int, str]:
    raw = request.GET.get("tahun", "").strip()
    if not raw:
        return today.year if today.month > 1 else today.year - 1, ""
    if raw.isdigit() and FIRST_YEAR <= int(raw) <= today.year:
        return int(raw), ""
    error = _("Tahun tidak tersedia; pilih antara %(first)s dan %(last)s.") % {
        "first": FIRST_YEAR,
        "last": today.year,
    }
    return today.year if today.month > 1 else today.year - 1, error


def statistics(request: HttpRequest) -> HttpResponse:
    today = _today()
    year, error = _year(request, today)
    table = cached_year_table(year, today)
    labels = {
        "reports": _("Laporan"),
        "checks": _("Cek tawaran kerja"),
        "outreach_events": _("Kegiatan sosialisasi"),
        "outreach_participants": _("Peserta sosialisasi"),
        "postponements": _("Keberangkatan ditunda di TPI"),
    }
    return render(
        request,
        "insights/statistics.html",
        {
            "table": table,
            "error": error,
            "raw_year": request.GET.get("tahun", ""),
            "headers": [labels[m.name] for m in table.measures],
            "rows": [(month, [m.cells[i] for m in table.measures]) for i, month in enumerate(table.months)],
            "totals": [m.total for m in table.measures],
            "years": list(range(today.year, FIRST_YEAR - 1, -1)),
            "k": kanon.K,
            "fields": opendata.dictionary()["fields"],
            "licence": opendata.dictionary()["licence"],
        },
    )


def data_csv(request: HttpRequest) -> HttpResponse:
    today = _today()
    year, _error = _year(request, today)
    response = HttpResponse(
        opendata.as_csv(cached_year_table(year, today)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="jaring-statistik-{year}.csv"'
    return response


def data_json(request: HttpRequest) -> HttpResponse:
    today = _today()
    year, _error = _year(request, today)
    url = request.build_absolute_uri(reverse("insights_public:dictionary"))
    body = opendata.as_json(cached_year_table(year, today), dictionary_url=url)
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


def dictionary(request: HttpRequest) -> HttpResponse:
    return JsonResponse(opendata.dictionary(), json_dumps_params={"ensure_ascii": False})
