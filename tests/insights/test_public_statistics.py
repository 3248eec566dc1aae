"""/statistik/: k = 11 suppression on the page and in the open data, which match their dictionary."""

import csv
import io
import json
from datetime import UTC, date

import pytest

from jaring.insights import opendata
from jaring.insights.kanon import SUPPRESSED
from tests.insights.conftest import make_report


@pytest.fixture
def year_2025(office, other_office):
    """January 5 reports, February 6 (in another office): 11 in the year, every month under k."""
    for i in range(5):
        make_report(office, date(2025, 1, 6 + i))
    for i in range(6):
        make_report(other_office, date(2025, 2, 3 + i))


def test_five_and_six_are_hidden_and_their_total_of_eleven_shown(client, year_2025):
    page = client.get("/statistik/?tahun=2025").content.decode()
    assert page.count(f'<td class="num">{SUPPRESSED.replace("<", "&lt;")}</td>') >= 2
    assert '<td class="num">11</td>' in page
    assert '<td class="num">5</td>' not in page and '<td class="num">6</td>' not in page


def test_open_data_hides_the_same_cells(client, year_2025):
    rows = list(csv.DictReader(io.StringIO(client.get("/statistik/data.csv?tahun=2025").content.decode())))
    by_month = {r["month"]: r for r in rows}
    assert by_month["2025-01"]["reports"] == SUPPRESSED
    assert by_month["2025-02"]["reports"] == SUPPRESSED
    assert by_month["2025-03"]["reports"] == "0"
    assert by_month["2025"]["reports"] == "11"


def test_a_lone_small_month_takes_a_partner_so_it_cannot_be_subtracted(client, office):
    for i in range(5):
        make_report(office, date(2025, 1, 6 + i))
    for i in range(30):
        make_report(office, date(2025, 3, 3 + i % 20))
    for i in range(40):
        make_report(office, date(2025, 5, 5 + i % 20))
    data = client.get("/statistik/data.json?tahun=2025").json()
    reports = {r["month"]: r["reports"] for r in data["rows"]}
    assert reports["2025-01"] == SUPPRESSED
    assert reports["2025-03"] == SUPPRESSED  # the smallest other month, so 75 - 40 gives 35, not 5
    assert reports["2025-05"] == 40
    assert data["total"]["reports"] == 75


def test_csv_and_json_follow_the_dictionary(client, year_2025):
    fields = opendata.field_names()
    text = client.get("/statistik/data.csv?tahun=2025").content.decode()
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == [*fields, "sample_data"] == opendata.csv_field_names()
    csv_rows = list(reader)
    data = json.loads(client.get("/statistik/data.json?tahun=2025").content)
    assert [list(r) for r in data["rows"]] == [fields] * len(data["rows"])
    assert len(csv_rows) == len(data["rows"]) + 1 == 13
    types = {f["name"]: f["type"] for f in opendata.dictionary()["fields"]}
    for row in data["rows"]:
        assert len(row["month"]) == 7
        for name in fields[1:]:
            assert types[name] == 'integer or "< 11"'
            assert isinstance(row[name], int) or row[name] == SUPPRESSED
    assert data["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    dictionary = client.get(data["dictionary"].removeprefix("http://testserver")).json()
    assert [f["name"] for f in dictionary["fields"]] == fields


def test_the_running_month_is_never_published(client, office):
    today = date.today()
    make_report(office, today)
    data = client.get(f"/statistik/data.json?tahun={today.year}").json()
    assert f"{today:%Y-%m}" not in {r["month"] for r in data["rows"]}


def test_an_unavailable_year_is_explained_in_both_languages(client, db):
    assert "Tahun tidak tersedia" in client.get("/statistik/?tahun=1999").content.decode()
    assert "Year not available" in client.get("/en/statistik/?tahun=abc").content.decode()


def test_a_year_without_data_shows_zeros(client, db):
    data = client.get("/statistik/data.json?tahun=2024").json()
    assert data["total"]["reports"] == 0 and len(data["rows"]) == 12


def test_postponements_are_published_and_suppressed(client, month_data):
    data = client.get("/statistik/data.json?tahun=2026").json()
    march = next(r for r in data["rows"] if r["month"] == "2026-03")
    assert march["postponements"] == SUPPRESSED  # 5 in March (both offices)


def test_the_csv_says_when_its_figures_include_sample_data(client, year_2025, office):
    """The CSV travels without its JSON twin: each row carries the sample-data mark the dictionary describes."""
    from datetime import datetime

    from jaring.outreach.models import Event

    def csv_marks() -> set[str]:
        text = client.get("/statistik/data.csv?tahun=2025").content.decode()
        return {row["sample_data"] for row in csv.DictReader(io.StringIO(text))}

    assert csv_marks() == {"false"}
    start = datetime(2025, 3, 4, 2, 0, tzinfo=UTC)
    Event.objects.create(
        office=office, code="SOS-DEMO1", title="Penyuluhan contoh", kind="penyuluhan",
        starts_at=start, ends_at=start, is_sample=True,
    )  # fmt: skip
    from django.core.cache import cache

    cache.clear()  # the public table is cached per month
    assert csv_marks() == {"true"}
    assert client.get("/statistik/data.json?tahun=2025").json()["sample_data"] is True
    described = opendata.dictionary()["sample_data"]
    assert described["name"] == "sample_data" and described["id"] and described["en"]
