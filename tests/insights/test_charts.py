"""Charts are server-drawn SVG images beside their tables: no script, the numbers in the table."""

import re

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
