"""Read-only JSON API over published content: /api/v1/content/..."""

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from jaring.content import checklist, selectors
from jaring.content.models import Article
from jaring.content.search import MAX_QUERY_LENGTH, SearchQueryError, search

router = Router(tags=["content"])

LanguageCode = Literal["id", "en"]
TopicCode = Literal["prosedur", "waspada", "layanan", "pengaduan"]


class SourceOut(Schema):
    title: str
    publisher: str = ""
    url: str = ""
    date: str = ""
    accessed: str = ""


class ArticleSummaryOut(Schema):
    slug: str
    language: LanguageCode
    topic: TopicCode
    title: str
    summary: str
    url: str
    updated_at: datetime


class TranslationOut(Schema):
    language: LanguageCode
    slug: str
    url: str


class ArticleOut(ArticleSummaryOut):
    body_markdown: str
    body_html: str = Field(description="Sanitised HTML rendered from the Markdown body.")
    sources: list[SourceOut]
    reviewed_on: date | None = None
    translations: list[TranslationOut]


class FaqOut(Schema):
    key: str
    language: LanguageCode
    topic: TopicCode
    question: str
    answer_html: str
    url: str


class SearchHitOut(Schema):
    kind: Literal["article", "faq"]
    title: str
    summary: str
    url: str
    language: LanguageCode
    topic: TopicCode
    score: int


class ChecklistItemOut(Schema):
    id: str
    title: str
    why: str
    where: str
    cost: str
    source: str


class ListFilters(Schema):
    language: LanguageCode | None = None
    topic: TopicCode | None = None


class SearchQuery(Schema):
    q: str = Field(min_length=1, max_length=MAX_QUERY_LENGTH)
    language: LanguageCode = "id"


def _summary(article: Article) -> dict:
    return {
        "slug": article.slug,
        "language": article.language,
        "topic": article.topic,
        "title": article.title,
        "summary": article.summary,
        "url": article.get_absolute_url(),
        "updated_at": article.updated_at,
    }


@router.get("/content/articles", response=list[ArticleSummaryOut])
def article_list(request: HttpRequest, filters: Query[ListFilters]) -> list[dict]:
    """Published articles, optionally of one language and/or topic."""
    articles = selectors.published_articles().order_by("topic", "language", "title")
    if filters.language:
        articles = articles.filter(language=filters.language)
    if filters.topic:
        articles = articles.filter(topic=filters.topic)
    return [_summary(a) for a in articles]


@router.get("/content/articles/{slug}", response=ArticleOut)
def article_detail(request: HttpRequest, slug: str) -> dict:
    """One published article with its body, sources and the slugs of its published translations."""
    article = selectors.article_published(slug)
    if article is None:
        raise Http404
    translations = [
        {"language": t.language, "slug": t.slug, "url": t.get_absolute_url()}
        for _lang, t in sorted(selectors.article_family(article).items())
        if t.pk != article.pk
    ]
    return {
        **_summary(article),
        "body_markdown": article.body,
        "body_html": article.body_html,
        "sources": article.sources,
        "reviewed_on": article.reviewed_on,
        "translations": translations,
    }


@router.get("/content/faq", response=list[FaqOut])
def faq_list(request: HttpRequest, language: LanguageCode = "id") -> list[dict]:
    return [
        {
            "key": f.key,
            "language": f.language,
            "topic": f.topic,
            "question": f.question,
            "answer_html": f.answer_html,
            "url": f.get_absolute_url(),
        }
        for f in selectors.published_faqs(language)
    ]


@router.get("/content/checklist", response=list[ChecklistItemOut])
def checklist_items(request: HttpRequest, language: LanguageCode = "id") -> list[checklist.Item]:
    """The "Siap berangkat?" checklist: documents and steps of the legal route."""
    return checklist.items(language)


@router.get("/content/search", response=list[SearchHitOut])
def content_search(request: HttpRequest, query: Query[SearchQuery]) -> list[dict]:
    """Articles and FAQ matching `q` in any Indonesian word form; `language` first, then the other language."""
    try:
        own, other = search(query.q, language=query.language)
    except SearchQueryError as error:
        raise ValidationError({"q": str(error)}) from None
    return [hit.__dict__ for hit in own + other]
