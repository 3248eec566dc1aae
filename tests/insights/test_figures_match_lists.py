"""Every figure on the dashboard equals the count of the list it links to (run on SQLite and PostgreSQL)."""

import html
import re

from tests.insights.conftest import client_for

FIGURE = re.compile(r'<a href="([^"]+)" data-figure="([^"]+)">(\d+)</a>')
PLAIN = re.compile(r'<span data-figure="([^"]+)">(\d+)</span>')
ROW_COUNT = re.compile(r'<strong id="row-count">(\d+)</strong>')


def figures_on(page: str) -> dict[str, tuple[str, int]]:
    return {key: (html.unescape(url), int(n)) for url, key, n in FIGURE.findall(page)}


def test_each_linked_figure_equals_its_list(month_data, supervisor):
    client = client_for(supervisor)
    page = client.get("/petugas/wawasan/?bulan=2026-03").content.decode()
    found = figures_on(page)
    assert len(found) > 20
    for key, (url, figure) in found.items():
        listing = client.get(url).content.decode()
        listed = int(ROW_COUNT.search(listing).group(1))
        assert listed == figure, key
        assert listing.count('class="report-row"') == figure, key


def test_figures_are_the_months_reports_of_the_office(month_data, supervisor):
    found = figures_on(client_for(supervisor).get("/petugas/wawasan/?bulan=2026-03").content.decode())
    assert found["total"][1] == 7  # February's report and the other office's are not counted
    assert found["kategori:tppo"][1] == 2
    assert found["kanal:whatsapp"][1] == 2
    assert found["wilayah:21.71"][1] == 4
    assert found["wilayah:-"][1] == 2  # no region, or only a province
    assert found["wilayah:33.02"][1] == 1
    assert found["respon:tepat"][1] == 2
    assert found["respon:terlambat"][1] == 1
    assert found["respon:belum"][1] == 4
    assert found["tutup:tepat"][1] == 1
    assert found["tutup:terlambat"][1] == 1
    assert found["tutup:terbuka"][1] == 5
    assert found["rujukan:bp3mi-kepri:ditindaklanjuti"][1] == 1
    assert found["rujukan:bp3mi-kepri:dikirim"][1] == 1
    assert found["rujukan:polresta-barelang:dikirim"][1] == 1
    assert found["tpi_total"][1] == 4
    assert found["tpi:batam-center"][1] == 2 and found["tpi:harbour-bay"][1] == 2
    assert found["tpi_alasan:tiket_sekali_jalan"][1] == 2  # one postponement, several reasons
    assert found["tpi_alasan:tujuan_tidak_jelas"][1] == 1
    assert found["tpi_asal:33"][1] == 2 and found["tpi_asal:52"][1] == 1 and found["tpi_asal:-"][1] == 1


def test_buckets_add_up_to_the_total(month_data, supervisor):
    found = figures_on(client_for(supervisor).get("/petugas/wawasan/?tahun=2026").content.decode())
    total = found["total"][1]
    for prefix in ("kategori:", "kanal:", "wilayah:", "respon:", "tutup:", "waktu:"):
        assert sum(n for key, (_u, n) in found.items() if key.startswith(prefix)) == total, prefix


def test_a_month_with_no_data_says_so(month_data, supervisor):
    page = client_for(supervisor).get("/petugas/wawasan/?bulan=2025-01").content.decode()
    assert figures_on(page)["total"][1] == 0
    assert "Tidak ada laporan pada periode ini." in page


def test_the_officer_sees_the_same_figures_as_the_inbox_scope(month_data, petugas):
    found = figures_on(client_for(petugas).get("/petugas/wawasan/?bulan=2026-03").content.decode())
    assert found["total"][1] == 7
    listing = client_for(petugas).get(found["kategori:tppo"][0]).content.decode()
    assert "/petugas/laporan/INS" in listing  # officers open the case from the list


def test_postponements_add_up_by_checkpoint_and_by_origin(month_data, supervisor):
    found = figures_on(client_for(supervisor).get("/petugas/wawasan/?tahun=2026").content.decode())
    total = found["tpi_total"][1]
    assert total == 5  # April's counts in the year
    for prefix in ("tpi:", "tpi_asal:"):
        assert sum(n for key, (_u, n) in found.items() if key.startswith(prefix)) == total, prefix


def test_the_postponement_list_names_the_origin_province(month_data, supervisor):
    found = figures_on(client_for(supervisor).get("/petugas/wawasan/?tahun=2026").content.decode())
    listing = client_for(supervisor).get(found["tpi_total"][0]).content.decode()
    assert "<td>Jawa Tengah</td>" in listing and "<td>Nusa Tenggara Barat</td>" in listing
    assert "<td>33</td>" not in listing and "<td>52</td>" not in listing
