import pytest
from django.test import Client

from jaring.content.models import Article
from jaring.content.services import article_update

pytestmark = pytest.mark.django_db

SLUG = "jalur-resmi-bekerja-ke-luar-negeri"


def _article() -> Article:
    return Article.objects.get(slug=SLUG)


def test_anonymous_pages_are_served_from_cache_until_content_changes(
    seeded, petugas, django_capture_on_commit_callbacks
) -> None:
    client = Client()
    url = f"/edukasi/{SLUG}/"
    first = client.get(url).content.decode()
    Article.objects.filter(pk=_article().pk).update(title="Judul diubah di luar layanan")
    assert client.get(url).content.decode() == first  # cached: a write outside the services is not seen yet

    with django_capture_on_commit_callbacks(execute=True):
        article_update(article=_article(), actor=petugas, title="Judul baru dari petugas")
    assert "Judul baru dari petugas" in client.get(url).content.decode()


def test_visitors_with_cookies_get_a_fresh_page(seeded) -> None:
    url = f"/edukasi/{SLUG}/"
    Client().get(url)
    Article.objects.filter(pk=_article().pk).update(title="Judul segar")
    with_cookie = Client()
    with_cookie.cookies["sessionid"] = "anything"
    assert "Judul segar" in with_cookie.get(url).content.decode()


def test_languages_are_cached_separately(seeded) -> None:
    client = Client()
    assert 'lang="id"' in client.get("/").content.decode()
    assert 'lang="en"' in client.get("/en/").content.decode()
    assert 'lang="id"' in client.get("/").content.decode()


def test_checklist_answers_are_never_cached(seeded) -> None:
    client = Client()
    plain = client.get("/siap-berangkat/").content.decode()
    answered = client.get("/siap-berangkat/", {"cek": "1"}).content.decode()
    assert plain != answered
