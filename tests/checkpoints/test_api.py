"""/api/v1/staff/checkpoints/screenings: create (idempotent), list, detail, outcome; scoped by role and TPI."""

import pytest

from jaring.accounts.services import api_token_create
from jaring.audit.models import AuditEvent
from jaring.checkpoints.models import Screening

pytestmark = pytest.mark.django_db

BODY = {
    "checkpoint": "batam-center",
    "traveller_name": "Rudi Hartono",
    "passport_number": "B7654321",
    "sex": "L",
    "birth_year": 1995,
    "origin_region_code": "52.01",
    "destination": "KH",
    "purpose": "bekerja",
    "ticket": "sekali_jalan",
    "paid_by": "sponsor",
    "answers": {"tiket_kembali": "no", "perekrut_perorangan": "yes"},
    "parties": [{"role": "pendamping", "kind": "phone", "value": "0812-4444-0001"}],
}


@pytest.fixture
def api(client):  # type: ignore[no-untyped-def]
    def call(user, method, path, data=None, **headers):  # type: ignore[no-untyped-def]
        _t, plain = api_token_create(user=user, name="t")
        kwargs = {"HTTP_AUTHORIZATION": f"Bearer {plain}", **headers}
        url = f"/api/v1/staff/checkpoints{path}"
        if method == "get":
            return client.get(url, data or {}, **kwargs)
        return client.post(url, data or {}, content_type="application/json", **kwargs)

    return call


def test_create_is_idempotent_with_a_key(api, petugas, checkpoints) -> None:
    first = api(petugas, "post", "/screenings", BODY, HTTP_IDEMPOTENCY_KEY="k-1")
    again = api(petugas, "post", "/screenings", BODY, HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["id"] == again.json()["id"] and Screening.objects.count() == 1
    body = first.json()
    assert body["flags"] == ["tiket_sekali_jalan", "perekrut_tidak_berizin"]
    assert "traveller_name" not in body and body["identity"] is None
    other = api(
        petugas, "post", "/screenings", {**BODY, "passport_number": "B7654322"}, HTTP_IDEMPOTENCY_KEY="k-1"
    )
    assert other.status_code == 201 and Screening.objects.count() == 2  # same key, other content: its own


def test_bad_input_answers_422_in_indonesian_and_stores_nothing(api, petugas, checkpoints) -> None:
    cases = [
        ({"passport_number": "123"}, "passport_number", "Nomor paspor tidak sesuai format"),
        ({"screened_at": "2099-01-01T08:00:00+07:00"}, "screened_at", "tidak boleh di masa depan"),
        ({"checkpoint": "pelabuhan-tikus"}, "checkpoint", "TPI tidak dikenal."),
        ({"checkpoint": "sekupang"}, "checkpoint", "Anda tidak ditugaskan di TPI ini."),
        ({"notes": "x" * 5001}, "notes", "Catatan terlalu panjang"),
        ({"traveller_name": "<script>x</script>"}, "traveller_name", "tidak boleh berisi kode"),
    ]
    for change, field, message in cases:
        response = api(petugas, "post", "/screenings", {**BODY, **change})
        assert response.status_code == 422, change
        detail = response.json()["detail"]
        assert any(d["field"] == field and message in d["message"] for d in detail), detail
    assert not Screening.objects.exists()


def test_english_errors_with_accept_language(api, petugas, checkpoints) -> None:
    response = api(
        petugas, "post", "/screenings", {**BODY, "passport_number": "1"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "wrong shape" in response.json()["detail"][0]["message"]


def test_list_detail_outcome_and_scope(api, petugas, supervisor, mitra, admin_user, checkpoints) -> None:
    created = api(supervisor, "post", "/screenings", {**BODY, "checkpoint": "sekupang"}).json()
    mine = api(petugas, "post", "/screenings", BODY).json()
    assert [s["id"] for s in api(petugas, "get", "/screenings").json()["items"]] == [mine["id"]]
    assert len(api(supervisor, "get", "/screenings").json()["items"]) == 2
    assert api(admin_user, "get", "/screenings").json()["items"] == []
    assert api(petugas, "get", f"/screenings/{created['id']}").status_code == 404
    assert api(mitra, "get", f"/screenings/{mine['id']}").status_code == 404
    refused = api(petugas, "post", f"/screenings/{mine['id']}/outcome", {"outcome": "dirujuk"})
    assert refused.status_code == 422 and refused.json()["detail"][0]["field"] == "consent"
    handed = api(
        petugas, "post", f"/screenings/{mine['id']}/outcome", {"outcome": "dirujuk", "consent": True}
    )
    assert handed.status_code == 200 and handed.json()["outcome"] == "dirujuk"
    assert handed.json()["referrals"][0]["agency"] == "bp3mi-kepri"
    seen = api(mitra, "get", f"/screenings/{mine['id']}", {"include_identity": "true"})
    assert seen.status_code == 200 and seen.json()["identity"]["name"] == "Rudi Hartono"
    assert seen.json()["report"] is None  # the mitra follows up in their referral inbox, not the case file
    assert AuditEvent.objects.filter(action="checkpoint.identity_viewed", actor=mitra).count() == 1
    assert (
        api(mitra, "post", f"/screenings/{mine['id']}/outcome", {"outcome": "diizinkan"}).status_code == 403
    )
    assert [s["id"] for s in api(mitra, "get", "/screenings").json()["items"]] == [mine["id"]]


def test_counts(api, supervisor, checkpoints) -> None:
    from django.utils import timezone

    created = api(supervisor, "post", "/screenings", BODY).json()
    api(
        supervisor,
        "post",
        f"/screenings/{created['id']}/outcome",
        {"outcome": "ditunda", "reasons": ["tiket_sekali_jalan"]},
    )
    today = timezone.localdate().isoformat()
    counts = api(supervisor, "get", "/counts", {"start": today, "end": today}).json()
    assert counts["total"] == 1 and counts["outcomes"] == {"ditunda": 1}
    assert counts["reasons"] == [{"code": "tiket_sekali_jalan", "count": 1}]
    assert counts["destinations"] == [{"code": "KH", "count": 1}]


def test_the_endpoints_are_in_the_openapi_schema(client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/staff/checkpoints/screenings" in paths
    assert "/api/v1/staff/checkpoints/screenings/{screening_id}/outcome" in paths
    params = paths["/api/v1/staff/checkpoints/screenings"]["post"]["parameters"]
    assert any(p["name"] == "Idempotency-Key" for p in params)


def test_no_token_no_access(client) -> None:
    assert client.get("/api/v1/staff/checkpoints/screenings").status_code == 401
