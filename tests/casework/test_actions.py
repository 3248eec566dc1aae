"""Assignment, priority, labels, notes, replies and reply templates through the web pages."""

import pytest

from jaring.audit.models import AuditEvent
from jaring.casework.demo import seed
from jaring.casework.models import ReplyTemplate
from jaring.reports.models import Message
from tests.casework.conftest import client_for, make_report, walk_report

pytestmark = pytest.mark.django_db


def _post(user, report, action, data):
    return client_for(user).post(f"/petugas/laporan/{report.tracking_code}/{action}/", data)


def test_supervisor_assigns_and_officer_takes_unassigned(
    office, petugas, petugas2, supervisor, report
) -> None:
    assert _post(petugas, report, "tugaskan", {"username": "petugas"}).status_code == 302
    report.refresh_from_db()
    assert report.assignee == petugas
    assert _post(petugas2, report, "tugaskan", {"username": "petugas2"}).status_code == 422
    assert _post(supervisor, report, "tugaskan", {"username": "petugas2"}).status_code == 302
    report.refresh_from_db()
    assert report.assignee == petugas2
    assert AuditEvent.objects.filter(action="report.assigned").count() == 2


def test_unknown_assignee_is_refused(supervisor, report) -> None:
    response = _post(supervisor, report, "tugaskan", {"username": "siapa"})
    assert response.status_code == 422 and "Petugas tidak dikenal" in response.content.decode()
    report.refresh_from_db()
    assert report.assignee is None


def test_officer_cannot_assign_someone_else(petugas, petugas2, report) -> None:
    assert _post(petugas, report, "tugaskan", {"username": "petugas2"}).status_code == 403


def test_priority_and_labels(petugas, report) -> None:
    _post(petugas, report, "prioritas", {"priority": "darurat"})
    _post(petugas, report, "label", {"new_labels": "Kamboja, Jalur tikus"})
    report.refresh_from_db()
    assert report.priority == "darurat"
    assert sorted(rl.label.name for rl in report.report_labels.all()) == ["Jalur tikus", "Kamboja"]
    assert AuditEvent.objects.filter(action__in=["report.priority_changed", "report.labelled"]).count() == 2


def test_internal_note_is_stored_internal_and_audited(petugas, report) -> None:
    _post(petugas, report, "catatan", {"body": "Cek nomor di jaringan."})
    note = Message.objects.get(report=report)
    assert note.is_internal and note.author == petugas
    assert AuditEvent.objects.filter(action="report.note_added").exists()


def test_reply_is_public_and_audited(petugas, report) -> None:
    assert _post(petugas, report, "balas", {"body": "Terima kasih, kami periksa."}).status_code == 302
    message = Message.objects.get(report=report)
    assert not message.is_internal
    assert AuditEvent.objects.filter(action="report.replied").exists()


def test_reply_to_closed_report_is_refused_and_text_kept(office, petugas) -> None:
    closed = make_report(office, status="selesai")
    response = _post(petugas, closed, "balas", {"body": "Teks yang tidak boleh hilang"})
    assert response.status_code == 422
    assert not Message.objects.filter(report=closed).exists()


def test_invalid_transition_on_the_web_keeps_the_input(petugas, report) -> None:
    response = _post(petugas, report, "status", {"to": "selesai", "reason": "alasan saya"})
    html = response.content.decode()
    assert response.status_code == 422 and "alasan saya" in html and "tidak dapat diubah" in html
    report.refresh_from_db()
    assert report.status == "baru"


def test_rejecting_without_a_chosen_reason_is_refused_with_the_input_kept(petugas, report) -> None:
    page = client_for(petugas).get(f"/petugas/laporan/{report.tracking_code}/").content.decode()
    assert '<option value="">(pilih bila menolak)</option><option value="spam">' in page  # no default

    response = _post(petugas, report, "status", {"to": "ditolak", "reason": "iklan pinjaman"})

    html = response.content.decode()
    assert response.status_code == 422 and "Pilih alasan penolakan." in html and "iklan pinjaman" in html
    assert '<option value="ditolak" selected>' in html
    report.refresh_from_db()
    assert report.status == "baru" and not AuditEvent.objects.filter(action="report.transitioned").exists()
    assert _post(petugas, report, "status", {"to": "diverifikasi", "reject_reason": ""}).status_code == 302


def test_the_case_page_names_the_region_and_every_actor(office, petugas) -> None:
    case = walk_report(office)
    html = client_for(petugas).get(f"/petugas/laporan/{case.report.tracking_code}/").content.decode()
    assert "Kecamatan Batu Aji, Kota Batam, Kepulauan Riau" in html and "21.71.12" not in html
    assert '<strong class="tl-actor"></strong>' not in html
    assert html.count('<details class="action"') == 7 and html.count(" open>") == 1


def test_reply_templates_are_seeded_once_and_prefill_the_reply(office, petugas, supervisor, report) -> None:
    seed(office=office)
    seed(office=office)
    assert ReplyTemplate.objects.filter(office=office).count() == 2
    template = ReplyTemplate.objects.get(title="Mohon informasi tambahan")
    page = client_for(petugas).get(f"/petugas/laporan/{report.tracking_code}/?templat={template.pk}")
    assert template.body[:40] in page.content.decode()


def test_only_supervisors_edit_reply_templates(office, petugas, supervisor) -> None:
    assert (
        client_for(petugas).post("/petugas/laporan/templat/", {"title": "A", "body": "B"}).status_code == 403
    )
    response = client_for(supervisor).post("/petugas/laporan/templat/", {"title": "Salam", "body": ""})
    assert response.status_code == 422 and not ReplyTemplate.objects.filter(title="Salam").exists()
    client_for(supervisor).post("/petugas/laporan/templat/", {"title": "Salam", "body": "Halo"})
    assert ReplyTemplate.objects.get(title="Salam").body == "Halo"
