import pytest
from django.core import mail
from django.core.management import call_command

from jaring.audit.models import AuditEvent
from jaring.casework.services import report_transition
from tests.casework.conftest import client_for, make_report

pytestmark = pytest.mark.django_db


def test_digest_emails_each_officer_their_due_reports(settings, office, petugas, supervisor) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    petugas.email, supervisor.email = "petugas@example.test", "kasi@example.test"
    petugas.save()
    supervisor.save()
    mine = make_report(office, assignee=petugas)
    unassigned = make_report(office)
    make_report(office, assignee=petugas, status="selesai")
    call_command("send_digest")
    by_rcpt = {m.to[0]: m.body for m in mail.outbox}
    assert mine.tracking_code in by_rcpt["petugas@example.test"]
    assert unassigned.tracking_code not in by_rcpt["petugas@example.test"]
    assert unassigned.tracking_code in by_rcpt["kasi@example.test"]
    assert "TERLAMBAT" in by_rcpt["petugas@example.test"]


def test_supervisor_browses_and_filters_the_audit_log(office, petugas, supervisor) -> None:
    report = make_report(office)
    report_transition(report=report, actor=petugas, to="diverifikasi")
    client = client_for(supervisor)
    page = client.get(f"/petugas/laporan/audit/?report={report.tracking_code}").content.decode()
    assert "Status laporan diubah" in page and "<td>report.transitioned" not in page
    assert "Waktu (WIB)" in page
    by_login = client.get("/petugas/laporan/audit/?action=login.").content.decode()
    assert "Status laporan diubah</td>" not in by_login
    assert '<option value="login." selected>Masuk: semua</option>' in by_login
    english = client.get(f"/en/petugas/laporan/audit/?report={report.tracking_code}").content.decode()
    assert "Report status changed" in english


def test_only_supervisors_see_the_audit_log(petugas, mitra) -> None:
    assert client_for(petugas).get("/petugas/laporan/audit/").status_code == 403
    assert client_for(mitra).get("/petugas/laporan/audit/").status_code == 403


def test_audit_log_cannot_be_changed(office, petugas) -> None:
    report = make_report(office)
    report_transition(report=report, actor=petugas, to="diverifikasi")
    event = AuditEvent.objects.get(action="report.transitioned")
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().update(summary="x")
