"""Django admin for content. Officers normally use /petugas/konten/ (services, revisions, audit); saves here
go through the same services so that rendering, the search index and the history stay right."""

from django import forms
from django.contrib import admin

from jaring.content import services
from jaring.content.models import Article, ArticleRevision, Faq


class RevisionInline(admin.TabularInline):
    model = ArticleRevision
    extra = 0
    can_delete = False
    fields = ["number", "action", "editor_label", "created_at", "status", "title"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


class PublishableForm(forms.ModelForm):
    """Refuses, on the form (input kept), to publish without openable sources and a review date."""

    def clean(self) -> dict:
        data = super().clean() or {}
        sources = data.get("sources")
        if data.get("status") == "published" and isinstance(sources, list):
            problems = services.publish_problems(sources, data.get("reviewed_on"))
            for field, messages_ in problems.items():
                self.add_error(field if field in self.fields else None, messages_)
        return data


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = PublishableForm
    list_display = ["title", "slug", "language", "topic", "status", "updated_at"]
    list_filter = ["status", "language", "topic", "office"]
    search_fields = ["title", "slug", "summary"]
    inlines = [RevisionInline]

    def save_model(self, request, obj, form, change) -> None:  # type: ignore[no-untyped-def]
        fields = {f: form.cleaned_data[f] for f in services.EDITABLE_FIELDS if f in form.cleaned_data}
        if change:
            article = services.article_update(article=obj, actor=request.user, **fields)
            if article.status != form.cleaned_data.get("status", article.status):
                setter = services.article_publish if obj.status == "published" else services.article_unpublish
                article = setter(article=article, actor=request.user)
        else:
            article = services.article_create(
                office=form.cleaned_data["office"],
                actor=request.user,
                publish=form.cleaned_data.get("status") == "published",
                **fields,
            )
        obj.pk = article.pk


@admin.register(Faq)
class FaqAdmin(admin.ModelAdmin):
    form = PublishableForm
    list_display = ["question", "key", "language", "topic", "order", "status"]
    list_filter = ["status", "language", "topic"]
    search_fields = ["question", "answer"]

    def save_model(self, request, obj, form, change) -> None:  # type: ignore[no-untyped-def]
        fields = ("question", "answer", "topic", "language", "key", "order")
        values = {f: form.cleaned_data[f] for f in fields}
        if change:
            faq = services.faq_update(
                faq=obj, actor=request.user, status=form.cleaned_data["status"], **values
            )
        else:
            faq = services.faq_create(
                office=form.cleaned_data["office"],
                actor=request.user,
                publish=form.cleaned_data["status"] == "published",
                **values,
            )
        obj.pk = faq.pk
