import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_security_headers_on_public_pages(client: Client, office) -> None:
    response = client.get("/petugas/masuk/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_hsts_when_not_debug(client: Client, office, settings) -> None:
    settings.SECURE_HSTS_SECONDS = 31536000
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


def test_openapi_schema_is_served(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Jaring API"


def test_language_link_names_the_other_language_in_that_language(client: Client, office) -> None:
    indonesian = client.get("/petugas/masuk/").content.decode()
    english = client.get("/en/petugas/masuk/").content.decode()
    assert 'hreflang="en" lang="en">English</a>' in indonesian
    assert 'hreflang="id" lang="id">Bahasa Indonesia</a>' in english
