"""Reporter identity stays encrypted and hidden until someone allowed asks for it; each view is audited."""

import pytest

from jaring.audit.models import AuditEvent
from jaring.casework.models import Referral
from tests.casework.conftest import client_for

pytestmark = pytest.mark.django_db


def _reveal(user, report):
    return client_for(user).post(f"/petugas/laporan/{report.tracking_code}/identitas/")


def test_detail_page_does_not_show_identity_until_asked(supervisor, report) -> None:
    page = client_for(supervisor).get(f"/petugas/laporan/{report.tracking_code}/").content.decode()
    assert "Siti Rahayu" not in page and "Tampilkan identitas pelapor" in page
    assert not AuditEvent.objects.filter(action="identity.viewed").exists()


def test_supervisor_reveals_identity_and_it_is_audited(supervisor, report) -> None:
    response = _reveal(supervisor, report)
    assert "Siti Rahayu" in response.content.decode()
    event = AuditEvent.objects.get(action="identity.viewed")
    assert event.actor == supervisor and event.object_id == str(report.pk)


def test_assignee_may_reveal_but_another_officer_may_not(petugas, petugas2, report) -> None:
    report.assignee = petugas
    report.save()
    assert _reveal(petugas2, report).status_code == 403
    assert "0812-0000-1111" in _reveal(petugas, report).content.decode()
    assert AuditEvent.objects.filter(action="identity.viewed").count() == 1


def test_mitra_sees_identity_only_with_the_reporters_consent(petugas, mitra, agency, report) -> None:
    Referral.objects.create(report=report, agency=agency, note="x", created_by=petugas)
    page = client_for(mitra).get(f"/petugas/laporan/{report.tracking_code}/").content.decode()
    assert "Siti Rahayu" not in page and "Tampilkan identitas" not in page
    assert _reveal(mitra, report).status_code == 403
    report.share_identity_with_partners = True
    report.save()
    assert "Siti Rahayu" in _reveal(mitra, report).content.decode()


def test_api_identity_only_on_request_and_for_allowed_users(petugas, supervisor, report) -> None:
    from jaring.accounts.services import api_token_create

    _t, sup_token = api_token_create(user=supervisor, name="t")
    _t, off_token = api_token_create(user=petugas, name="t")
    url = f"/api/v1/staff/reports/{report.tracking_code}"
    plain = client_for(supervisor).get(url, HTTP_AUTHORIZATION=f"Bearer {sup_token}").json()
    assert plain["identity"] is None and "Siti" not in str(plain)
    shown = client_for(supervisor).get(
        url + "?include_identity=true", HTTP_AUTHORIZATION=f"Bearer {sup_token}"
    )
    assert shown.json()["identity"] == {"name": "Siti Rahayu", "contact": "0812-0000-1111"}
    denied = client_for(petugas).get(url + "?include_identity=true", HTTP_AUTHORIZATION=f"Bearer {off_token}")
    assert denied.status_code == 403
    assert AuditEvent.objects.filter(action="identity.viewed").count() == 1
