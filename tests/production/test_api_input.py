"""API input no operation accepts gets a clear 4xx, never a 500 (PostgreSQL refuses NUL in text)."""

import json

import pytest

from jaring.accounts.services import api_token_create
from jaring.api import api
from jaring.outreach.models import Programme
from jaring.reports.models import Report

pytestmark = pytest.mark.django_db
REPORT = {
    "category": "perekrut",
    "description": "Agen menawarkan kerja di kapal ikan.",
    "identity_mode": "anonim",
}


def _post(client, path, data, **headers):
    return client.post(path, json.dumps(data), content_type="application/json", **headers)


def _staff(user) -> dict[str, str]:
    _token, plain = api_token_create(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


@pytest.mark.parametrize("bad", ["\x00", "\x01", "\x1b[31m", "\x7f", "\ud800"])
def test_control_characters_in_report_text_get_a_422_naming_the_field(client, office, bad):
    response = _post(client, "/api/v1/reports", {**REPORT, "description": f"Agen {bad} menawarkan kerja."})
    assert response.status_code == 422
    error = response.json()["detail"][0]
    assert error["field"] == "description"
    assert error["type"] == "control_character"
    assert "karakter kontrol" in error["message"]
    assert not Report.objects.exists()


def test_the_message_is_english_for_an_english_client(client, office):
    response = _post(
        client,
        "/api/v1/reports",
        {**REPORT, "parties": [{"kind": "phone", "value": "0812\x00"}]},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "parties.0.value"
    assert "control character" in response.json()["detail"][0]["message"]


def test_tabs_and_line_breaks_are_ordinary_text(client, office):
    response = _post(client, "/api/v1/reports", {**REPORT, "description": "Baris satu\r\n\tbaris dua."})
    assert response.status_code == 201
    assert Report.objects.get().description == "Baris satu\r\n\tbaris dua."


def test_nul_in_outreach_programme_and_event_text_gets_a_422(client, office, supervisor):
    headers = _staff(supervisor)
    programme = {"name": "Desa\x00 Binaan", "starts_on": "2026-01-01", "ends_on": "2026-12-31"}
    response = _post(client, "/api/v1/staff/outreach/programmes", programme, **headers)
    assert response.status_code == 422 and response.json()["detail"][0]["field"] == "name"
    assert not Programme.objects.filter(name__startswith="Desa").exists()
    event = {"title": "Sosialisasi\x00", "kind": "sosialisasi"}
    response = _post(client, "/api/v1/staff/outreach/events", event, **headers)
    assert response.status_code == 422 and response.json()["detail"][0]["field"] == "title"


def test_nul_in_a_query_or_path_parameter_gets_a_422(client, office):
    assert client.get("/api/v1/regions", {"q": "Batam\x00"}).status_code == 422
    assert client.get("/api/v1/reports/AB%00CD", HTTP_X_FOLLOW_UP_KEY="x").status_code == 422


def test_a_multipart_body_with_a_bad_boundary_gets_a_400(client, office):
    response = client.generic(
        "POST",
        "/api/v1/reports",
        b'--x\r\nContent-Disposition: form-data; name="category"\r\n\r\nperekrut\r\n--x--\r\n',
        content_type='multipart/form-data; boundary="bad boundary\x01"',
    )
    assert response.status_code == 400
    assert response.json()["detail"][0]["type"] == "invalid_multipart"
    assert not Report.objects.exists()


def test_malformed_json_gets_a_422(client, office):
    response = client.generic("POST", "/api/v1/reports", b'{"category": ', content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "json_invalid"


def test_every_operation_documents_the_answers_of_the_layers_around_it():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert "422" in codes, (method, path)
            if operation.get("security"):
                assert {"401", "403"} <= codes, (method, path)
            if "{" in path:
                assert "404" in codes, (method, path)
            if operation.get("requestBody"):
                assert "400" in codes, (method, path)


def test_the_checker_reads_control_characters_as_text_it_never_stores(client):
    response = _post(client, "/api/v1/screenings", {"text": "Lowongan\x00 kerja di kapal, gaji besar"})
    assert response.status_code == 200
