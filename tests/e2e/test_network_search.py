"""An officer types a number as the placeholder suggests and finds its network; the cluster page reads in
Indonesian labels, on a phone and on a desktop."""

import pytest
from playwright.sync_api import expect

from jaring.network.services import report_link
from jaring.reports.models import Party, Report
from tests.conftest import PASSWORD

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


def _report(office, code: str, description: str, parties=(), category="perekrut") -> Report:  # type: ignore[no-untyped-def]
    report = Report.objects.create(office=office, tracking_code=code, follow_up_key_hash="argon2$e2e",
                                   category=category, description=description)  # fmt: skip
    Party.objects.bulk_create([Party(report=report, kind=k, value=v) for k, v in parties])
    report_link(report_id=report.pk)
    return report


def _sign_in(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{url}/petugas/masuk/")
    page.fill("input[name=username]", "petugas")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.django_db(transaction=True)
def test_officer_finds_a_network_by_the_number_as_typed(page, live_server, office, petugas, size) -> None:
    page.set_viewport_size(SIZES[size])
    _report(office, "E2ECARI1", "Perekrut ke Kamboja, WA +62 812-3456-7890.", category="tppo")
    _report(office, "E2ECARI2", "Diminta DP ke BCA 1234567890", [("phone", "0812 3456 7890")])
    _report(office, "E2ECARI3", "Lowongan palsu dari 0813 9999 0000")
    _sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/petugas/jaringan/")

    search = page.get_by_label("Cari identitas")
    expect(search).to_be_in_viewport()
    search.fill("0812-3456-7890")
    page.get_by_role("button", name="Saring").click()
    expect(page.get_by_text("Dicari sebagai:")).to_contain_text("Nomor telepon +6281234567890")
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(1)
    expect(search).to_have_value("0812-3456-7890")

    search.fill("!!!")
    page.get_by_role("button", name="Saring").click()
    expect(page.get_by_text("tidak terbaca sebagai nomor telepon")).to_be_visible()
    expect(search).to_have_attribute("aria-invalid", "true")
    expect(search).to_have_value("!!!")

    # A number that occurs in one report only is found too: searching needs no minimum network size.
    search.fill("0813 9999 0000")
    page.get_by_role("button", name="Saring").click()
    expect(rows).to_have_count(1)
    expect(rows.first).not_to_contain_text("Belum ada")

    search.fill("081234567890")
    page.get_by_role("button", name="Saring").click()
    rows.first.get_by_role("link").click()

    expect(page.get_by_role("heading", name="Jenis catatan")).to_be_visible()
    body = page.locator("body").inner_text()
    assert "Laporan: 2" in body
    assert "Dugaan perdagangan orang (TPPO): 1" in body
    assert "Perekrut atau tawaran kerja mencurigakan: 1" in body
    for code in ("report:", "perekrut:", "tppo:"):
        assert code not in body, code
    kinds = page.locator("#h-identifiers + .table-wrap tbody td:first-child").all_inner_texts()
    assert "Nomor telepon" in kinds and "Rekening/dompet digital" in kinds
    assert not {"phone", "account", "person"} & set(kinds)
    # Nothing runs off the side of a phone: the tables scroll inside their wrappers.
    assert page.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
