import pytest
from django.test import Client

from jaring.content.models import Article
from jaring.content.services import article_unpublish

pytestmark = pytest.mark.django_db


def test_list_filters_by_language_and_topic(client: Client, seeded) -> None:
    data = client.get("/api/v1/content/articles", {"language": "en", "topic": "layanan"}).json()
    assert {a["slug"] for a in data} == {
        "m-paspor-passport-app", "e-visa-for-foreign-visitors", "stay-permits-itas-itap-reach-out",
        "apoa-reporting-foreign-guests", "departure-checks-at-the-checkpoint", "immigration-data-services",
    }  # fmt: skip
    assert data[0]["url"].startswith("/en/layanan/")


def test_unknown_filter_value_is_422(client: Client, seeded) -> None:
    assert client.get("/api/v1/content/articles", {"language": "fr"}).status_code == 422


def test_detail_has_body_sources_and_translations(client: Client, seeded) -> None:
    data = client.get("/api/v1/content/articles/jalur-resmi-bekerja-ke-luar-negeri").json()
    assert data["language"] == "id" and "Pasal 81" in data["body_html"]
    assert any(s["publisher"] == "id.wikisource.org" and s["accessed"] for s in data["sources"])
    assert data["reviewed_on"]
    assert data["translations"] == [
        {
            "language": "en",
            "slug": "legal-route-to-work-abroad",
            "url": "/en/edukasi/legal-route-to-work-abroad/",
        }
    ]


def test_detail_of_unknown_or_draft_slug_is_404(client: Client, seeded) -> None:
    assert client.get("/api/v1/content/articles/tidak-ada").status_code == 404
    article_unpublish(article=Article.objects.get(slug="e-visa"), actor=None)
    assert client.get("/api/v1/content/articles/e-visa").status_code == 404


def test_search_understands_word_forms(client: Client, seeded) -> None:
    data = client.get("/api/v1/content/search", {"q": "dipekerjakan"}).json()
    assert any(hit["url"] == "/edukasi/jalur-resmi-bekerja-ke-luar-negeri/" for hit in data)


@pytest.mark.parametrize("query", ["", "   ", "x" * 201])
def test_bad_search_query_is_422_with_a_message(client: Client, seeded, query) -> None:
    response = client.get("/api/v1/content/search", {"q": query})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "q"
    assert response.json()["detail"][0]["message"]


def test_faq_and_checklist_endpoints(client: Client, seeded) -> None:
    faq = client.get("/api/v1/content/faq", {"language": "en"}).json()
    assert any(f["key"] == "cambodia-myanmar" for f in faq)
    items = client.get("/api/v1/content/checklist", {"language": "en"}).json()
    assert any(i["id"] == "paspor" and i["title"] == "Passport" for i in items)


def test_content_endpoints_are_in_the_openapi_schema(client: Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/content/articles", "/api/v1/content/articles/{slug}", "/api/v1/content/search"):
        assert path in paths
