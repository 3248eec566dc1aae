"""An officer triages, answers and refers a report; the BP3MI partner sees only that report and closes it.

The case page is checked at phone (390x844) and desktop (1280) sizes, and its screenshots are taken here. They
replace docs/img/ (shown by docs/casework.md) only with JARING_UPDATE_DOCS_IMG=1, so a test run leaves the tree clean.
"""

import io
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from jaring.audit.models import AuditEvent
from jaring.casework.models import Referral
from jaring.lib.text import search_terms
from jaring.reports.models import Report
from tests.casework.conftest import walk_report
from tests.conftest import PASSWORD

DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
UPDATE_DOCS_IMG = os.environ.get("JARING_UPDATE_DOCS_IMG") == "1"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


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

    expect(page.locator("#act-reply")).to_have_attribute("open", "")  # the reply box is the one open action
    page.locator("#act-status > summary").click()
    page.select_option("#st-to", "diverifikasi")
    page.get_by_role("button", name="Simpan status").click()
    expect(page.locator("#report-status")).to_have_text("Diverifikasi")
    page.locator("#act-assign > summary").click()
    page.get_by_role("button", name="Ambil laporan ini").click()
    expect(page.locator("#report-assignee")).to_contain_text("Petugas")
    page.fill("#rp-body", "Terima kasih, laporan Anda kami tindak lanjuti bersama BP3MI.")
    page.get_by_role("button", name="Kirim balasan").click()
    expect(page.get_by_text("Balasan terkirim ke pelapor.")).to_be_visible()
    page.locator("#act-refer > summary").click()
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
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh berkas rujukan (PDF)").click()
    pdf = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(Path(download.value.path()).read_bytes())).pages
    )
    assert "Kamboja, paspornya ditahan" in pdf and "Dugaan penempatan PMI" in pdf and "Rahmat" not in pdf
    event = AuditEvent.objects.get(action="referral.case_file")
    assert event.actor.username == "mitra-bp3mi" and f"Referensi audit: #{event.pk}." in pdf
    page.select_option("select[name=status]", "selesai")
    page.fill("textarea[name=note]", "Calon PMI batal berangkat dan didampingi pulang ke daerah asal.")
    page.get_by_role("button", name="Simpan tindak lanjut").click()
    expect(page.get_by_text("Tindak lanjut rujukan disimpan.")).to_be_visible()

    referral = Referral.objects.get(report=target)
    assert referral.status == "selesai" and "batal berangkat" in referral.outcome
    target.refresh_from_db()
    assert target.status == "dirujuk" and target.assignee.username == "petugas"


