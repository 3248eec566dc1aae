"""Styled 403/404/500 pages in Indonesian and English, never Django's debug or technical pages."""

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from jaring import web


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "title"), [("", "Halaman tidak ditemukan"), ("/en", "Page not found")])
def test_a_mistyped_address_gets_the_styled_404_in_its_language(client, prefix, title):
    response = client.get(f"{prefix}/edukasi/tidak-ada-halaman-ini/xyz")
    assert response.status_code == 404
    body = response.content.decode()
    assert title in body
    assert "jaring/jaring.css" in body  # the site's layout, not a bare page
    assert "URLconf" not in body and "Traceback" not in body


@pytest.mark.parametrize(("language", "title"), [("id", "Terjadi kesalahan"), ("en", "Something went wrong")])
def test_the_500_page_needs_no_database_and_speaks_the_language(language, title):
    request = RequestFactory().get("/")
    with translation.override(language):
        response = web.server_error(request)  # the handler Django calls when a view raised
    assert response.status_code == 500
    body = response.content.decode()
    assert title in body
    assert f'lang="{language}"' in body
    assert "jaring/jaring.css" in body
    # Someone in danger reaches the numbers even while the site is down (they come from a file, not the DB).
    assert 'href="tel:110"' in body and 'href="tel:112"' in body and 'href="tel:+6281290070027"' in body
    assert ("In danger now?" if language == "en" else "Dalam bahaya sekarang?") in body


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "title"), [("", "Akses ditolak"), ("/en", "Access denied")])
def test_a_forbidden_staff_page_gets_the_styled_403(office, petugas_client, prefix, title):
    response = petugas_client.get(f"{prefix}/petugas/laporan/ekspor.csv")  # supervisors only
    assert response.status_code == 403
    assert title in response.content.decode()


@pytest.mark.django_db
def test_a_stale_form_gets_a_styled_403_that_says_to_reload(office):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/lapor/", {"description": "x"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "Muat ulang halaman" in body
    assert "CSRF verification failed" not in body
