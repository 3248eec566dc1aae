"""Bulk assignment and status change from the inbox: the single-report services once per report, each with its
own workflow check and audit row; refused reports are named with the reason, the others applied."""

import pytest

from jaring.audit.models import AuditEvent
from jaring.casework.bulk import reports_bulk_assign, reports_bulk_transition
from jaring.casework.selectors import reports_visible_to
from jaring.reports.models import Report, StatusChange
from tests.casework.conftest import client_for, make_report

pytestmark = pytest.mark.django_db


def test_supervisor_assigns_a_selection_with_one_audit_row_each(office, supervisor, petugas) -> None:
    reports = [make_report(office) for _ in range(3)]
    outcome = reports_bulk_assign(
        visible=reports_visible_to(supervisor),
        codes=[r.tracking_code for r in reports],
        username="petugas",
        actor=supervisor,
    )
    assert outcome.done == [r.tracking_code for r in reports] and outcome.failed == []
    assert set(Report.objects.values_list("assignee__username", flat=True)) == {"petugas"}
    assert AuditEvent.objects.filter(action="report.assigned").count() == 3


def test_a_status_change_the_workflow_refuses_is_named_and_the_rest_applied(
    office, petugas, other_office
) -> None:
    new1, new2 = make_report(office), make_report(office)
    closed = make_report(office, status="selesai")
    elsewhere = make_report(other_office)
    outcome = reports_bulk_transition(
        visible=reports_visible_to(petugas),
        codes=[new1.tracking_code, closed.tracking_code, new2.tracking_code, elsewhere.tracking_code],
        to="diverifikasi",
        reason="",
        actor=petugas,
    )
    assert outcome.done == [new1.tracking_code, new2.tracking_code]
    failed = dict(outcome.failed)
    assert "tidak dapat diubah menjadi" in failed[closed.tracking_code]
    assert failed[elsewhere.tracking_code] == "Laporan tidak ditemukan."
    assert list(Report.objects.filter(pk__in=[new1.pk, new2.pk]).values_list("status", flat=True)) == [
        "diverifikasi",
        "diverifikasi",
    ]
    closed.refresh_from_db()
    assert closed.status == "selesai" and not StatusChange.objects.filter(
        report=closed, to_status="diverifikasi"
    )
    assert AuditEvent.objects.filter(action="report.transitioned").count() == 2


def test_an_officer_cannot_bulk_assign_others(office, petugas, supervisor) -> None:
    report = make_report(office)
    outcome = reports_bulk_assign(
        visible=reports_visible_to(petugas),
        codes=[report.tracking_code],
        username="supervisor",
        actor=petugas,
    )
    assert outcome.done == [] and "supervisor" in outcome.failed[0][1].lower()
    report.refresh_from_db()
    assert report.assignee is None


def test_bulk_form_applies_and_reports_back_keeping_refused_rows_ticked(office, petugas) -> None:
    verified = make_report(office, status="diverifikasi")
    closed = make_report(office, status="ditolak")
    client = client_for(petugas)
    response = client.post(
        "/petugas/laporan/massal/",
        {
            "code": [verified.tracking_code, closed.tracking_code],
            "action": "status",
            "to": "selesai",
            "reason": "Sudah ditangani bersama BP3MI.",
            "kembali": "status=semua&category=perekrut&evil=https://x",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == (
        f"/petugas/laporan/?status=semua&category=perekrut&pilih={closed.tracking_code}"
    )
    html = client.get(response["Location"]).content.decode()
    assert f"{closed.tracking_code} tidak diubah" in html and "1 laporan diperbarui" in html
    assert f'value="{closed.tracking_code}" id="pick-{closed.tracking_code}" checked' in html
    verified.refresh_from_db()
    closed.refresh_from_db()
    assert verified.status == "selesai" and closed.status == "ditolak"


def test_bulk_reject_needs_the_reason_code_like_the_case_page(office, petugas) -> None:
    report = make_report(office)
    client_for(petugas).post(
        "/petugas/laporan/massal/",
        {
            "code": [report.tracking_code],
            "action": "status",
            "to": "ditolak",
            "reject_reason": "spam",
            "reason": "",
        },
    )
    report.refresh_from_db()
    assert report.status == "ditolak" and report.close_reason == "spam"


def test_nothing_chosen_is_explained(office, petugas) -> None:
    response = client_for(petugas).post("/petugas/laporan/massal/", {"action": "assign"}, follow=True)
    assert "Pilih setidaknya satu laporan." in response.content.decode()


def test_partners_have_no_bulk_actions(office, mitra) -> None:
    assert client_for(mitra).post("/petugas/laporan/massal/", {"action": "assign"}).status_code == 403
