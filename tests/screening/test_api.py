"""POST /api/v1/screenings over HTTP (Django's test client)."""

import json

import pytest

from jaring.screening.models import ScreeningStat

URL = "/api/v1/screenings"
SCAM = "Dicari admin di Kamboja, gaji 15jt/bln, tanpa pengalaman, visa turis, tiket ditanggung. WA 0812-3456-7890"


def post(client, body: dict, **headers):
    return client.post(URL, data=json.dumps(body), content_type="application/json", **headers)


@pytest.mark.django_db
def test_scam_offer_gets_a_high_risk_verdict_with_evidence(client):
    response = post(client, {"text": SCAM})
    assert response.status_code == 200
    body = response.json()
    assert body["is_job_offer"] is True and body["risk_level"] == "tinggi"
    flag = next(f for f in body["flags"] if f["code"] == "tourist_visa_for_work")
    span = flag["evidence"][0]
    assert SCAM[span["start"] : span["end"]] == span["text"] == "visa turis"
    assert flag["legal_basis"].startswith("UU 18/2017")
    assert body["entities"]["phones"][0]["value"] == "+6281234567890"
    assert body["entities"]["salaries"][0]["idr_per_month"] == 15_000_000
    assert body["entities"]["destinations"][0]["country"] == "KH"
    assert any("0800-1000" in item for item in body["advice"])


@pytest.mark.django_db
def test_check_is_counted_but_text_is_not_stored(client):
    post(client, {"text": SCAM, "ref": "SOS-ABANG-01"})
    stats = ScreeningStat.objects.all()
    assert stats.filter(flag="", risk_level="tinggi", channel="api", ref="SOS-ABANG-01").get().count == 1
    assert stats.filter(flag="tourist_visa_for_work").exists()
    assert not any("Kamboja" in str(value) for row in stats.values() for value in row.values())
    post(client, {"text": SCAM, "ref": "SOS-ABANG-01"})
    assert stats.filter(flag="", ref="SOS-ABANG-01").get().count == 2


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_422_in_indonesian(client, text):
    response = post(client, {"text": text})
    assert response.status_code == 422
    assert "Teks tawaran kosong" in response.json()["detail"][0]["message"]
    assert response.json()["detail"][0]["field"] == "text"


@pytest.mark.django_db
def test_over_long_text_is_422_in_english_when_asked(client):
    response = post(client, {"text": "a" * 10_001}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    assert "too long" in response.json()["detail"][0]["message"]


@pytest.mark.django_db
def test_exactly_ten_thousand_characters_are_accepted(client):
    assert post(client, {"text": ("Lowongan kerja. " * 700)[:10_000]}).status_code == 200


@pytest.mark.django_db
def test_missing_text_is_422(client):
    assert post(client, {}).status_code == 422


@pytest.mark.django_db
def test_language_parameter_and_accept_language_choose_the_explanations(client):
    english = post(client, {"text": SCAM, "language": "en"}).json()
    assert english["language"] == "en" and english["flags"][0]["title"].isascii()
    by_header = post(client, {"text": SCAM}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert by_header["language"] == "en"
    assert post(client, {"text": SCAM}).json()["language"] == "id"


@pytest.mark.django_db
def test_binary_junk_and_emoji_get_a_normal_answer(client):
    junk = bytes(range(256)).decode("latin-1") * 20 + "🙂" * 3000
    response = post(client, {"text": junk[:10_000]})
    assert response.status_code == 200 and response.json()["risk_level"] == "rendah"


@pytest.mark.django_db
def test_openapi_documents_the_response_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/screenings"]["post"]
    assert "200" in operation["responses"] and "422" in operation["responses"]
    assert "ScreeningOut" in schema["components"]["schemas"]
    assert "risk_level" in schema["components"]["schemas"]["ScreeningOut"]["properties"]
