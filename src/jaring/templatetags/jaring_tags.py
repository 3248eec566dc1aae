from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from jaring.lib.site import public_url
from jaring.lib.unbroken import phones_unbroken
from jaring.staff_menu import staff_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def other_language(context: dict) -> dict:
    """The language a visitor can switch to, with this page's URL in that language."""
    request = context["request"]
    current = get_language() or settings.LANGUAGE_CODE
    code = next(c for c, _name in settings.LANGUAGES if c != current)
    # The language's own name ("English", "Bahasa Indonesia"): the reader of that language must recognise it.
    name = get_language_info(code)["name_local"]
    return {"code": code, "name": name, "url": translate_url(request.get_full_path(), code)}


@register.simple_tag(takes_context=True)
def absolute_url(context: dict, path: str = "") -> str:
    """Public address of a path (share links, OpenGraph) on the host being served (lib/site.py)."""
    return public_url(context.get("request"), path)


@register.simple_tag(takes_context=True)
def nav_current(context: dict, prefix: str) -> str:
    """aria-current for the navigation link whose section the page is in."""
    path = context["request"].path
    for lang, _name in settings.LANGUAGES:
        path = path.removeprefix(f"/{lang}/").removeprefix("/") if path.startswith(f"/{lang}/") else path
    path = "/" + path.lstrip("/")
    if (prefix == "/" and path == "/") or (prefix != "/" and path.startswith(prefix)):
        return 'aria-current="page"'
    return ""


@register.simple_tag(takes_context=True)
def staff_areas(context: dict) -> list[dict]:
    """The workspace areas the signed-in user may open, for the officers' top menu (jaring/staff_menu.py)."""
    request = context["request"]
    return staff_menu(request.user, request.path)


@register.filter
def unbroken_phones(text: str) -> str:
    """Escapes the text and keeps each phone number in it on one line (lib/unbroken.py)."""
    return phones_unbroken(str(text))
