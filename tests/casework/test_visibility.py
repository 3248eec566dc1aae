"""Each role sees exactly its reports, on the web and through the staff API; everything else is a 404."""

import pytest

from jaring.accounts.services import api_token_create
from jaring.casework.models import Referral
from jaring.casework.selectors import reports_visible_to
from jaring.reports.services import report_message_add
from tests.casework.conftest import client_for, make_report

pytestmark = pytest.mark.django_db


def _api(user):
    _token, plain = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def test_officer_and_supervisor_see_their_office_only(
    office, petugas, supervisor, report, other_report
) -> None:
    for user in (petugas, supervisor):
        assert list(reports_visible_to(user)) == [report]
        client = client_for(user)
        assert client.get(f"/petugas/laporan/{report.tracking_code}/").status_code == 200
        assert client.get(f"/petugas/laporan/{other_report.tracking_code}/").status_code == 404
        inbox = client.get("/petugas/laporan/").content.decode()
        assert report.tracking_code in inbox and other_report.tracking_code not in inbox


def test_mitra_sees_only_reports_referred_to_their_agency(office, petugas, mitra, agency, report) -> None:
    unreferred = make_report(office)
    other_agency = agency.__class__.objects.get(slug="polresta-barelang")
    elsewhere = make_report(office)
    Referral.objects.create(report=report, agency=agency, note="Mohon ditangani", created_by=petugas)
    Referral.objects.create(report=elsewhere, agency=other_agency, note="x", created_by=petugas)
    assert list(reports_visible_to(mitra)) == [report]
    client = client_for(mitra)
    assert client.get(f"/petugas/laporan/{report.tracking_code}/").status_code == 200
    for hidden in (unreferred, elsewhere):
        assert client.get(f"/petugas/laporan/{hidden.tracking_code}/").status_code == 404
        assert client.get(f"/api/v1/staff/reports/{hidden.tracking_code}", **_api(mitra)).status_code == 404


def test_mitra_without_referral_sees_nothing(mitra, report) -> None:
    assert not reports_visible_to(mitra).exists()
    assert report.tracking_code not in client_for(mitra).get("/petugas/laporan/").content.decode()


def test_admin_has_no_case_access(admin_user, report) -> None:
    assert not reports_visible_to(admin_user).exists()
    assert client_for(admin_user).get(f"/petugas/laporan/{report.tracking_code}/").status_code == 404
    assert client_for(admin_user).get("/api/v1/staff/reports", **_api(admin_user)).json()["items"] == []


def test_api_scopes_like_the_web(petugas, report, other_report) -> None:
    headers = _api(petugas)
    client = client_for(petugas)
    listing = client.get("/api/v1/staff/reports", **headers).json()
    assert [r["tracking_code"] for r in listing["items"]] == [report.tracking_code]
    assert client.get(f"/api/v1/staff/reports/{other_report.tracking_code}", **headers).status_code == 404
    response = client.post(
        f"/api/v1/staff/reports/{other_report.tracking_code}/transition",
        {"to": "diverifikasi"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 404
    other_report.refresh_from_db()
    assert other_report.status == "baru"


def test_api_requires_a_token(client, report) -> None:
    assert client.get("/api/v1/staff/reports").status_code == 401


def test_anonymous_visitor_is_sent_to_login(client, report) -> None:
    response = client.get(f"/petugas/laporan/{report.tracking_code}/")
    assert response.status_code == 302 and "/petugas/masuk/" in response["Location"]


@pytest.mark.parametrize("word", ["rahayu", "kamboja"])
def test_officers_search_the_thread_too(petugas, report, word) -> None:
    report_message_add(report=report, body="Saya Siti Rahayu, bisa dihubungi lewat kakak saya.")
    inbox = client_for(petugas).get("/petugas/laporan/", {"q": word, "status": "semua"}).content.decode()
    assert report.tracking_code in inbox


def test_mitra_search_cannot_probe_the_thread_they_may_not_read(petugas, mitra, agency, report) -> None:
    """The search index holds the thread; a partner's search matches the description and parties only."""
    Referral.objects.create(report=report, agency=agency, note="Mohon ditangani", created_by=petugas)
    report_message_add(report=report, body="Saya Siti Rahayu, bisa dihubungi lewat kakak saya.")
    client, headers = client_for(mitra), _api(mitra)
    for word, shown in (("rahayu", False), ("kamboja", True)):
        inbox = client.get("/petugas/laporan/", {"q": word, "status": "semua"}).content.decode()
        listing = client.get("/api/v1/staff/reports", {"q": word, "status": "semua"}, **headers).json()
        assert (report.tracking_code in inbox) is shown
        assert [r["tracking_code"] for r in listing["items"]] == ([report.tracking_code] if shown else [])


def test_staff_pages_and_the_staff_api_are_never_cached(petugas, report) -> None:
    """A shared office computer keeps nothing of a report (or a decrypted identity) in its browser cache."""
    client = client_for(petugas)
    for response in (
        client.get("/petugas/laporan/"),
        client.get(f"/petugas/laporan/{report.tracking_code}/"),
        client.get(f"/api/v1/staff/reports/{report.tracking_code}", **_api(petugas)),
    ):
        assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "no-store" not in client.get("/").get("Cache-Control", "")
