"""Edukasi & Layanan: articles (Markdown, two languages), FAQ entries and their revision history."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from jaring.audit.labels import event_label


class Topic(models.TextChoices):
    PROSEDUR = "prosedur", _("Prosedur resmi bekerja ke luar negeri")
    WASPADA = "waspada", _("Waspada TPPO dan modusnya")
    LAYANAN = "layanan", _("Layanan keimigrasian")
    PENGADUAN = "pengaduan", _("Kanal pengaduan")


# Which public section lists a topic: /layanan/ for immigration services, /edukasi/ for the rest.
SECTION_OF_TOPIC = {
    Topic.PROSEDUR: "edukasi",
    Topic.WASPADA: "edukasi",
    Topic.PENGADUAN: "edukasi",
    Topic.LAYANAN: "layanan",
}


class Language(models.TextChoices):
    ID = "id", "Bahasa Indonesia"
    EN = "en", "English"


class Status(models.TextChoices):
    DRAFT = "draft", _("Draf")
    PUBLISHED = "published", _("Terbit")


class Article(models.Model):
    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="articles")
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    language = models.CharField(_("bahasa"), max_length=2, choices=Language.choices, default=Language.ID)
    # The Indonesian original this article translates; translations of one original are siblings.
    translation_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        verbose_name=_("terjemahan dari"),
    )
    topic = models.CharField(_("topik"), max_length=16, choices=Topic.choices)
    title = models.CharField(_("judul"), max_length=200)
    summary = models.CharField(_("ringkasan"), max_length=300)
    body = models.TextField(_("isi (Markdown)"))
    # Sanitised HTML rendered from body by the service on every write: pages never render Markdown.
    body_html = models.TextField(editable=False, default="")
    # [{"title", "publisher", "url", "date", "accessed"}], cited at the end of the page (content/sourcing.py).
    sources = models.JSONField(_("sumber"), default=list, blank=True)
    # When an officer last checked every statement against its sources; `jaring content_review` lists items
    # not reviewed for 12 months.
    reviewed_on = models.DateField(_("diperiksa pada"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("diterbitkan"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)
    # Space-padded stems of title, summary and body (lib.text.search_terms): the search index.
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikel")
        ordering = ["topic", "title"]
        indexes = [models.Index(fields=["status", "language", "topic"])]
        constraints = [
            models.UniqueConstraint(
                fields=["translation_of", "language"],
                name="one_translation_per_language",
                condition=models.Q(translation_of__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    def get_absolute_url(self) -> str:
        """The article's address in its own language (/en/... for English)."""
        with translation.override(self.language):
            return reverse(f"content:{self.section}_article", kwargs={"slug": self.slug})

    @property
    def section(self) -> str:
        return SECTION_OF_TOPIC.get(self.topic, "edukasi")

    @property
    def family_id(self) -> int:
        """Translations share the id of their original: one family per piece of content."""
        return self.translation_of_id or self.pk

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class ArticleRevision(models.Model):
    """A snapshot after every change to an article: who, when, what the article then said."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    action = models.CharField(max_length=32)
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    editor_label = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300)
    body = models.TextField()
    topic = models.CharField(max_length=16)
    status = models.CharField(max_length=12)
    sources = models.JSONField(default=list)

    class Meta:
        verbose_name = _("revisi artikel")
        verbose_name_plural = _("revisi artikel")
        ordering = ["article", "-number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="revision_number_unique")]

    def __str__(self) -> str:
        return f"{self.article.slug} #{self.number} {self.action}"

    @property
    def action_label(self) -> str:
        return event_label(f"content.article_{self.action}")  # the audit log's words for the same change

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label) if self.status in Status.values else self.status


class Faq(models.Model):
    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="faqs")
    key = models.SlugField(
        _("kunci"), max_length=80, unique=True, help_text=_("Dipakai sebagai jangkar #kunci.")
    )
    language = models.CharField(_("bahasa"), max_length=2, choices=Language.choices, default=Language.ID)
    topic = models.CharField(_("topik"), max_length=16, choices=Topic.choices)
    question = models.CharField(_("pertanyaan"), max_length=300)
    answer = models.TextField(_("jawaban (Markdown)"))
    answer_html = models.TextField(editable=False, default="")
    sources = models.JSONField(_("sumber"), default=list, blank=True)
    reviewed_on = models.DateField(_("diperiksa pada"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=100)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("FAQ")
        verbose_name_plural = _("FAQ")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        with translation.override(self.language):
            return reverse("content:faq") + f"#{self.key}"
