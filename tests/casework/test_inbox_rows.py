"""What an inbox row tells an officer before opening the report: excerpt, channel, deadline state, unread
reporter messages; read with a fixed number of queries whatever the page holds."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jaring.casework.services import reply_send
from jaring.reports.deadlines import office_today
from jaring.reports.services import report_message_add
from tests.casework.conftest import client_for, make_report

pytestmark = pytest.mark.django_db

LONG = (
    "Saya ditawari bekerja di Kamboja sebagai admin kasino oleh akun Facebook bernama Lowongan Batam. "
    "Gajinya 20 juta, tiket dan paspor diurus agen, calon pekerja ditampung di ruko Batu Aji. RAHASIA-EKOR"
)


def _row(html: str, code: str) -> str:
    start = html.index(f'data-code="{code}"')
    return html[start : html.index("</tr>", start)]


def test_row_shows_an_excerpt_channel_and_deadline_state(office, petugas) -> None:
    today = office_today(office)
    report = make_report(office, description=LONG, channel="whatsapp", received=today)
    overdue = make_report(office, description="Pertanyaan paspor.", received=date(2025, 8, 14))
    html = client_for(petugas).get("/petugas/laporan/").content.decode()
    row = _row(html, report.tracking_code)
    assert "Saya ditawari bekerja di Kamboja sebagai admin kasino" in row and "RAHASIA-EKOR" not in row
    assert "WhatsApp" in row and "Tepat waktu" in row
    assert "Terlambat" in _row(html, overdue.tracking_code)


def test_row_shows_due_today(office, petugas) -> None:
    report = make_report(office)
    today = office_today(office)
    type(report).objects.filter(pk=report.pk).update(
        verify_due=today, follow_up_due=today + timedelta(days=2)
    )
    assert "Hari ini" in _row(
        client_for(petugas).get("/petugas/laporan/").content.decode(), report.tracking_code
    )


def test_partner_sees_the_excerpt_of_referred_reports_but_no_message_counts(
    office, petugas, mitra, agency
) -> None:
    from jaring.casework.referrals import referral_create

    report = make_report(office, description=LONG, status="diverifikasi")
    referral_create(report=report, agency=agency, note="Mohon ditindaklanjuti.", actor=petugas)
    report_message_add(report=report, body="Nama saya Rina, nomor saya 0812.")
    html = client_for(mitra).get("/petugas/laporan/").content.decode()
    row = _row(html, report.tracking_code)
    assert "Saya ditawari bekerja" in row and "pesan baru" not in row and 'name="code"' not in row


def test_unread_counts_reporter_messages_until_an_officer_opens_or_answers(
    office, petugas, supervisor
) -> None:
    report = make_report(office)
    client = client_for(petugas)

    def row() -> str:
        return _row(client.get("/petugas/laporan/").content.decode(), report.tracking_code)

    assert "pesan baru" not in row()
    report_message_add(report=report, body="Keberangkatan Sabtu jam 10.")
    report_message_add(report=report, body="Dari pelabuhan Harbour Bay.")
    assert "2 pesan baru" in row()
    client_for(supervisor).get(f"/petugas/laporan/{report.tracking_code}/")  # any officer of the office
    assert "pesan baru" not in row()
    report_message_add(report=report, body="Ada tambahan.")
    assert "1 pesan baru" in row()
    report.refresh_from_db()
    reply_send(report=report, body="Terima kasih, kami tindak lanjuti.", actor=petugas)
    assert "pesan baru" not in row()


def test_opening_a_page_with_nothing_unread_writes_nothing(office, petugas) -> None:
    from jaring.audit.models import AuditEvent

    report = make_report(office)
    report_message_add(report=report, body="Tambahan.")
    client = client_for(petugas)
    client.get(f"/petugas/laporan/{report.tracking_code}/")
    client.get(f"/petugas/laporan/{report.tracking_code}/")
    assert AuditEvent.objects.filter(action="report.messages_seen").count() == 1


def test_page_queries_do_not_grow_with_rows(office, petugas) -> None:
    client = client_for(petugas)
    for _ in range(2):
        report_message_add(report=make_report(office), body="pesan")
    client.get("/petugas/laporan/")  # warm caches (sessions, office)
    with CaptureQueriesContext(connection) as few:
        client.get("/petugas/laporan/")
    for _ in range(8):
        report_message_add(report=make_report(office, channel="api"), body="pesan")
    with CaptureQueriesContext(connection) as many:
        html = client.get("/petugas/laporan/").content.decode()
    assert html.count("1 pesan baru") == 10
    assert len(many.captured_queries) == len(few.captured_queries)
