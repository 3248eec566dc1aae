"""POST /api/v1/reports: JSON and multipart, both identity modes, errors in the caller's language, idempotency."""

import json

import pytest
from django.test.client import encode_multipart

from jaring.reports.models import Category, Party, Report

from .conftest import REPORTER_NAME, REPORTER_PHONE, jpeg_with_gps, upload


def post(client, payload: dict, **headers):
    return client.post("/api/v1/reports", json.dumps(payload), content_type="application/json", **headers)


def base(**overrides) -> dict:
    payload = {
        "category": "tppo",
        "description": "Penampungan calon pekerja migran di ruko.",
        "identity_mode": "anonim",
    }
    payload.update(overrides)
    return payload


@pytest.mark.parametrize("category", Category.values)
def test_each_category_is_accepted_by_the_api(client, office, category):
    response = post(client, base(category=category))
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"tracking_code", "follow_up_key", "status"} and body["status"] == "baru"
    assert Report.objects.get(tracking_code=body["tracking_code"]).category == category


def test_confidential_api_report_with_all_fields(client, office):
    response = post(
        client,
        base(
            identity_mode="rahasia",
            reporter_name=REPORTER_NAME,
            reporter_contact=REPORTER_PHONE,
            share_identity_with_partners=True,
            incident_date="2026-01-15",
            region_code="21.71.08.1007",
            location_text="Pulau Abang",
            heard_from="SOS-ABANG-01",
            parties=[
                {"kind": "phone", "value": "+60 12-345 6789"},
                {"kind": "url", "value": "https://www.Loker.example/x/"},
            ],
        ),
    )
    assert response.status_code == 201, response.content
    report = Report.objects.get()
    assert (
        report.channel == "api"
        and report.reporter_contact == REPORTER_PHONE
        and report.share_identity_with_partners
    )
    assert report.region_code == "21.71.08.1007" and str(report.incident_date) == "2026-01-15"
    assert sorted(Party.objects.values_list("normalized", flat=True)) == ["+60123456789", "loker.example/x"]


def test_anonymous_api_report_with_a_name_is_refused_in_indonesian_and_english(client, office):
    indonesian = post(client, base(reporter_name="Budi"))
    english = post(client, base(reporter_name="Budi"), HTTP_ACCEPT_LANGUAGE="en")
    assert indonesian.status_code == english.status_code == 422
    assert indonesian.json()["detail"][0]["field"] == "reporter_name"
    assert "anonim tidak menyimpan identitas" in indonesian.json()["detail"][0]["message"]
    assert "Anonymous reports store no identity" in english.json()["detail"][0]["message"]
    assert Report.objects.count() == 0


def test_validation_errors_name_each_field(client, office):
    response = post(
        client,
        {
            "category": "lainnya",
            "description": "x",
            "identity_mode": "rahasia",
            "incident_date": "2999-01-01",
            "parties": [{"kind": "ufo", "value": "x"}],
        },
    )
    fields = {d["field"] for d in response.json()["detail"]}
    assert response.status_code == 422
    assert {"category", "parties.0.kind"} <= fields
    ok_shape = post(client, base(identity_mode="rahasia", incident_date="2999-01-01"))
    fields = {d["field"] for d in ok_shape.json()["detail"]}
    assert {"incident_date", "reporter_name", "reporter_contact"} <= fields


def test_unknown_region_code_and_bad_contact_are_explained(client, office):
    response = post(
        client,
        base(identity_mode="rahasia", reporter_name="A", reporter_contact="besok saja", region_code="99.99"),
    )
    messages = {d["field"]: d["message"] for d in response.json()["detail"]}
    assert "Kode wilayah tidak dikenal" in messages["region_code"]
    assert "Kontak tidak dikenali" in messages["reporter_contact"]


def test_multipart_with_files_and_parties_as_json(client, office):
    response = client.post(
        "/api/v1/reports",
        {
            "category": "dokumen",
            "description": "Paspor palsu, foto terlampir.",
            "identity_mode": "anonim",
            "parties": json.dumps([{"kind": "passport", "value": "c 1234 567"}]),
            "files": [upload("paspor.jpg", jpeg_with_gps())],
        },
    )
    assert response.status_code == 201, response.content
    report = Report.objects.get()
    assert report.attachments.count() == 1 and report.parties.get().normalized == "C1234567"


