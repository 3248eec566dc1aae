"""Seeds the portal's content from data/ (articles as Markdown files with a header, FAQ and checklist as
JSON). Idempotent: an item that already exists (by slug or key) is left as it is, so officers' edits survive."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from jaring.accounts.models import Office
from jaring.content import services
from jaring.content.models import Article, Faq
from jaring.lib.sourcing import SOURCE_KEYS, parse_date

DATA = Path(__file__).resolve().parent / "data"
SEED_ACTOR = "seed"


@dataclass
class ArticleFile:
    slug: str
    language: str
    topic: str
    title: str
    summary: str
    body: str
    translation_of: str = ""
    reviewed_on: str = ""
    sources: list[dict[str, str]] = field(default_factory=list)


def parse_article(path: Path) -> ArticleFile:
    """A header between '---' lines (`key: value`, `reviewed_on: YYYY-MM-DD`, and repeatable
    `source: title | publisher | url | publication date | date read`), then the Markdown body."""
    text = path.read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    values: dict[str, str] = {}
    sources = []
    for line in header.strip().splitlines():
        key, _, value = line.partition(":")
        key, value = key.strip(), value.strip()
        if key == "source":
            parts = [p.strip() for p in value.split("|")] + [""] * len(SOURCE_KEYS)
            sources.append(dict(zip(SOURCE_KEYS, parts[: len(SOURCE_KEYS)], strict=True)))
        else:
            values[key] = value
    return ArticleFile(language=path.parent.name, body=body.strip() + "\n", sources=sources, **values)


def article_files() -> list[ArticleFile]:
    # Indonesian first: English files name their original by slug.
    return [
        parse_article(p) for lang in ("id", "en") for p in sorted((DATA / "articles" / lang).glob("*.md"))
    ]


def faq_entries() -> list[dict]:
    return json.loads((DATA / "faq.json").read_text(encoding="utf-8"))


@transaction.atomic
def seed(*, office: Office) -> None:
    for item in article_files():
        if Article.objects.filter(slug=item.slug).exists():
            continue
        original = Article.objects.filter(slug=item.translation_of).first() if item.translation_of else None
        services.article_create(
            office=office,
            actor=None,
            actor_label=SEED_ACTOR,
            slug=item.slug,
            language=item.language,
            topic=item.topic,
            title=item.title,
            summary=item.summary,
            body=item.body,
            sources=item.sources,
            reviewed_on=parse_date(item.reviewed_on),
            translation_of=original,
            publish=True,
        )
    for order, entry in enumerate(faq_entries()):
        if Faq.objects.filter(key=entry["key"]).exists():
            continue
        fields = entry | {"reviewed_on": parse_date(entry.get("reviewed_on", ""))}
        services.faq_create(
            office=office, actor=None, actor_label=SEED_ACTOR, order=order, publish=True, **fields
        )
