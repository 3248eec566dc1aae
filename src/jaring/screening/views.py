"""/cek-tawaran/: paste an offer, see the verdict with highlighted evidence, advice and a prefilled report link.

Works without JavaScript: a plain form posted back to the same page. GET ?text= also checks (share links).
"""

import re
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from jaring.lib.unbroken import PHONE

from .engine import MAX_LENGTH
from .engine.ruleset import default_rules
from .models import ScreeningStat
from .ocr import MAX_BYTES as MAX_IMAGE_BYTES
from .services import clean_ref, screening_check, screening_read_image, validate_text

# The Lapor form is opened with a GET link; gunicorn refuses request lines over 4 KB, so the description in the
# link is cut (the reporter can paste the rest) and the parties are capped.
REPORT_TEXT_LIMIT = 1200
REPORT_PARTY_LIMIT = 10
BADGES = {"tinggi": "badge-high", "sedang": "badge-medium", "rendah": "badge-low"}


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("Teks tawaran kerja"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": MAX_LENGTH, "autocomplete": "off"}),
        help_text=_(
            "Tempel pesan, unggahan, atau iklan lowongan (maksimal 10.000 karakter). Teks tidak disimpan."
        ),
    )
    ref = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_text(self) -> str:
        return validate_text(self.cleaned_data.get("text"))


def check(request: HttpRequest) -> HttpResponse:
    result = None
    image_error = ""
    from_image = False
    data = request.POST if request.method == "POST" else (request.GET if "text" in request.GET else None)
    if data is not None:
        upload = request.FILES.get("image") if request.method == "POST" else None
        if upload is not None:
            # A screenshot: read it (in memory, not kept), put its text in the box for correction, check it.
            try:
                reading = screening_read_image(data=upload.read(MAX_IMAGE_BYTES + 1))
            except ValidationError as error:
                image_error = error.message_dict["image"][0]
            else:
                data = data.copy()
                data["text"] = reading.text
                from_image = True
        form = CheckForm(data)
        if image_error:
            form.is_valid()  # keeps the text typed so far; the image's message is shown instead of a check
        elif form.is_valid():
            text = form.cleaned_data["text"]
            result = screening_check(
                text=text,
                language="en" if get_language() == "en" else "id",
                channel=ScreeningStat.Channel.WEB,
                ref=clean_ref(form.cleaned_data.get("ref")),
            )
            result["highlighted"] = highlight(text, result)
            result["badge"] = BADGES[result["risk_level"]]
            result["report_url"] = report_url(text, result)
            result["advice_html"] = [advice_html(item) for item in result["advice"]]
            rules = default_rules()
            for flag in result["flags"]:
                flag["sources"] = rules.flag_sources(flag["code"])
    else:
        form = CheckForm(initial={"ref": clean_ref(request.GET.get("ref"))})
    return render(
        request,
        "screening/check.html",
        {"form": form, "result": result, "image_error": image_error, "from_image": from_image},
    )


def highlight(text: str, result: dict) -> SafeString:
    """The text, escaped, with <mark> around flag evidence (numbered like the flag list) and signals."""
    spans = []
    for number, flag in enumerate(result["flags"], start=1):
        spans += [(e["start"], e["end"], "flag", number) for e in flag["evidence"]]
    for signal in result["positive_signals"]:
        spans += [(e["start"], e["end"], "ok", 0) for e in signal["evidence"]]
    spans.sort(key=lambda s: (s[0], -s[1]))
    parts: list[str] = []
    position = 0
    for start, end, kind, number in spans:
        if start < position:
            continue  # overlaps a span already marked
        parts.append(escape(text[position:start]))
        label = f'<sup aria-hidden="true">{number}</sup>' if kind == "flag" else ""
        parts.append(f'<mark class="mark-{kind}">{escape(text[start:end])}</mark>{label}')
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of user text above is escaped


def report_url(text: str, result: dict) -> str:
    """/lapor/ prefilled: category perekrut, the text, and the identifiers found as kind:value parties."""
    description = text if len(text) <= REPORT_TEXT_LIMIT else text[:REPORT_TEXT_LIMIT].rstrip() + " …"
    entities = result["entities"]
    parties = [f"phone:{p['value']}" for p in entities["phones"]]
    parties += [f"url:{lk['value']}" for lk in entities["links"]]
    parties += [f"account:{a['value']}" for a in entities["accounts"]]
    parties += [f"email:{m['value']}" for m in entities["emails"]]
    parties += [f"handle:{h['value']}" for h in entities["handles"]]
    parties += [f"company:{c['text']}" for c in entities["companies"]]
    query = [("category", "perekrut"), ("description", description)]
    query += [("party", party) for party in parties[:REPORT_PARTY_LIMIT]]
    return reverse("reports:submit") + "?" + urlencode(query)


# Advice texts name pages by their path ("halaman Lapor (/lapor/)", "ada di /darurat/") because they are also
# sent as plain text (API, WhatsApp). On the page a path becomes a link with words, and phone numbers keep their
# hyphens on one line.
PAGE_NAMES = {"darurat": _("halaman nomor darurat"), "lapor": _("halaman Lapor")}
_ADVICE_PARTS = re.compile(
    r"(?P<words>\S+ \S+) \((?P<path>/(?:en/)?(?P<page>[a-z-]+)/)\)"  # "halaman Lapor (/lapor/)"
    r"|(?<![\w/])(?P<bare>/(?:en/)?(?P<bare_page>[a-z-]+)/)"  # "ada di /darurat/"
    rf"|(?P<phone>{PHONE.pattern})"  # "0811-7002-019", "+62 812-9007-0027"
)


def _localised(path: str) -> str:
    """The page's address in the reader's language, whichever language the advice text named it in."""
    language = get_language() or "id"
    with translation.override("id"):
        return translate_url(path.removeprefix("/en"), language)


def advice_html(item: str) -> SafeString:
    """One advice item, escaped, with its page paths as worded links and its phone numbers unbroken."""

    def part(match: re.Match) -> str:
        if match["phone"]:
            return f'<span class="nowrap">{match["phone"]}</span>'
        path, words = match["path"] or match["bare"], match["words"]
        href = escape(_localised(path))
        words = words or escape(PAGE_NAMES.get(match["bare_page"], path))
        return f'<a href="{href}">{words}</a>'

    return mark_safe(_ADVICE_PARTS.sub(part, escape(item)))  # noqa: S308 - the text is escaped first
