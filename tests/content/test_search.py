import pytest
from django.test import Client

from jaring.content.search import search

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("word", ["bekerja", "pekerjaan", "dipekerjakan", "pekerja"])
def test_indonesian_word_forms_find_each_other(seeded, word) -> None:
    hits, _other = search(word, language="id")
    urls = [h.url for h in hits]
    assert "/edukasi/jalur-resmi-bekerja-ke-luar-negeri/" in urls


def test_title_matches_rank_first(seeded) -> None:
    hits, _ = search("paspor", language="id")
    assert hits[0].url == "/layanan/m-paspor/"


def test_results_matching_every_word_rank_above_partial_matches(seeded) -> None:
    hits, _ = search("lapor tamu asing", language="id")
    assert hits[0].url in ("/layanan/apoa-lapor-tamu-asing/", "/faq/#siapa-wajib-lapor-tamu-asing")


def test_faq_entries_are_found(seeded) -> None:
    hits, _ = search("Kamboja Myanmar", language="id")
    assert any(h.kind == "faq" and h.url == "/faq/#kamboja-myanmar" for h in hits)


def test_other_language_results_are_kept_apart(seeded) -> None:
    hits, other = search("bekerja", language="en")
    assert all(h.language == "en" for h in hits)
    assert other and all(h.language == "id" for h in other)


def test_search_page_shows_results(client: Client, seeded) -> None:
    html = client.get("/cari/", {"q": "pekerjaan di luar negeri"}).content.decode()
    assert "Jalur resmi bekerja ke luar negeri" in html
    assert 'value="pekerjaan di luar negeri"' in html


def test_draft_content_is_not_searchable(client: Client, seeded) -> None:
    from jaring.content.models import Article
    from jaring.content.services import article_unpublish

    article_unpublish(article=Article.objects.get(slug="m-paspor"), actor=None)
    hits, _ = search("M-Paspor billing", language="id")
    assert "/layanan/m-paspor/" not in [h.url for h in hits]


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query_gets_a_clear_message(client: Client, seeded, query) -> None:
    response = client.get("/cari/", {"q": query})
    assert response.status_code == 200
    assert "Masukkan kata yang ingin dicari" in response.content.decode()


def test_overlong_query_gets_a_clear_message_and_keeps_the_text(client: Client, seeded) -> None:
    query = "kerja " * 40
    response = client.get("/en/cari/", {"q": query})
    html = response.content.decode()
    assert response.status_code == 200
    assert "too long" in html and "200" in html
    assert 'aria-invalid="true"' in html


def test_no_results_says_so(client: Client, seeded) -> None:
    html = client.get("/cari/", {"q": "zzzqqq"}).content.decode()
    assert "Tidak ada yang cocok" in html
