"""Writes to content: every change goes through one of these, in one transaction, with an audit event."""

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from jaring.accounts.models import Office, User
from jaring.audit.services import audit_record
from jaring.content import page_cache
from jaring.content.models import Article, ArticleRevision, Faq, Language, Status, Topic
from jaring.content.rendering import render_markdown
from jaring.lib.sourcing import SOURCE_KEYS, is_site_root, law_copy_problem, parse_date, sources_problems
from jaring.lib.text import search_terms

EDITABLE_FIELDS = (
    "title",
    "summary",
    "body",
    "topic",
    "sources",
    "reviewed_on",
    "language",
    "slug",
    "translation_of",
)
FAQ_EDITABLE_FIELDS = (
    "question",
    "answer",
    "topic",
    "language",
    "key",
    "order",
    "status",
    "sources",
    "reviewed_on",
)


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str = ""
    url: str = ""
    date: str = ""
    accessed: str = ""


def indexed(*parts: str) -> str:
    """Space-padded stems so that a query stem matches a whole token with one LIKE '% stem %'."""
    return f" {search_terms(' '.join(parts))} "


def sources_clean(sources: list[dict[str, Any]]) -> list[dict[str, str]]:
    cleaned = []
    for raw in sources:
        source = Source(**{k: str(raw.get(k) or "").strip() for k in SOURCE_KEYS})
        if not source.title:
            raise ValidationError({"sources": _("Setiap sumber perlu judul.")})
        if source.url and urlsplit(source.url).scheme not in ("http", "https"):
            raise ValidationError({"sources": _("Alamat sumber harus diawali http:// atau https://.")})
        if source.url and is_site_root(source.url):
            raise ValidationError(
                {
                    "sources": _(
                        "Tautkan dokumen atau berita yang dikutip, bukan halaman depan situs: %(url)s"
                    )
                    % {"url": source.url}
                }
            )
        if law_copy_problem(source.__dict__):
            raise ValidationError(
                {
                    "sources": _(
                        "Kutip teks peraturan dari JDIH atau peraturan.go.id, bukan salinan di situs lain: %(url)s"
                    )
                    % {"url": source.url}
                }
            )
        if source.accessed and parse_date(source.accessed) is None:
            raise ValidationError({"sources": _("Tanggal diperiksa harus berformat TTTT-BB-HH.")})
        if source.date:
            try:
                date.fromisoformat(source.date if len(source.date) == 10 else f"{source.date}-01"[:10])
            except ValueError:
                raise ValidationError(
                    {"sources": _("Tanggal sumber harus berformat TTTT-BB-HH atau TTTT-BB.")}
                ) from None
        cleaned.append(source.__dict__.copy())
    return cleaned


def publish_problems(sources: list[dict[str, Any]], reviewed_on: date | None) -> dict[str, list[str]]:
    """Why an article or FAQ answer may not be public yet (docs/content.md, "Keeping facts true"): no source a
    reader can open, or no review date. Drafts may stay unsourced; publishing, and editing what is already
    public, are refused until both are there. Messages in the officer's language, by form field."""
    problems: dict[str, list[str]] = {}
    if sources_problems(sources):
        problems["sources"] = [
            _(
                "Artikel atau tanya jawab yang terbit perlu sumber yang bisa dibuka: judul, alamat dokumen "
                "(bukan halaman depan situs) dan tanggal diperiksa (TTTT-BB-HH), satu sumber per baris."
            )
        ]
    if reviewed_on is None:
        problems["reviewed_on"] = [_('Isi tanggal "Diperiksa pada" sebelum menerbitkan.')]
    return problems


def require_publishable(sources: list[dict[str, Any]], reviewed_on: date | None) -> None:
    problems = publish_problems(sources, reviewed_on)
    if problems:
        raise ValidationError(problems)


def _validate(article: Article) -> None:
    if article.topic not in Topic.values:
        raise ValidationError({"topic": _("Topik tidak dikenal.")})
    if article.language not in Language.values:
        raise ValidationError({"language": _("Bahasa tidak dikenal.")})
    original = article.translation_of
    if original is not None:
        if original.pk == article.pk or original.language == article.language:
            raise ValidationError({"translation_of": _("Terjemahan harus dari artikel berbahasa lain.")})
        clash = Article.objects.filter(translation_of=original, language=article.language)
        if clash.exclude(pk=article.pk).exists():
            raise ValidationError(
                {"translation_of": _("Artikel ini sudah punya terjemahan dalam bahasa itu.")}
            )
    if Article.objects.filter(slug=article.slug).exclude(pk=article.pk).exists():
        raise ValidationError({"slug": _("Slug sudah dipakai artikel lain.")})


def _prepare(article: Article) -> None:
    article.slug = slugify(article.slug or article.title)[:120]
    if not article.slug:
        raise ValidationError({"slug": _("Slug tidak boleh kosong.")})
    article.sources = sources_clean(article.sources or [])
    _validate(article)
    article.body_html = render_markdown(article.body)
    article.search_text = indexed(article.title, article.summary, article.body)


