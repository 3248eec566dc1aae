"""Reads of content: public reads see only published items; staff reads are scoped to the officer's office."""

from django.db.models import Q, QuerySet

from jaring.accounts.models import User
from jaring.content.models import Article, Faq, Status

# What lists show: the body, rendered HTML, sources and search index stay in the database.
LIST_FIELDS = (
    "slug",
    "language",
    "translation_of",
    "topic",
    "title",
    "summary",
    "published_at",
    "updated_at",
)


def published_articles() -> QuerySet[Article]:
    return Article.objects.filter(status=Status.PUBLISHED)


def article_published(slug: str) -> Article | None:
    return published_articles().filter(slug=slug).first()


def article_family(article: Article) -> dict[str, Article]:
    """The published versions of one piece of content by language: the original and its translations."""
    family = Q(pk=article.family_id) | Q(translation_of_id=article.family_id)
    versions = {a.language: a for a in published_articles().filter(family).only(*LIST_FIELDS)}
    if article.is_published:
        versions[article.language] = article
    return versions


def articles_for_language(language: str, *, topic: str | None = None) -> list[Article]:
    """Published articles in `language`; where a piece exists only in the other language, that version,
    so that an English visitor still finds content not yet translated."""
    articles = published_articles().only(*LIST_FIELDS)
    if topic:
        articles = articles.filter(topic=topic)
    chosen: dict[int, Article] = {}
    for article in articles.order_by("-published_at", "pk"):
        current = chosen.get(article.family_id)
        if current is None or (current.language != language and article.language == language):
            chosen[article.family_id] = article
    return list(chosen.values())


def latest_articles(language: str, *, limit: int = 4) -> list[Article]:
    articles = articles_for_language(language)
    articles.sort(key=lambda a: a.updated_at, reverse=True)
    return articles[:limit]


def published_faqs(language: str, *, topic: str | None = None) -> QuerySet[Faq]:
    faqs = Faq.objects.filter(status=Status.PUBLISHED, language=language)
    return faqs.filter(topic=topic) if topic else faqs


def _office_scope(user: User) -> dict:
    return {} if user.is_admin_role else {"office_id": user.office_id}


def articles_for_staff(user: User) -> QuerySet[Article]:
    return Article.objects.filter(**_office_scope(user)).order_by("topic", "language", "title")


def faqs_for_staff(user: User) -> QuerySet[Faq]:
    return Faq.objects.filter(**_office_scope(user)).order_by("language", "order", "pk")
