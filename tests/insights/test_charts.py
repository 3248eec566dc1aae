"""Charts are server-drawn SVG images beside their tables: no script, the numbers in the table."""

import re
from io import StringIO

from django.core.cache import cache
from django.core.management import call_command

from jaring.insights import dashboard
from jaring.insights.periods import Period
from jaring.insights.scope import scope_for
from tests.insights.conftest import client_for


def test_each_chart_is_an_svg_image_without_script(month_data, supervisor):
    client = client_for(supervisor)
    page = client.get("/petugas/wawasan/?bulan=2026-03").content.decode()
    sources = re.findall(r'<img class="chart" src="([^"]+)"', page)
    assert len(sources) >= 8
    assert all("alt=" in tag for tag in re.findall(r'<img class="chart"[^>]+>', page))
    for src in sources:
        response = client.get(src.replace("&amp;", "&"))
        assert response["Content-Type"] == "image/svg+xml"
        body = response.content.decode()
        assert body.startswith("<svg") and "<script" not in body
        assert not re.search(r'(href|src)="(https?:)?//', body)  # nothing fetched from elsewhere
    category = client.get("/petugas/wawasan/grafik/kategori.svg?bulan=2026-03").content.decode()
    assert "Dugaan perdagangan orang" in category  # labels drawn from the same table


def test_an_unknown_chart_is_404_and_partners_get_none(month_data, supervisor, mitra):
    assert client_for(supervisor).get("/petugas/wawasan/grafik/tidak-ada.svg").status_code == 404
    assert client_for(mitra).get("/petugas/wawasan/grafik/kategori.svg").status_code == 403


def test_warmed_figures_are_what_the_page_serves(month_data, supervisor, kanwil_user):
    out = StringIO()
    call_command("insights_warm", stdout=out)
    assert "dashboards" in out.getvalue()
    today = dashboard.timezone.localdate()
    year = Period(today.replace(month=1, day=1), today.replace(month=12, day=31))
    for user in (supervisor, kanwil_user):
        assert cache.get(dashboard._key(scope_for(user), year)) is not None
