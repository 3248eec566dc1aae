"""A short-lived cache of rendered public pages, per path and language.

Public pages are the same for every anonymous visitor, and rendering one costs ~15 ms of CPU (templates,
translations, URL reversing), most of the page budget. Only plain anonymous GETs are cached: no query string,
no cookies (a visitor with a session may see messages meant for them). Content services bump a version number
after every commit, so an officer's change shows at once; the TTL bounds anything else (office footer data).
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from jaring.lib.write_lock import cache_writer

_VERSION_KEY = "public-pages:version"


def _version() -> int:
    return cache.get_or_set(_VERSION_KEY, 1, timeout=None)


def invalidate() -> None:
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 2, timeout=None)


def cached_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        ttl = settings.PUBLIC_PAGE_CACHE_SECONDS
        if not ttl or request.method != "GET" or request.GET or request.COOKIES:
            return view(request, *args, **kwargs)
        key = f"public-pages:{_version()}:{get_language()}:{request.path}"
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = view(request, *args, **kwargs)
        # A page that asked for a CSRF token needs the cookie set per visitor: never cached.
        if (
            response.status_code == 200
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        ):
            with cache_writer():
                cache.set(key, response, timeout=ttl)
        return response

    return wrapped
