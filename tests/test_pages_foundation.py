import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_security_headers_on_public_pages(client: Client, office) -> None:
    response = client.get("/petugas/masuk/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def _settings_under(env: dict[str, str], tmp_path: Path) -> dict[str, object]:
    """The security settings as jaring.settings computes them in a fresh process from these JARING_* values."""
    names = ["SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "DEBUG"]
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("JARING_DEBUG")}
    environment |= {"DJANGO_SETTINGS_MODULE": "jaring.settings", "JARING_DATA_DIR": str(tmp_path), **env}
    done = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=60, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_hsts_when_not_debug(client: Client, office, settings, tmp_path) -> None:
    production = _settings_under({"JARING_DEBUG": "0"}, tmp_path)
    assert production["DEBUG"] is False and production["SECURE_HSTS_SECONDS"] == 31536000
    assert production["SESSION_COOKIE_SECURE"] is True and production["CSRF_COOKIE_SECURE"] is True
    laptop = _settings_under({"JARING_DEBUG": "1"}, tmp_path)
    assert laptop["SECURE_HSTS_SECONDS"] == 0 and laptop["SESSION_COOKIE_SECURE"] is False
    # And the middleware sends what production settings hold.
    settings.SECURE_HSTS_SECONDS = production["SECURE_HSTS_SECONDS"]
    response = client.get("/petugas/masuk/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_english_is_served_under_en(client: Client, office) -> None:
    indonesian = client.get("/petugas/masuk/").content.decode()
    english = client.get("/en/petugas/masuk/").content.decode()
    assert 'lang="id"' in indonesian and "Masuk petugas" in indonesian
    assert 'lang="en"' in english and "Staff sign-in" in english


def test_footer_shows_office_hotline_and_social_links(client: Client, office) -> None:
    office.instagram_url = "https://instagram.com/kanim.example"
    office.save()
    html = client.get("/petugas/masuk/").content.decode()
    assert "0811-7002-019" in html
    assert "https://wa.me/628117002019" in html
    assert "https://instagram.com/kanim.example" in html


def test_region_type_ahead_fragment_finds_pulau_abang(client: Client, office) -> None:
    html = client.get(
        "/wilayah/opsi/", {"name": "region_code", "region_code_q": "Pulau Abang"}
    ).content.decode()
    assert 'value="21.71.08.1007"' in html
    assert "Kec. Galang" in html and "Kota Batam" in html


def test_region_api(client: Client) -> None:
    data = client.get("/api/v1/regions", {"q": "Pulau Abang"}).json()
    assert data[0]["code"] == "21.71.08.1007"
    assert data[0]["kind"] == "kelurahan"


def _resolve(schema: dict, node: dict) -> dict:
    ref = node.get("$ref", "")
    return schema["components"]["schemas"][ref.rsplit("/", 1)[-1]] if ref else node


def test_openapi_schema_describes_the_public_contract(client: Client) -> None:
    """DESIGN.md's API contract, as outside clients read it from /api/v1/openapi.json."""
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Jaring API"
    paths = schema["paths"]
    operations = {(path, method) for path, item in paths.items() for method in item}
    assert {
        ("/api/v1/reports", "post"),
        ("/api/v1/reports/{tracking_code}", "get"),
        ("/api/v1/reports/{tracking_code}/messages", "post"),
        ("/api/v1/screenings", "post"),
        ("/api/v1/staff/reports", "get"),
        ("/api/v1/staff/reports/{tracking_code}", "get"),
    } <= operations

    submit = paths["/api/v1/reports"]["post"]
    body = _resolve(schema, submit["requestBody"]["content"]["application/json"]["schema"])
    assert {"category", "description", "identity_mode"} <= set(body["required"])
    assert set(body["properties"]["category"]["enum"]) == {
        "tppo", "pmi_nonprosedural", "perekrut", "orang_asing", "dokumen", "layanan", "aspirasi", "pertanyaan"
    }  # fmt: skip
    created = _resolve(schema, submit["responses"]["201"]["content"]["application/json"]["schema"])
    assert {"tracking_code", "follow_up_key"} <= set(created["required"])

    # Every error of every operation has the one shape of lib/api_errors.py.
    error = schema["components"]["schemas"]["ErrorOut"]
    item = _resolve(schema, error["properties"]["detail"]["items"])
    assert set(item["required"]) == {"field", "message", "type"}
    for path, method in operations:
        for status, response in paths[path][method]["responses"].items():
            if int(status) >= 400:
                content = response["content"]["application/json"]["schema"]
                assert content == {"$ref": "#/components/schemas/ErrorOut"}, (path, method, status)

    thread = paths["/api/v1/reports/{tracking_code}"]["get"]
    assert "X-Follow-Up-Key" in {p["name"] for p in thread["parameters"] if p["in"] == "header"}
    staff = paths["/api/v1/staff/reports"]["get"]
    assert staff["security"] == [{"StaffToken": []}]
    assert schema["components"]["securitySchemes"]["StaffToken"] == {"type": "http", "scheme": "bearer"}


def test_language_link_names_the_other_language_in_that_language(client: Client, office) -> None:
    indonesian = client.get("/petugas/masuk/").content.decode()
    english = client.get("/en/petugas/masuk/").content.decode()
    assert 'hreflang="en" lang="en">English</a>' in indonesian
    assert 'hreflang="id" lang="id">Bahasa Indonesia</a>' in english
