"""Urgent reports on the officers' side: intake through the web and the API, the case page's panel, officers
setting and clearing the mark (audited), the inbox order and the supervisors' e-mail."""

import json
from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from jaring.audit.models import AuditEvent
from jaring.casework.inbox import InboxFilters, inbox_page
from jaring.casework.selectors import reports_visible_to
from jaring.casework.services import reply_send, report_set_urgency
from jaring.reports.deadlines import deadlines_for, office_date
from jaring.reports.models import Report
from jaring.reports.services import report_message_add
from tests.casework.conftest import client_for, make_report
from tests.reports.test_submit_web import form_data, receipt_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def immediate_tasks(settings):
    """The task runs when queued (production: the worker, right after commit)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def test_web_report_about_a_minor_is_urgent_with_a_one_day_deadline(client, office) -> None:
    data = form_data(client, description="Ponakan saya masih SMP diajak kerja ke Johor oleh tetangga.")
    code, _key = receipt_of(client.post("/lapor/", data))
    report = Report.objects.get(tracking_code=code)
    assert report.urgent and report.urgency_reasons == [{"rule": "minor", "match": "masih SMP"}]
    received = office_date(office, report.created_at)
    assert (report.verify_due, report.follow_up_due) == deadlines_for(office, received, urgent=True)
    assert AuditEvent.objects.get(action="report.submitted", object_id=str(report.pk)).data["urgent"] is True


def test_api_report_about_someone_held_is_urgent(client, office) -> None:
    payload = {
        "category": "tppo",
        "description": "Kakak saya disekap di ruko Batu Aji.",
        "identity_mode": "anonim",
    }
    response = client.post("/api/v1/reports", json.dumps(payload), content_type="application/json")
    assert response.status_code == 201
    report = Report.objects.get(tracking_code=response.json()["tracking_code"])
    assert report.urgent and report.urgency_reasons == [{"rule": "held", "match": "disekap"}]


def test_intake_mails_the_offices_supervisors_only(office, supervisor, petugas, immediate_tasks) -> None:
    supervisor.email, petugas.email = "kasi@imigrasi.example", "petugas@imigrasi.example"
    supervisor.save()
    petugas.save()
    report = make_report(office, description="Berangkat lusa lewat Tanjung Uban, identitas saya Rina.")
    [email] = mail.outbox
    assert email.to == ["kasi@imigrasi.example"]
    assert report.tracking_code in email.subject and f"/petugas/laporan/{report.tracking_code}/" in email.body
    assert "Rina" not in email.body and "Tanjung Uban" not in email.body


def test_case_page_explains_why_with_the_matched_words(office, petugas) -> None:
    report = make_report(office, description="Adik saya umur 15 thn, paspornya ditahan agen di Batam.")
    html = client_for(petugas).get(f"/petugas/laporan/{report.tracking_code}/").content.decode()
    assert 'id="mendesak"' in html
    assert "menyebut anak di bawah umur" in html.lower() and "<mark>umur 15</mark>" in html
    assert "<mark>paspornya ditahan</mark>" in html
    assert "Hapus tanda mendesak" in html


def test_officer_marks_urgent_with_a_reason_audited_and_supervisors_told(
    office, petugas, supervisor, immediate_tasks
) -> None:
    supervisor.email = "kasi@imigrasi.example"
    supervisor.save()
    report = make_report(office, received=date.today())
    assert not report.urgent
    client = client_for(petugas)
    response = client.post(
        f"/petugas/laporan/{report.tracking_code}/mendesak/",
        {"urgent": "1", "reason": "Pelapor menelepon: berangkat Sabtu."},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.urgent and report.urgency_reasons[-1]["rule"] == "officer"
    assert report.verify_due <= deadlines_for(office, date.today(), urgent=True)[0]
    event = AuditEvent.objects.get(action="report.urgency_set")
    assert event.actor == petugas and event.data["reason"] == "Pelapor menelepon: berangkat Sabtu."
    assert len(mail.outbox) == 1

    client.post(
        f"/petugas/laporan/{report.tracking_code}/mendesak/", {"urgent": "0", "reason": "Sudah dicek: hoaks."}
    )
    report.refresh_from_db()
    received = office_date(office, report.created_at)
    assert not report.urgent and (report.verify_due, report.follow_up_due) == deadlines_for(office, received)
    assert AuditEvent.objects.filter(action="report.urgency_cleared").count() == 1


def test_a_reason_is_required_and_the_page_keeps_the_officers_input(office, petugas) -> None:
    report = make_report(office)
    response = client_for(petugas).post(f"/petugas/laporan/{report.tracking_code}/mendesak/", {"urgent": "1"})
    assert response.status_code == 422 and "Alasan wajib diisi." in response.content.decode()
    report.refresh_from_db()
    assert not report.urgent and not AuditEvent.objects.filter(action="report.urgency_set").exists()


def test_partners_and_other_offices_cannot_set_urgency(office, other_office, mitra, petugas) -> None:
    report = make_report(other_office)
    with pytest.raises(PermissionDenied):
        report_set_urgency(report=report, urgent=True, reason="x", actor=petugas)
    with pytest.raises(PermissionDenied):
        report_set_urgency(report=make_report(office), urgent=True, reason="x", actor=mitra)
    assert client_for(mitra).post(f"/petugas/laporan/{report.tracking_code}/mendesak/").status_code == 403


def test_setting_what_is_already_set_is_refused(office, petugas) -> None:
    report = make_report(office, description="Besok berangkat.")
    with pytest.raises(ValidationError):
        report_set_urgency(report=report, urgent=True, reason="lagi", actor=petugas)


def test_urgent_open_reports_come_first_in_the_inbox_also_when_searching(office, petugas) -> None:
    urgent = make_report(
        office, description="Tawaran kerja Kamboja, berangkat besok.", status="ditindaklanjuti"
    )
    newer = make_report(office, description="Tawaran kerja Kamboja tanpa kontrak.")
    closed_urgent = make_report(office, description="Kamboja, paspor ditahan.", status="selesai")

    def codes(**params) -> list[str]:
        page = inbox_page(reports_visible_to(petugas), InboxFilters.from_params(params), petugas)
        return [r.tracking_code for r in page.rows]

    assert codes() == [urgent.tracking_code, newer.tracking_code]
    assert codes(q="kamboja", status="semua") == [
        urgent.tracking_code,
        newer.tracking_code,
        closed_urgent.tracking_code,
    ]
    assert codes(q="kontrak") == [newer.tracking_code]
    page = inbox_page(reports_visible_to(petugas), InboxFilters(), petugas, size=1)
    assert [r.tracking_code for r in page.rows] == [urgent.tracking_code]
    second = inbox_page(reports_visible_to(petugas), InboxFilters(), petugas, cursor=page.next_cursor, size=1)
    assert [r.tracking_code for r in second.rows] == [newer.tracking_code]


def test_a_follow_up_about_an_imminent_departure_makes_the_report_urgent_once(
    office, petugas, supervisor, immediate_tasks
) -> None:
    supervisor.email = "kasi@imigrasi.example"
    supervisor.save()
    report = make_report(office, received=date.today())
    # An officer's words never count.
    reply_send(report=report, body="Kapan rencana keberangkatannya? Kalau besok, hubungi 110.", actor=petugas)
    report.refresh_from_db()
    assert not report.urgent and mail.outbox == []

    report_message_add(report=report, body="Katanya bsk brgkt jam 10 dari Harbour Bay.", channel="whatsapp")
    report.refresh_from_db()
    assert report.urgent
    assert report.urgency_reasons == [{"rule": "departure", "match": "bsk", "source": "message"}]
    assert report.verify_due <= deadlines_for(office, date.today(), urgent=True)[0]
    event = AuditEvent.objects.get(action="report.urgency_set")
    assert event.actor is None and event.actor_label == "pelapor/whatsapp"
    assert len(mail.outbox) == 1

    report_message_add(report=report, body="Lusa juga ada rombongan lain.")
    assert len(mail.outbox) == 1 and AuditEvent.objects.filter(action="report.urgency_set").count() == 1
    html = client_for(petugas).get(f"/petugas/laporan/{report.tracking_code}/").content.decode()
    assert "<mark>bsk</mark>" in html and "dalam pesan lanjutan pelapor" in html
