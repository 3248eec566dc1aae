"""Officers' content editor under /petugas/konten/: list, create, edit with preview, publish, history."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jaring.accounts.models import Office, User
from jaring.accounts.permissions import can_manage_content, capability_required
from jaring.accounts.selectors import primary_office
from jaring.content import selectors, services
from jaring.content.forms import ArticleForm, FaqForm, sources_to_text
from jaring.content.models import Article, Faq, Status
from jaring.content.rendering import render_markdown


def _office(user: User) -> Office | None:
    return user.office or primary_office()


def _apply_errors(form: Form, error: ValidationError) -> None:
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


@capability_required(can_manage_content)
def article_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "content/staff/list.html",
        {
            "articles": selectors.articles_for_staff(request.user),
            "faqs": selectors.faqs_for_staff(request.user),
        },
    )


def _article_form_page(request: HttpRequest, article: Article | None) -> HttpResponse:
    articles = selectors.articles_for_staff(request.user).filter(translation_of__isnull=True)
    if article is not None:
        articles = articles.exclude(pk=article.pk)
    initial = {}
    if article is not None:
        initial = {
            "title": article.title,
            "slug": article.slug,
            "language": article.language,
            "translation_of": article.translation_of_id,
            "topic": article.topic,
            "summary": article.summary,
            "body": article.body,
            "sources": sources_to_text(article.sources),
            "reviewed_on": article.reviewed_on,
        }
    form = ArticleForm(request.POST or None, initial=initial, articles=articles)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "preview" in request.POST:
            preview = render_markdown(data["body"])
        else:
            try:
                if article is None:
                    office = _office(request.user)
                    article = services.article_create(office=office, actor=request.user, **data)
                    messages.success(request, _("Artikel disimpan sebagai draf."))
                else:
                    article = services.article_update(article=article, actor=request.user, **data)
                    messages.success(request, _("Perubahan disimpan."))
                return redirect("content_staff:article_edit", pk=article.pk)
            except ValidationError as error:
                _apply_errors(form, error)
    return render(
        request, "content/staff/article_form.html", {"form": form, "article": article, "preview": preview}
    )


@capability_required(can_manage_content)
def article_new(request: HttpRequest) -> HttpResponse:
    return _article_form_page(request, None)


@capability_required(can_manage_content)
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(selectors.articles_for_staff(request.user), pk=pk)
    return _article_form_page(request, article)


@require_POST
@capability_required(can_manage_content)
def article_preview(request: HttpRequest) -> HttpResponse:
    """htmx fragment: the body as visitors will see it, sanitised, without saving."""
    body = request.POST.get("body", "")[:100_000]
    return render(request, "content/staff/_preview.html", {"preview": render_markdown(body)})


@require_POST
@capability_required(can_manage_content)
def article_status(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(selectors.articles_for_staff(request.user), pk=pk)
    if request.POST.get("status") == Status.PUBLISHED:
        try:
            services.article_publish(article=article, actor=request.user)
        except ValidationError as error:
            # Nothing is written: the article stays a draft and the editor says what is missing.
            for text in error.messages:
                messages.error(request, _("Belum bisa diterbitkan: %(reason)s") % {"reason": text})
            return redirect("content_staff:article_edit", pk=article.pk)
        messages.success(request, _("Artikel diterbitkan."))
    else:
        services.article_unpublish(article=article, actor=request.user)
        messages.success(request, _("Artikel ditarik menjadi draf."))
    return redirect("content_staff:article_edit", pk=article.pk)


@capability_required(can_manage_content)
def article_history(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(selectors.articles_for_staff(request.user), pk=pk)
    revisions = article.revisions.select_related("editor")
    return render(request, "content/staff/history.html", {"article": article, "revisions": revisions})


def _faq_form_page(request: HttpRequest, faq: Faq | None) -> HttpResponse:
    initial = {"order": 100, "status": Status.DRAFT}
    if faq is not None:
        fields = ("question", "key", "language", "topic", "order", "answer", "status", "reviewed_on")
        initial = {f: getattr(faq, f) for f in fields} | {"sources": sources_to_text(faq.sources)}
    form = FaqForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            if faq is None:
                publish = data.pop("status") == Status.PUBLISHED
                faq = services.faq_create(
                    office=_office(request.user), actor=request.user, publish=publish, **data
                )
            else:
                faq = services.faq_update(faq=faq, actor=request.user, **data)
            messages.success(request, _("Tanya jawab disimpan."))
            return redirect("content_staff:list")
        except ValidationError as error:
            _apply_errors(form, error)
    return render(request, "content/staff/faq_form.html", {"form": form, "faq": faq})


@capability_required(can_manage_content)
def faq_new(request: HttpRequest) -> HttpResponse:
    return _faq_form_page(request, None)


@capability_required(can_manage_content)
def faq_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _faq_form_page(request, get_object_or_404(selectors.faqs_for_staff(request.user), pk=pk))
