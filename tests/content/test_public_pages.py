import datetime
import re

import pytest
from django.test import Client

from jaring.content import services
from jaring.content.models import Article

pytestmark = pytest.mark.django_db

ID_ROUTE = "/edukasi/jalur-resmi-bekerja-ke-luar-negeri/"
EN_ROUTE = "/en/edukasi/legal-route-to-work-abroad/"


def test_home_shows_what_jaring_is_and_the_big_entries(client: Client, seeded) -> None:
    html = client.get("/").content.decode()
    assert "perdagangan orang" in html
    for href in (
        'href="/cek-tawaran/"',
        'href="/lapor/"',
        'href="/siap-berangkat/"',
        "https://wa.me/628117002019",
    ):
        assert href in html
    assert "0811-7002-019" in html
    assert "Artikel terbaru" in html and "/edukasi/" in html


def test_english_home_links_stay_in_english(client: Client, seeded) -> None:
    html = client.get("/en/").content.decode()
    assert 'lang="en"' in html
    assert 'href="/en/siap-berangkat/"' in html and "Ready to go?" in html
    assert "Latest articles" in html


def test_edukasi_lists_articles_by_topic(client: Client, seeded) -> None:
    html = client.get("/edukasi/").content.decode()
    assert "Prosedur resmi bekerja ke luar negeri" in html
    assert "Waspada TPPO dan modusnya" in html
    assert "Kanal pengaduan" in html
    assert ID_ROUTE in html
    assert "/layanan/m-paspor/" not in html


def test_layanan_lists_immigration_services(client: Client, seeded) -> None:
    html = client.get("/layanan/").content.decode()
    for slug in ("m-paspor", "e-visa", "izin-tinggal", "apoa-lapor-tamu-asing"):
        assert f"/layanan/{slug}/" in html


def test_article_page_cites_its_sources_and_can_be_shared(client: Client, seeded, settings) -> None:
    settings.SITE_URL = "https://jaring.example"
    settings.ALLOWED_HOSTS = ["jaring.example"]
    html = client.get(ID_ROUTE, HTTP_HOST="jaring.example").content.decode()
    assert "<h1>Jalur resmi bekerja ke luar negeri" in html
    assert "Sumber" in html and "id.wikisource.org" in html and "news.okezone.com" in html
    assert "Pasal 81" in html
    share = re.search(r'href="(https://wa\.me/\?text=[^"]+)"', html).group(1)
    assert "https%3A%2F%2Fjaring.example%2Fedukasi%2Fjalur-resmi-bekerja-ke-luar-negeri%2F" in share
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:url" content="https://jaring.example/edukasi/jalur-resmi' in html
    assert '<meta property="og:title" content="Jalur resmi bekerja' in html


def test_english_address_of_an_indonesian_slug_redirects_to_the_translation(client: Client, seeded) -> None:
    response = client.get("/en" + ID_ROUTE)
    assert response.status_code == 302 and response["Location"] == EN_ROUTE
    back = client.get("/edukasi/legal-route-to-work-abroad/")
    assert back["Location"] == ID_ROUTE
    html = client.get(EN_ROUTE).content.decode()
    assert "The legal route to work abroad" in html and "Sources" in html


def test_untranslated_article_falls_back_to_the_original_with_a_notice(
    client: Client, seeded, petugas
) -> None:
    article = services.article_create(
        office=seeded, actor=petugas, title="Hanya Indonesia", summary="s", body="isi", topic="waspada",
        sources=[{"title": "Berita", "url": "https://rmol.id/amp/2025/10/21/683877/x", "accessed": "2026-12-05"}],
        reviewed_on=datetime.date(2026, 12, 5), publish=True,
    )  # fmt: skip
    html = client.get("/en" + article.get_absolute_url()).content.decode()
    assert "Hanya Indonesia" in html
    assert "not yet available in your language" in html
    assert "Hanya Indonesia" in client.get("/en/edukasi/").content.decode()


def test_wrong_section_redirects_to_the_article_section(client: Client, seeded) -> None:
    response = client.get("/layanan/jalur-resmi-bekerja-ke-luar-negeri/")
    assert response.status_code == 302 and response["Location"] == ID_ROUTE


@pytest.mark.parametrize(
    ("path", "text"),
    [("/edukasi/tidak-ada/", "Halaman tidak ditemukan"), ("/en/layanan/no-such-page/", "Page not found")],
)
def test_unknown_slug_is_a_friendly_404_in_the_visitors_language(client: Client, seeded, path, text) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert text in response.content.decode()


def test_draft_articles_are_not_public(client: Client, seeded) -> None:
    article = Article.objects.get(slug="m-paspor")
    services.article_unpublish(article=article, actor=None)
    assert client.get("/layanan/m-paspor/").status_code == 404
    assert "/layanan/m-paspor/" not in client.get("/layanan/").content.decode()
    assert "m-paspor" not in client.get("/sitemap.xml").content.decode().replace("m-paspor-passport-app", "")


def test_faq_page_lists_questions_with_anchors(client: Client, seeded) -> None:
    html = client.get("/faq/").content.decode()
    assert 'id="boleh-lewat-calo"' in html and "calo" in html
    english = client.get("/en/faq/").content.decode()
    assert 'id="individual-recruiter"' in english and 'id="boleh-lewat-calo"' not in english


def test_sitemap_lists_both_languages_from_site_url(client: Client, seeded, settings) -> None:
    settings.SITE_URL = "https://jaring.example"
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>https://jaring.example/edukasi/jalur-resmi-bekerja-ke-luar-negeri/</loc>" in xml
    assert "<loc>https://jaring.example/en/edukasi/legal-route-to-work-abroad/</loc>" in xml
    assert "<loc>https://jaring.example/en/siap-berangkat/</loc>" in xml
    assert "<loc>https://jaring.example/siap-berangkat/</loc>" in xml
    assert "testserver" not in xml


def test_pages_carry_no_inline_script_or_style(client: Client, seeded) -> None:
    for path in ("/", ID_ROUTE, "/siap-berangkat/?cek=1", "/faq/", "/cari/?q=kerja"):
        html = client.get(path).content.decode()
        assert "<script>" not in html and " style=" not in html and " onclick=" not in html, path
