"""Public pages of Edukasi & Layanan: home, section lists, article, checklist, FAQ and search."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from jaring.content import checklist, emergency, selectors
from jaring.content.models import SECTION_OF_TOPIC, Article, Topic
from jaring.content.page_cache import cached_public_page
from jaring.content.search import MAX_QUERY_LENGTH, SearchQueryError, search

EDUKASI_TOPICS = [Topic.PROSEDUR, Topic.WASPADA, Topic.PENGADUAN]


def _language() -> str:
    return (get_language() or "id")[:2]


@require_GET
@cached_public_page
def home(request: HttpRequest) -> HttpResponse:
    language = _language()
    return render(
        request,
        "content/home.html",
        {"latest": selectors.latest_articles(language), "max_query": MAX_QUERY_LENGTH},
    )


def _section(request: HttpRequest, *, template: str, topics: list[Topic]) -> HttpResponse:
    articles = selectors.articles_for_language(_language())
    groups = [(topic, [a for a in articles if a.topic == topic]) for topic in topics]
    for _topic, group in groups:
        group.sort(key=lambda a: a.title)
    return render(request, template, {"groups": groups, "max_query": MAX_QUERY_LENGTH})


@require_GET
@cached_public_page
def edukasi(request: HttpRequest) -> HttpResponse:
    return _section(request, template="content/edukasi.html", topics=EDUKASI_TOPICS)


@require_GET
@cached_public_page
def layanan(request: HttpRequest) -> HttpResponse:
    return _section(request, template="content/layanan.html", topics=[Topic.LAYANAN])


@require_GET
@cached_public_page
def article(request: HttpRequest, slug: str, section: str) -> HttpResponse:
    found = selectors.article_published(slug)
    if found is None:
        raise Http404
    language = _language()
    versions = selectors.article_family(found)
    wanted = versions.get(language)
    if wanted is not None and wanted.pk != found.pk:
        # The language switch lands here with the other language's slug: show this language's version.
        return redirect(wanted.get_absolute_url())
    if SECTION_OF_TOPIC.get(found.topic) != section:
        return redirect(_localised_url(found, language))
    translations = [v for _lang, v in sorted(versions.items()) if v.pk != found.pk]
    return render(
        request,
        "content/article.html",
        {"article": found, "untranslated": found.language != language, "translations": translations},
    )


def _localised_url(found: Article, language: str) -> str:
    with translation.override(language):
        return reverse(f"content:{found.section}_article", kwargs={"slug": found.slug})


@require_GET
@cached_public_page
def checklist_view(request: HttpRequest) -> HttpResponse:
    language = _language()
    submitted = "cek" in request.GET
    known = {item.id for item in checklist.items(language)}
    have = {value for value in request.GET.getlist("punya") if value in known}
    context = {
        "items": checklist.items(language),
        "have": have,
        "result": checklist.evaluate(have, language) if submitted else None,
        "sources": checklist.sources(),
    }
    template = (
        "content/_checklist_result.html" if request.headers.get("HX-Request") else "content/checklist.html"
    )
    return render(request, template, context)


@require_GET
def faq(request: HttpRequest) -> HttpResponse:
    faqs = list(selectors.published_faqs(_language()))
    groups = [(topic, [f for f in faqs if f.topic == topic]) for topic in Topic]
    return render(request, "content/faq.html", {"groups": [g for g in groups if g[1]]})


@require_GET
def search_view(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q")
    context: dict = {"query": query or "", "max_query": MAX_QUERY_LENGTH, "searched": query is not None}
    if query is not None:
        try:
            context["hits"], context["other_hits"] = search(query, language=_language())
        except SearchQueryError as error:
            context["error"] = str(error)
    return render(request, "content/search.html", context, status=200)


@require_GET
@cached_public_page
def emergency_view(request: HttpRequest) -> HttpResponse:
    context = {"entries": emergency.entries(_language()), "reviewed_on": emergency.data()["reviewed_on"]}
    return render(request, "content/emergency.html", context)
