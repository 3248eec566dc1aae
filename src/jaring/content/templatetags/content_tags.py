from urllib.parse import quote

from django import template
from django.conf import settings
from django.utils.translation import get_language

from jaring.content import emergency

register = template.Library()


@register.simple_tag(takes_context=True)
def whatsapp_share_url(context: dict, title: str, path: str = "") -> str:
    """wa.me link that opens WhatsApp with the page title and its public address ready to send."""
    request = context.get("request")
    address = settings.SITE_URL + (path or (request.path if request else "/"))
    return "https://wa.me/?text=" + quote(f"{title} {address}", safe="")


@register.inclusion_tag("content/_danger_block.html", takes_context=True)
def danger_block(context: dict, heading_level: int = 2) -> dict:
    """The "Dalam bahaya sekarang?" block: 110/112 in Indonesia, the foreign ministry's line abroad, and a
    link to the numbers by country. Numbers come from data/emergency.json, where each carries its source."""
    language = (get_language() or "id")[:2]
    return {
        "police": emergency.entry("polisi", language),
        "e112": emergency.entry("darurat_112", language),
        "kemlu": emergency.entry("kemlu_pwni", language),
        "heading_level": heading_level,
    }
