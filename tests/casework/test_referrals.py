import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from jaring.audit.models import AuditEvent
from jaring.casework.models import Referral
from jaring.casework.referrals import referral_create, referral_update
from jaring.casework.services import report_transition
from tests.casework.conftest import client_for, make_report

pytestmark = pytest.mark.django_db


def test_referral_moves_report_to_dirujuk_and_mitra_records_outcome(office, petugas, mitra, agency) -> None:
    report = make_report(office, status="diverifikasi")
    referral = referral_create(report=report, agency=agency, note="Dugaan penempatan ilegal", actor=petugas)
    report.refresh_from_db()
    assert report.status == "dirujuk"
    referral_update(referral=referral, status="diterima", note="Diterima", actor=mitra)
    with pytest.raises(ValidationError):
        referral_update(referral=referral, status="selesai", note="", actor=mitra)
    referral_update(referral=referral, status="selesai", note="Calon PMI dipulangkan", actor=mitra)
    referral.refresh_from_db()
    assert (referral.status, referral.outcome) == ("selesai", "Calon PMI dipulangkan")
    with pytest.raises(ValidationError):
        referral_update(referral=referral, status="diterima", note="", actor=mitra)
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert actions.count("referral.updated") == 2 and "report.referred" in actions
    timeline = client_for(petugas).get(f"/petugas/laporan/{report.tracking_code}/").content.decode()
    assert "Calon PMI dipulangkan" in timeline


def test_other_agency_cannot_update_the_referral(office, petugas, agency) -> None:
    from jaring.accounts.models import Agency, User

    police = User.objects.create_user(
        username="mitra-polisi",
        password="x-pass-123456",
        role="mitra",
        agency=Agency.objects.get(slug="polresta-barelang"),
    )
    report = make_report(office, status="diverifikasi")
    referral = referral_create(report=report, agency=agency, note="x", actor=petugas)
    with pytest.raises(PermissionDenied):
        referral_update(referral=referral, status="diterima", note="", actor=police)


def test_cannot_refer_twice_to_the_same_agency_or_a_closed_report(office, petugas, agency) -> None:
    report = make_report(office, status="diverifikasi")
    referral_create(report=report, agency=agency, note="x", actor=petugas)
    with pytest.raises(ValidationError):
        referral_create(report=report, agency=agency, note="lagi", actor=petugas)
    closed = make_report(office, status="selesai")
    with pytest.raises(ValidationError):
        referral_create(report=closed, agency=agency, note="x", actor=petugas)
    assert Referral.objects.count() == 1


def test_mitra_web_update_and_no_officer_actions(office, petugas, mitra, agency) -> None:
    report = make_report(office, status="diverifikasi")
    referral = referral_create(report=report, agency=agency, note="x", actor=petugas)
    client = client_for(mitra)
    page = client.get(f"/petugas/laporan/{report.tracking_code}/").content.decode()
    assert "Simpan tindak lanjut" in page and "Ubah status" not in page
    client.post(
        f"/petugas/laporan/{report.tracking_code}/rujukan/{referral.pk}/",
        {"status": "ditindaklanjuti", "note": "Dipanggil"},
    )
    referral.refresh_from_db()
    assert referral.status == "ditindaklanjuti"
    assert (
        client.post(f"/petugas/laporan/{report.tracking_code}/status/", {"to": "selesai"}).status_code == 403
    )


def test_referral_history_survives_closing(office, petugas, agency) -> None:
    report = make_report(office, status="diverifikasi")
    referral_create(report=report, agency=agency, note="x", actor=petugas)
    report_transition(report=report, actor=petugas, to="selesai", reason="Ditangani BP3MI")
    assert Referral.objects.get(report=report).agency == agency
