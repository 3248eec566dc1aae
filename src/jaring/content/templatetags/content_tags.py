from urllib.parse import quote

from django import template
from django.utils.translation import get_language

from jaring.content import emergency
from jaring.content.citations import citation
from jaring.lib.site import public_url

register = template.Library()


@register.simple_tag(takes_context=True)
def whatsapp_share_url(context: dict, title: str, path: str = "") -> str:
    """wa.me link that opens WhatsApp with the page title and its public address ready to send."""
    request = context.get("request")
    address = public_url(request, path or (request.path if request else "/"))
    return "https://wa.me/?text=" + quote(f"{title} {address}", safe="")


@register.inclusion_tag("content/_danger_block.html", takes_context=True)
def danger_block(context: dict, heading_level: int = 2, landmark: bool = True) -> dict:
    """The "Dalam bahaya sekarang?" block: 110/112 in Indonesia, the foreign ministry's line abroad, and a
    link to the numbers by country. Numbers come from data/emergency.json, where each carries its source.

    The footer holds the landmark (<aside id="dalam-bahaya">, the header's "Dalam bahaya?" link jumps to it);
    a copy inside a page's content (the receipt, a high-risk verdict) passes landmark=False: a plain block
    with ids of its own, so the page keeps one landmark of that name and no id twice."""
    language = (get_language() or "id")[:2]
    return {
        "police": emergency.entry("polisi", language),
        "e112": emergency.entry("darurat_112", language),
        "kemlu": emergency.entry("kemlu_pwni", language),
        "heading_level": heading_level,
        "landmark": landmark,
    }


@register.inclusion_tag("content/_cite.html")
def cite(key: str) -> dict:
    """A link to the document a short public statement rests on (content/citations.py)."""
    return {"s": citation(key)}
