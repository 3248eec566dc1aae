"""Outreach API: staff programmes and events with token auth, attendance and quiz results, public events."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from jaring.accounts.services import api_token_create
from jaring.outreach.models import Event, Programme
from tests.outreach.conftest import PULAU_ABANG, TANJUNGPINANG_VILLAGE


@pytest.fixture
def api(petugas):
    _token, plain = api_token_create(user=petugas, name="test")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {plain}")
    return client


def test_staff_endpoints_need_a_token(client) -> None:
    assert client.get("/api/v1/staff/outreach/events").status_code == 401


def test_partner_tokens_are_refused(mitra) -> None:
    _token, plain = api_token_create(user=mitra, name="mitra")
    response = Client(HTTP_AUTHORIZATION=f"Bearer {plain}").get("/api/v1/staff/outreach/programmes")
    assert response.status_code == 403


def test_create_programme_with_villages_and_update_it(api) -> None:
    response = api.post(
        "/api/v1/staff/outreach/programmes",
        {
            "name": "Desa Binaan Kepri 2026",
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
            "agencies": ["bp3mi-kepri"],
            "villages": [{"region_code": PULAU_ABANG, "officer": "petugas"}],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["villages"][0]["officer"] == "petugas"
    assert body["villages"][0]["name"].startswith("Kelurahan Pulau Abang")
    patched = api.patch(
        f"/api/v1/staff/outreach/programmes/{body['id']}",
        {"goals": "71 desa"},
        content_type="application/json",
    )
    assert patched.json()["goals"] == "71 desa" and patched.json()["agencies"] == ["bp3mi-kepri"]


def test_a_village_outside_the_region_is_a_422_and_nothing_is_stored(api) -> None:
    response = api.post(
        "/api/v1/staff/outreach/programmes",
        {
            "name": "X",
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
            "villages": [{"region_code": PULAU_ABANG}, {"region_code": TANJUNGPINANG_VILLAGE}],
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "di luar wilayah kerja" in response.json()["detail"][0]["message"]
    assert not Programme.objects.exists()


def test_create_event_update_attendance_and_read_quiz_results(api, programme) -> None:
    response = api.post(
        "/api/v1/staff/outreach/events",
        {
            "title": "Penyuluhan",
            "kind": "penyuluhan",
            "starts_at": "2026-02-10T09:00:00",
            "ends_at": "2026-02-10T11:00:00",
            "region_code": PULAU_ABANG,
            "programme_id": programme.pk,
            "topics": ["tppo"],
            "audiences": ["nelayan"],
            "agencies": ["bp3mi-kepri"],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    event = response.json()
    # Read in the office time zone (WIB, UTC+7).
    assert datetime.fromisoformat(event["starts_at"]) == datetime(2026, 2, 10, 2, tzinfo=UTC)
    bad = api.put(
        f"/api/v1/staff/outreach/events/{event['id']}/attendance",
        {"total": 10, "male": 5, "female": 4, "age_18_25": 10},
        content_type="application/json",
    )
    assert bad.status_code == 422 and "tidak sama dengan total peserta" in bad.json()["detail"][0]["message"]
    good = api.put(
        f"/api/v1/staff/outreach/events/{event['id']}/attendance",
        {"total": 10, "male": 5, "female": 5, "age_18_25": 10},
        content_type="application/json",
    )
    assert good.json()["total"] == 10
    patched = api.patch(
        f"/api/v1/staff/outreach/events/{event['id']}", {"venue": "Balai"}, content_type="application/json"
    )
    assert patched.json()["venue"] == "Balai" and patched.json()["attendance"]["male"] == 5
    results = api.get(f"/api/v1/staff/outreach/events/{event['id']}/quiz-results").json()
    assert results["participants_pre"] == 0 and results["gain"] is None


def test_event_dates_outside_the_programme_are_a_422(api, programme) -> None:
    response = api.post(
        "/api/v1/staff/outreach/events",
        {
            "title": "Terlambat",
            "kind": "sosialisasi",
            "starts_at": "2027-02-10T09:00:00+07:00",
            "ends_at": "2027-02-10T11:00:00+07:00",
            "programme_id": programme.pk,
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert not Event.objects.exists()


def test_public_events_have_no_internal_fields(client, make_event) -> None:
    event = make_event(start=timezone.now() + timedelta(days=3))
    event.notes = "rahasia"
    event.save()
    upcoming = client.get("/api/v1/events?when=upcoming").json()
    assert [e["code"] for e in upcoming] == [event.code]
    assert "notes" not in upcoming[0] and "rahasia" not in str(upcoming)
    assert client.get("/api/v1/events?when=past").json() == []
    assert client.get(f"/api/v1/events/{event.code.lower()}").json()["title"] == event.title


def test_outreach_paths_are_in_the_openapi_schema(client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/staff/outreach/programmes",
        "/api/v1/staff/outreach/events",
        "/api/v1/staff/outreach/events/{event_id}/attendance",
        "/api/v1/staff/outreach/events/{event_id}/quiz-results",
        "/api/v1/events",
    ):
        assert path in paths
