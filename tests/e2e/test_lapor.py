"""A visitor reports with a photo, keeps the receipt, and later reads the officer's reply on /lapor/cek/."""

import pytest

from jaring.reports.models import Report
from jaring.reports.services import report_reply
from tests.reports.conftest import jpeg_with_gps


@pytest.mark.django_db(transaction=True)
def test_report_with_photo_then_follow_up_shows_the_officer_reply(page, live_server, office, petugas):
    page.goto(f"{live_server.url}/lapor/")
    page.get_by_label("Perekrut atau tawaran kerja mencurigakan").check()
    page.get_by_label("Apa yang terjadi?").fill(
        "Akun TikTok menawarkan kerja admin di Kamboja, gaji 25 juta."
    )
    page.locator("select[name=party_kind]").first.select_option("handle")
    page.locator("input[name=party_value]").first.fill("@loker.kamboja.demo")
    page.set_input_files(
        "#id_files", files=[{"name": "brosur.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}]
    )
    assert page.get_by_label("Anonim").is_checked()
    assert not page.get_by_label("Nama", exact=True).is_visible()  # identity fields hidden under Anonim
    page.get_by_role("button", name="Kirim laporan").click()

    page.get_by_role("heading", name="Laporan terkirim. Terima kasih.").wait_for()
    code = page.locator("#tracking-code").inner_text().strip()
    key = page.locator("#follow-up-key").inner_text().strip()
    assert page.get_by_role("button", name="Cetak").is_visible()  # the print button appears with JavaScript
    report = Report.objects.get(tracking_code=code)
    assert report.attachments.get().metadata_removed

    report_reply(report=report, author=petugas, body="Terima kasih, akun tersebut sedang kami periksa.")

    page.get_by_role("link", name="Cek status laporan").click()
    page.get_by_label("Kode laporan").fill(code)
    page.get_by_label("Kunci tindak lanjut").fill(key)
    page.get_by_role("button", name="Buka laporan").click()
    page.get_by_text("Terima kasih, akun tersebut sedang kami periksa.").wait_for()
    assert page.get_by_text("Laporan Anda sudah kami terima").is_visible()
    assert page.get_by_text("1 berkas dikirim bersama laporan.").is_visible()