def test_idempotency_key_returns_the_same_receipt_and_creates_one_report(client, office):
    first = post(client, base(), HTTP_IDEMPOTENCY_KEY="retry-7f1c2e")
    second = post(client, base(), HTTP_IDEMPOTENCY_KEY="retry-7f1c2e")
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert Report.objects.count() == 1


def test_a_reused_idempotency_key_with_other_content_never_returns_the_first_receipt(client, office):
    """The key is bound to what was sent: another client reusing (or guessing) it gets a report of its own."""
    first = post(client, base(), HTTP_IDEMPOTENCY_KEY="1", REMOTE_ADDR="10.0.0.1")
    other = post(
        client,
        base(description="Isi lain dari orang lain."),
        HTTP_IDEMPOTENCY_KEY="1",
        REMOTE_ADDR="10.9.9.9",
    )
    assert first.status_code == other.status_code == 201
    assert other.json()["tracking_code"] != first.json()["tracking_code"]
    assert first.json()["follow_up_key"] not in other.content.decode()
    assert Report.objects.count() == 2


def test_a_retried_multipart_post_with_a_new_boundary_gets_the_same_receipt(client, office):
    def send(boundary: str):
        fields = {
            "category": "dokumen",
            "description": "Paspor palsu, foto terlampir.",
            "identity_mode": "anonim",
        }
        body = encode_multipart(boundary, {**fields, "files": [upload("paspor.jpg", photo)]})
        return client.post(
            "/api/v1/reports",
            body,
            content_type=f"multipart/form-data; boundary={boundary}",
            HTTP_IDEMPOTENCY_KEY="retry-multipart",
        )

    photo = jpeg_with_gps()
    first, second = send("boundary-one"), send("boundary-two")
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json() and Report.objects.count() == 1


def test_receipts_and_threads_of_the_api_are_never_cached(client, office):
    created = post(client, base())
    code, key = created.json()["tracking_code"], created.json()["follow_up_key"]
    thread = client.get(f"/api/v1/reports/{code}", HTTP_X_FOLLOW_UP_KEY=key)
    assert created["Cache-Control"] == thread["Cache-Control"] == "private, no-store"


def test_idempotent_retry_after_the_receipt_expired_answers_409_without_the_key(client, office):
    from django.core.cache import cache

    first = post(client, base(), HTTP_IDEMPOTENCY_KEY="retry-old")
    cache.clear()
    again = post(client, base(), HTTP_IDEMPOTENCY_KEY="retry-old")
    assert again.status_code == 409
    assert first.json()["tracking_code"] in again.json()["detail"][0]["message"]
    assert first.json()["follow_up_key"] not in again.content.decode()


def test_submissions_per_client_are_rate_limited(client, office, settings):
    settings.RATE_REPORTS_PER_HOUR = 2
    assert post(client, base()).status_code == 201
    assert post(client, base()).status_code == 201
    limited = post(client, base())
    assert limited.status_code == 429 and limited["Retry-After"]
    assert limited.json()["detail"][0]["type"] == "rate_limited"
    assert post(client, base(), REMOTE_ADDR="192.0.2.44").status_code == 201  # another client is not affected
    assert Report.objects.count() == 3


def test_web_form_is_rate_limited_too(client, office, settings):
    settings.RATE_REPORTS_PER_HOUR = 1
    assert post(client, base()).status_code == 201
    page = client.get("/lapor/").content.decode()
    token = page.split('name="submission_token" value="')[1].split('"')[0]
    response = client.post("/lapor/", {"submission_token": token, **base()})
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in response.content.decode()


def test_openapi_documents_the_report_endpoints(client, office):
    schema = client.get("/api/v1/openapi.json").json()
    create = schema["paths"]["/api/v1/reports"]["post"]
    content = create["requestBody"]["content"]
    assert "category" in content["application/json"]["schema"]["properties"]
    assert "files" in content["multipart/form-data"]["schema"]["properties"]
    assert "/api/v1/reports/{tracking_code}" in schema["paths"]
    assert "/api/v1/reports/{tracking_code}/messages" in schema["paths"]
