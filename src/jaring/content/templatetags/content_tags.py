from urllib.parse import quote

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag(takes_context=True)
def whatsapp_share_url(context: dict, title: str, path: str = "") -> str:
    """wa.me link that opens WhatsApp with the page title and its public address ready to send."""
    request = context.get("request")
    address = settings.SITE_URL + (path or (request.path if request else "/"))
    return "https://wa.me/?text=" + quote(f"{title} {address}", safe="")
