"""The officer's day and the inbox in a real browser, on a 390x844 phone and a 1280 desktop: the staff home lists
urgent reports and unread messages, inbox rows carry an excerpt, and a selection is changed with one form."""

import pytest
from playwright.sync_api import expect

from jaring.audit.models import AuditEvent
from jaring.reports.models import Report
from jaring.reports.services import report_message_add
from tests.casework.conftest import make_report
from tests.conftest import PASSWORD

SIZES = [
    pytest.param({"width": 390, "height": 844}, id="phone"),
    pytest.param({"width": 1280, "height": 900}, id="desktop"),
]


def _login(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/petugas/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.get_by_role("heading", name="Ruang petugas")).to_be_visible()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.django_db(transaction=True)
def test_staff_home_shows_the_day_and_the_menu(page, live_server, office, size) -> None:
    page.set_viewport_size(size)
    urgent = make_report(
        office, description="Adik saya berangkat besok lewat Harbour Bay, paspornya ditahan agen."
    )
    waiting = make_report(office, description="Perekrut menawari kerja di kapal ikan.")
    report_message_add(report=waiting, body="Keberangkatan Sabtu jam 10.")

    _login(page, live_server, "petugas")
    heading = page.get_by_role("heading", name="Ruang petugas")
    box = heading.bounding_box()
    assert box is not None and box["y"] < size["height"]  # the page's main content starts on the first screen
    expect(page.locator("#today-urgent").get_by_role("link", name=urgent.tracking_code)).to_be_visible()
    expect(page.locator("#today-unread").get_by_text("1 pesan baru")).to_be_visible()
    expect(page.get_by_role("link", name="Laporan masuk")).to_have_count(1)
    expect(
        page.get_by_role("navigation", name="Area kerja").get_by_role("link", name="Jaringan perekrut")
    ).to_be_visible()

    page.locator("#today-unread").get_by_role("link", name=waiting.tracking_code).click()
    expect(page.get_by_text("Keberangkatan Sabtu jam 10.").first).to_be_visible()
    page.goto(f"{live_server.url}/petugas/")
    expect(page.locator("#today-unread").get_by_text("Semua pesan pelapor sudah dibaca.")).to_be_visible()

    page.locator("#today-urgent").get_by_role("link", name=urgent.tracking_code).click()
    panel = page.locator("#mendesak")
    expect(panel.locator("mark", has_text="besok")).to_be_visible()
    expect(panel.locator("mark", has_text="paspornya ditahan")).to_be_visible()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.django_db(transaction=True)
def test_inbox_rows_have_excerpts_and_a_selection_changes_together(page, live_server, office, size) -> None:
    page.set_viewport_size(size)
    first = make_report(
        office, description="Lowongan admin di Kamboja gaji 20 juta, berangkat pakai visa turis."
    )
    second = make_report(office, description="Agen di Batu Aji menampung calon pekerja tanpa dokumen.")
    rejected = make_report(office, description="Iklan kerja di Malaysia.", status="ditolak")

    _login(page, live_server, "supervisor")
    page.goto(f"{live_server.url}/petugas/laporan/?status=semua")
    row = page.locator(f'tr[data-code="{first.tracking_code}"]')
    expect(row.get_by_text("Lowongan admin di Kamboja gaji 20 juta")).to_be_visible()
    expect(row.get_by_text("Situs web")).to_be_attached()

    for report in (first, second, rejected):
        page.get_by_label(f"Pilih {report.tracking_code}").check()
    page.select_option("#bulk-to", "diverifikasi")
    page.get_by_role("button", name="Ubah status").click()
    expect(page.get_by_text("2 laporan diperbarui")).to_be_visible()
    expect(page.get_by_text(f"{rejected.tracking_code} tidak diubah")).to_be_visible()
    expect(page.get_by_label(f"Pilih {rejected.tracking_code}")).to_be_checked()
    assert set(Report.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)) == {
        "diverifikasi"
    }
    assert AuditEvent.objects.filter(action="report.transitioned").count() == 2

    page.get_by_label(f"Pilih {rejected.tracking_code}").uncheck()
    page.get_by_label(f"Pilih {first.tracking_code}").check()
    page.get_by_label(f"Pilih {second.tracking_code}").check()
    page.select_option("#bulk-user", "petugas")
    page.get_by_role("button", name="Tugaskan").click()
    expect(page.get_by_text("2 laporan diperbarui")).to_be_visible()
    assert set(
        Report.objects.filter(pk__in=[first.pk, second.pk]).values_list("assignee__username", flat=True)
    ) == {"petugas"}
