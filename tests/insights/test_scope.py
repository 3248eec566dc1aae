"""Who sees which figures: officers their office, Kanwil its province, mitra nothing without a grant."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission

from jaring.accounts.models import Office, User
from tests.insights.conftest import client_for, make_report
from tests.insights.test_figures_match_lists import PLAIN, figures_on


@pytest.fixture
def bali(db) -> Office:
    office = Office.objects.create(
        slug="denpasar", name="Kanim Denpasar", short_name="Denpasar", region_code="51.71"
    )
    make_report(office, date(2026, 3, 3), category="tppo")
    return office


@pytest.fixture
def kanwil(office) -> User:
    return User.objects.create_user(
        username="kanwil-kepri", password="x-test-9", role="kanwil", province_code="21"
    )


def test_kanwil_sees_every_office_of_its_province_and_no_other(month_data, kanwil, bali):
    client = client_for(kanwil)
    page = client.get("/petugas/wawasan/?bulan=2026-03").content.decode()
    assert figures_on(page)["total"][1] == 8  # 7 in Batam, 1 in Tanjung Pinang; not Denpasar's
    assert "Kanim Tanjung Pinang" in page and "Denpasar" not in page
    one = figures_on(client.get("/petugas/wawasan/?bulan=2026-03&kantor=tanjungpinang").content.decode())
    assert one["total"][1] == 1
    listing = client.get(one["total"][0]).content.decode()
    assert listing.count('class="report-row"') == 1
    assert "/petugas/laporan/INS" not in listing  # codes only: Kanwil does not open cases


def test_an_office_outside_the_scope_looks_like_an_unknown_one(month_data, kanwil, bali):
    client = client_for(kanwil)
    outside = client.get("/petugas/wawasan/?bulan=2026-03&kantor=denpasar").content.decode()
    unknown = client.get("/petugas/wawasan/?bulan=2026-03&kantor=tidak-ada").content.decode()
    message = "Kantor tidak dikenal atau di luar wewenang Anda."
    assert message in outside and message in unknown
    assert figures_on(outside)["total"][1] == figures_on(unknown)["total"][1] == 8
    rows = client.get("/petugas/wawasan/daftar/?bulan=2026-03&kantor=denpasar").content.decode()
    assert rows.count('class="report-row"') == 8


def test_an_officer_cannot_reach_another_office(month_data, petugas):
    page = client_for(petugas).get("/petugas/wawasan/?bulan=2026-03&kantor=tanjungpinang").content.decode()
    assert "Kantor tidak dikenal" in page
    assert figures_on(page)["total"][1] == 7


def test_mitra_sees_nothing_without_a_grant(month_data, mitra):
    client = client_for(mitra)
    assert client.get("/petugas/wawasan/?bulan=2026-03").status_code == 403
    assert client.get("/petugas/wawasan/daftar/?bulan=2026-03").status_code == 403


def test_mitra_with_aggregate_access_sees_figures_without_lists(month_data, mitra):
    mitra.user_permissions.add(Permission.objects.get(codename="view_aggregates"))
    client = client_for(User.objects.get(pk=mitra.pk))
    page = client.get("/petugas/wawasan/?bulan=2026-03").content.decode()
    assert response_ok(page)
    assert not figures_on(page)  # no links to rows
    plain = dict(PLAIN.findall(page))
    assert plain["total"] == "7"  # the offices its agency serves: Batam
    assert client.get("/petugas/wawasan/daftar/?bulan=2026-03").status_code == 403


def response_ok(page: str) -> bool:
    return "Wawasan" in page


def test_anonymous_visitors_are_sent_to_login(db, client):
    response = client.get("/petugas/wawasan/")
    assert response.status_code == 302 and "/petugas/masuk/" in response["Location"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("dari=2026-02-30&sampai=2026-03-10", "Tanggal tidak ada di kalender"),
        ("dari=2026-03-10&sampai=2026-03-01", "Tanggal akhir lebih awal dari tanggal mulai."),
        ("bulan=2026-13", "Bulan tidak valid"),
        ("tahun=20x6", "Tahun tidak valid"),
        ("dari=2000-01-01&sampai=2026-01-01", "Rentang paling lama lima tahun."),
    ],
)
def test_impossible_periods_are_explained_and_the_input_kept(month_data, supervisor, query, message):
    page = client_for(supervisor).get(f"/petugas/wawasan/?{query}").content.decode()
    assert message in page
    first_value = query.split("&")[0].split("=")[1]
    assert f'value="{first_value}"' in page


def test_the_english_page_explains_in_english(month_data, supervisor):
    page = client_for(supervisor).get("/en/petugas/wawasan/?bulan=2026-13").content.decode()
    assert "Invalid month" in page