def _open_actions(page) -> list[str]:
    return page.eval_on_selector_all("details.action[open]", "els => els.map(e => e.id)")


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("size", "shot"), [(PHONE, "case-page-phone.png"), (DESKTOP, "case-page.png")])
def test_case_page_is_one_conversation_with_the_actions_beside_it(
    page, live_server, office, size, shot, tmp_path
):
    shots = DOCS_IMG if UPDATE_DOCS_IMG else tmp_path
    case = walk_report(office, fixed=True)
    t = case.texts
    page.set_viewport_size(size)
    _login(page, live_server, "petugas")
    page.goto(f"{live_server.url}/petugas/laporan/JRG-DEMO-CASE/")

    # The report, with its place named, not coded.
    expect(page.locator("#report-location")).to_have_text(
        f"Kecamatan Batu Aji, Kota Batam, Kepulauan Riau \u2014 {t['location_text']}"
    )
    assert "21.71.12" not in page.locator("main").inner_text()
    # One timeline, in the order things happened, every entry with a name and a WIB time.
    entries = page.locator("#percakapan ol.timeline > li")
    kinds = entries.evaluate_all("els => els.map(e => e.className.replace(/^tl /, ''))")
    assert kinds == [
        "tl-status tl-system",  # intake: Baru
        "tl-status tl-officer",  # Diverifikasi
        "tl-message tl-officer",  # the question
        "tl-message tl-reporter",  # the answer
        "tl-note tl-officer",
        "tl-referral tl-officer",  # Dikirim (the referral)
        "tl-status tl-officer",  # Dirujuk
        "tl-referral tl-partner",  # Diterima
    ]
    actors = page.locator(".tl-actor").all_inner_texts()
    assert actors == [
        "Sistem",
        "Petugas Demo",
        "Petugas Demo",
        "Pelapor",
        "Petugas Demo",
        "Petugas Demo",
        "Petugas Demo",
        "Mitra BP3MI (BP3MI Kepulauan Riau)",
    ]
    assert all(text.endswith("WIB") for text in page.locator(".tl-meta time").all_inner_texts())
    expect(entries.nth(0)).to_contain_text("30 Nov 2026 08:15 WIB")
    expect(entries.nth(3)).to_contain_text(t["answer"])
    expect(entries.nth(4)).to_contain_text("Catatan internal")
    # Only the reply is open, right under the reporter's latest words.
    assert _open_actions(page) == ["act-reply"]
    expect(page.locator(".latest")).to_contain_text(t["answer"])
    expect(page.locator("#rp-body")).to_be_visible()
    expect(page.locator("#st-to")).to_be_hidden()
    _no_sideways_scroll(page)
    main_box = page.locator(".case-main").bounding_box()
    side_box = page.locator(".case-side").bounding_box()
    if size is DESKTOP:
        assert side_box["x"] > main_box["x"] + main_box["width"] - 1  # actions beside the conversation
        page.screenshot(path=str(shots / shot), full_page=True)
    else:
        assert side_box["y"] >= main_box["y"] + main_box["height"] - 1  # stacked below on a phone
        expect(page.locator("#report-status")).to_be_in_viewport()
        page.screenshot(path=str(shots / shot))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_rejecting_needs_a_chosen_reason_and_keeps_what_was_typed(page, live_server, office, size):
    report = _report(office, "E2ETOLAK", "Iklan pinjaman online, tidak ada hubungannya dengan kerja.")
    page.set_viewport_size(size)
    _login(page, live_server, "petugas")
    page.goto(f"{live_server.url}/petugas/laporan/E2ETOLAK/")
    page.locator("#act-status > summary").click()
    assert page.locator("#st-reject").input_value() == ""  # no default reason (it once defaulted to Spam)
    page.select_option("#st-to", "ditolak")
    page.fill("#st-reason", "Promosi pinjaman, bukan laporan.")
    page.get_by_role("button", name="Simpan status").click()

    expect(page.locator("#st-reject-error")).to_have_text("Pilih alasan penolakan.")
    assert _open_actions(page) == ["act-status"]
    assert page.locator("#st-to").input_value() == "ditolak"
    assert page.locator("#st-reason").input_value() == "Promosi pinjaman, bukan laporan."
    report.refresh_from_db()
    assert report.status == "baru"

    page.select_option("#st-reject", "spam")
    page.get_by_role("button", name="Simpan status").click()
    expect(page.locator("#report-status")).to_have_text("Ditolak")
    report.refresh_from_db()
    assert report.close_reason == "spam: Promosi pinjaman, bukan laporan."


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_reporter_reads_what_they_reported_above_the_thread(page, live_server, office, size):
    case = walk_report(office)
    t = case.texts
    page.set_viewport_size(size)
    page.goto(f"{live_server.url}/lapor/cek/")
    page.get_by_label("Kode laporan").fill(case.report.tracking_code)
    page.get_by_label("Kunci tindak lanjut").fill(case.key)
    page.get_by_role("button", name="Buka laporan").click()

    submitted = page.locator("#laporan-anda")
    expect(submitted.get_by_role("heading", name="Yang Anda laporkan")).to_be_visible()
    expect(submitted).to_contain_text(t["description"])
    expect(submitted).to_contain_text("Perekrut atau tawaran kerja mencurigakan")
    expect(submitted).to_contain_text("Kecamatan Batu Aji, Kota Batam, Kepulauan Riau")
    expect(submitted).to_contain_text(t["party_phone"])
    assert submitted.bounding_box()["y"] < page.locator("#pesan").bounding_box()["y"]
    expect(page.locator("#pesan")).to_contain_text(t["answer"])
    body = page.locator("main").inner_text()
    for private in (t["note"], t["referral_note"], t["partner_update"], "21.71.12", "Petugas Demo"):
        assert private not in body, private
    _no_sideways_scroll(page)
