"""The monthly report: PDF read back with pypdf, XLSX with openpyxl, the narrative, the scheduled e-mail."""

import io
from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from jaring.audit.models import AuditEvent
from tests.insights.conftest import client_for


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_pdf_carries_letterhead_period_figures_narrative_and_signature(month_data, supervisor):
    client = client_for(supervisor)
    saved = client.post(
        "/petugas/wawasan/bulanan/",
        {"bulan": "2026-03", "kantor": "batam", "narasi": "Lonjakan laporan perekrut dari Galang."},
    )
    assert saved.status_code == 302
    response = client.get("/petugas/wawasan/bulanan/laporan.pdf?bulan=2026-03")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "KANTOR IMIGRASI KELAS I KHUSUS TPI BATAM" in text
    assert "Periode: 1 Maret 2026 s.d. 31 Maret 2026" in text
    assert "Laporan masuk 7" in text.replace("\n", " ") or "Laporan masuk\n7" in text
    assert "Lonjakan laporan perekrut dari Galang." in text
    assert "Kepala Kantor" in text and "NIP." in text
    assert "Laporan per kategori" in text and "Rujukan per instansi dan hasilnya" in text
    assert AuditEvent.objects.filter(action="insights.monthly_report_file", actor=supervisor).exists()


def test_the_xlsx_has_one_sheet_per_table_with_the_dashboards_numbers(month_data, supervisor):
    response = client_for(supervisor).get("/petugas/wawasan/bulanan/laporan.xlsx?bulan=2026-03")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[0] == "Ringkasan"
    assert "Laporan per kategori" in book.sheetnames
    categories = {r[0]: r[1] for r in book["Laporan per kategori"].iter_rows(min_row=3, values_only=True)}
    assert categories["Dugaan perdagangan orang (TPPO)"] == 2
    assert sum(categories.values()) == 7
    region = book[
        "Laporan per kabupaten-kota keja"
    ]  # "/" is not allowed in a sheet name, 31 characters at most
    assert region["A1"].value == "Laporan per kabupaten/kota kejadian"


def test_a_too_long_narrative_is_refused_and_kept(month_data, supervisor):
    text = "x" * 4001
    response = client_for(supervisor).post("/petugas/wawasan/bulanan/", {"bulan": "2026-03", "narasi": text})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Narasi paling panjang 4000 karakter." in page and text in page


def test_officers_and_partners_cannot_make_the_report(month_data, petugas, mitra):
    assert client_for(petugas).get("/petugas/wawasan/bulanan/laporan.pdf?bulan=2026-03").status_code == 403
    assert client_for(mitra).get("/petugas/wawasan/bulanan/").status_code == 403


def test_the_command_writes_the_file(month_data, tmp_path):
    out = tmp_path / "maret.pdf"
    call_command(
        "insights_monthly_report", office="batam", month="2026-03", output=str(out), stdout=io.StringIO()
    )
    assert "Laporan bulanan Wawasan" in pdf_text(out.read_bytes())


@pytest.fixture
def recipients(settings):
    settings.INSIGHTS_REPORT_RECIPIENTS = ["kakanim@example.org", "kanwil@example.org"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_the_report_is_mailed_on_the_first_working_day_once(month_data, recipients):
    call_command("insights_send_monthly", today="2026-04-01", stdout=io.StringIO())
    # 1 April 2026 is a Wednesday and a working day: March's report leaves for each office
    batam = [m for m in mail.outbox if "Kanim Batam" in m.subject]
    assert len(batam) == 1 and batam[0].to == ["kakanim@example.org", "kanwil@example.org"]
    names = [a[0] for a in batam[0].attachments]
    assert names == ["wawasan-batam-2026-03.pdf", "wawasan-batam-2026-03.xlsx"]
    assert "KANTOR IMIGRASI" in pdf_text(batam[0].attachments[0][1])
    sent = len(mail.outbox)
    call_command("insights_send_monthly", today="2026-04-01", stdout=io.StringIO())
    assert len(mail.outbox) == sent  # a month is sent once


def test_no_mail_on_other_days(month_data, recipients):
    call_command("insights_send_monthly", today="2026-03-03", stdout=io.StringIO())
    call_command("insights_send_monthly", today="2026-03-01", stdout=io.StringIO())  # a Sunday
    assert mail.outbox == []
    assert date(2026, 3, 2).weekday() == 0
    call_command("insights_send_monthly", today="2026-03-02", stdout=io.StringIO())
    assert mail.outbox and "2026-02" in mail.outbox[0].subject
