"""An officer triages, answers and refers a report; the BP3MI partner sees only that report and closes it."""

import re

import pytest
from playwright.sync_api import expect

from jaring.casework.models import Referral
from jaring.lib.text import search_terms
from jaring.reports.models import Report
from tests.conftest import PASSWORD


def _report(office, code: str, description: str, **fields) -> Report:
    return Report.objects.create(
        office=office,
        tracking_code=code,
        follow_up_key_hash="argon2$e2e",
        category="perekrut",
        description=description,
        search_text=search_terms(description),
        **fields,
    )


def _login(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/petugas/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.get_by_role("heading", name="Ruang petugas")).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_officer_refers_a_report_and_the_partner_records_the_outcome(page, live_server, office) -> None:
    target = _report(
        office,
        "E2EKAMBOJA",
        "Adik saya dipekerjakan sebagai admin di Kamboja, paspornya ditahan.",
        identity_mode="rahasia",
        reporter_name="Rahmat Hidayat",
        reporter_contact="0812-5555-0000",
    )
    _report(office, "E2ELAIN", "Pertanyaan tentang M-Paspor.")

    _login(page, live_server, "petugas")
    page.goto(f"{live_server.url}/petugas/laporan/")
    page.fill("#f-q", "bekerja kamboja")
    page.select_option("#f-status", "baru")
    page.get_by_role("button", name="Terapkan").click()
    expect(page.get_by_role("link", name="E2EKAMBOJA")).to_be_visible()
    expect(page.get_by_role("link", name="E2ELAIN")).to_have_count(0)
    page.get_by_role("link", name="E2EKAMBOJA").click()

    page.select_option("#st-to", "diverifikasi")
    page.get_by_role("button", name="Simpan status").click()
    expect(page.locator("#report-status")).to_have_text("Diverifikasi")
    page.get_by_role("button", name="Ambil laporan ini").click()
    expect(page.locator("#report-assignee")).to_contain_text("Petugas")
    page.fill("#rp-body", "Terima kasih, laporan Anda kami tindak lanjuti bersama BP3MI.")
    page.get_by_role("button", name="Kirim balasan").click()
    expect(page.get_by_text("Balasan terkirim ke pelapor.")).to_be_visible()
    page.select_option("#rf-agency", "bp3mi-kepri")
    page.fill("#rf-note", "Dugaan penempatan PMI non-prosedural ke Kamboja.")
    page.get_by_role("button", name="Rujuk", exact=True).click()
    expect(page.locator("#report-status")).to_have_text("Dirujuk ke instansi mitra")
    page.get_by_role("button", name=re.compile("Keluar")).click()

    _login(page, live_server, "mitra-bp3mi")
    page.goto(f"{live_server.url}/petugas/laporan/")
    expect(page.get_by_role("link", name="E2EKAMBOJA")).to_be_visible()
    expect(page.get_by_role("link", name="E2ELAIN")).to_have_count(0)
    page.get_by_role("link", name="E2EKAMBOJA").click()
    expect(page.get_by_text("Kamboja, paspornya ditahan")).to_be_visible()
    assert "Rahmat" not in page.content() and "0812-5555" not in page.content()
    page.select_option("select[name=status]", "selesai")
    page.fill("textarea[name=note]", "Calon PMI batal berangkat dan didampingi pulang ke daerah asal.")
    page.get_by_role("button", name="Simpan tindak lanjut").click()
    expect(page.get_by_text("Tindak lanjut rujukan disimpan.")).to_be_visible()

    referral = Referral.objects.get(report=target)
    assert referral.status == "selesai" and "batal berangkat" in referral.outcome
    target.refresh_from_db()
    assert target.status == "dirujuk" and target.assignee.username == "petugas"