def _snapshot(article: Article, *, action: str, actor: User | None, actor_label: str) -> ArticleRevision:
    number = (article.revisions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return ArticleRevision.objects.create(
        article=article,
        number=number,
        action=action,
        editor=actor,
        editor_label=actor_label or (actor.get_username() if actor else "sistem"),
        title=article.title,
        summary=article.summary,
        body=article.body,
        topic=article.topic,
        status=article.status,
        sources=article.sources,
    )


def _record(article: Article, *, action: str, actor: User | None, actor_label: str, data: dict) -> None:
    _snapshot(article, action=action, actor=actor, actor_label=actor_label)
    transaction.on_commit(page_cache.invalidate)
    audit_record(
        action=f"content.article_{action}",
        actor=actor,
        actor_label=actor_label,
        obj=article,
        office=article.office,
        summary=f"{article.slug}: {article.title}",
        data=data,
    )


@transaction.atomic
def article_create(
    *,
    office: Office,
    actor: User | None,
    title: str,
    summary: str,
    body: str,
    topic: str,
    language: str = Language.ID,
    slug: str = "",
    sources: list[dict[str, Any]] | None = None,
    reviewed_on: date | None = None,
    translation_of: Article | None = None,
    publish: bool = False,
    actor_label: str = "",
) -> Article:
    article = Article(
        office=office,
        title=title.strip(),
        summary=summary.strip(),
        body=body,
        topic=topic,
        language=language,
        slug=slug,
        sources=sources or [],
        reviewed_on=reviewed_on,
        translation_of=translation_of,
    )
    _prepare(article)
    if publish:
        require_publishable(article.sources, article.reviewed_on)
        article.status = Status.PUBLISHED
        article.published_at = timezone.now()
    article.save()
    _record(article, action="create", actor=actor, actor_label=actor_label, data={"status": article.status})
    return article


@transaction.atomic
def article_update(*, article: Article, actor: User | None, **changes: Any) -> Article:
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    article = Article.objects.select_for_update().get(pk=article.pk)
    changed = [field for field, value in changes.items() if getattr(article, field) != value]
    for field in changed:
        setattr(article, field, changes[field])
    if not changed:
        return article
    _prepare(article)
    if article.status == Status.PUBLISHED:
        require_publishable(article.sources, article.reviewed_on)
    article.save()
    _record(article, action="update", actor=actor, actor_label="", data={"fields": sorted(changed)})
    return article


def _set_status(article: Article, *, actor: User | None, status: str, action: str) -> Article:
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.status == status:
        return article
    if status == Status.PUBLISHED:
        require_publishable(article.sources, article.reviewed_on)
    article.status = status
    if status == Status.PUBLISHED and article.published_at is None:
        article.published_at = timezone.now()
    article.save(update_fields=["status", "published_at", "updated_at"])
    _record(article, action=action, actor=actor, actor_label="", data={"status": status})
    return article


@transaction.atomic
def article_publish(*, article: Article, actor: User | None) -> Article:
    return _set_status(article, actor=actor, status=Status.PUBLISHED, action="publish")


@transaction.atomic
def article_unpublish(*, article: Article, actor: User | None) -> Article:
    return _set_status(article, actor=actor, status=Status.DRAFT, action="unpublish")


def _prepare_faq(faq: Faq) -> None:
    faq.key = slugify(faq.key or faq.question)[:80]
    if faq.topic not in Topic.values:
        raise ValidationError({"topic": _("Topik tidak dikenal.")})
    if faq.language not in Language.values:
        raise ValidationError({"language": _("Bahasa tidak dikenal.")})
    if Faq.objects.filter(key=faq.key).exclude(pk=faq.pk).exists():
        raise ValidationError({"key": _("Kunci sudah dipakai FAQ lain.")})
    faq.sources = sources_clean(faq.sources or [])
    faq.answer_html = render_markdown(faq.answer)
    faq.search_text = indexed(faq.question, faq.answer)


@transaction.atomic
def faq_create(
    *,
    office: Office,
    actor: User | None,
    question: str,
    answer: str,
    topic: str,
    language: str = Language.ID,
    key: str = "",
    order: int = 100,
    sources: list[dict[str, Any]] | None = None,
    reviewed_on: date | None = None,
    publish: bool = False,
    actor_label: str = "",
) -> Faq:
    faq = Faq(
        office=office,
        question=question.strip(),
        answer=answer,
        topic=topic,
        language=language,
        key=key,
        order=order,
        sources=sources or [],
        reviewed_on=reviewed_on,
        status=Status.PUBLISHED if publish else Status.DRAFT,
    )
    _prepare_faq(faq)
    if faq.status == Status.PUBLISHED:
        require_publishable(faq.sources, faq.reviewed_on)
    faq.save()
    transaction.on_commit(page_cache.invalidate)
    audit_record(
        action="content.faq_create",
        actor=actor,
        actor_label=actor_label,
        obj=faq,
        office=office,
        summary=faq.question,
        data={"status": faq.status},
    )
    return faq


@transaction.atomic
def faq_update(*, faq: Faq, actor: User | None, **changes: Any) -> Faq:
    unknown = set(changes) - set(FAQ_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    faq = Faq.objects.select_for_update().get(pk=faq.pk)
    before = {field: getattr(faq, field) for field in changes}
    changed = [field for field, value in changes.items() if before[field] != value]
    if not changed:
        return faq
    for field in changed:
        setattr(faq, field, changes[field])
    if "status" in changed and faq.status not in Status.values:
        raise ValidationError({"status": _("Status tidak dikenal.")})
    _prepare_faq(faq)
    if faq.status == Status.PUBLISHED:
        require_publishable(faq.sources, faq.reviewed_on)
    faq.save()
    transaction.on_commit(page_cache.invalidate)
    audit_record(
        action="content.faq_update",
        actor=actor,
        obj=faq,
        office=faq.office,
        summary=faq.question,
        data={"fields": sorted(changed), "before": {f: str(before[f])[:500] for f in changed}},
    )
    return faq
