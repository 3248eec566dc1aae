"""The public address of a page: the host being served, when this site is configured to answer on it.

OpenGraph tags and share links must point at the address the visitor used (a page served as host B must not
share host A's URL). The Host header is only trusted when ALLOWED_HOSTS names the hosts (Django has already
refused any other with 400); with a catch-all "*" anyone could make the page advertise their own host, so the
configured JARING_SITE_URL is used instead, as it is where no request exists (WhatsApp texts, e-mails).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest


def site_root(request: HttpRequest | None) -> str:
    """Scheme and host, without a trailing slash, of the address being served (else SITE_URL)."""
    if request is None or "*" in settings.ALLOWED_HOSTS:
        return settings.SITE_URL
    try:
        host = request.get_host()
    except DisallowedHost:
        return settings.SITE_URL
    configured = urlsplit(settings.SITE_URL)
    if host == configured.netloc:
        # The configured address keeps its scheme (https behind a proxy that does not say so).
        return settings.SITE_URL
    return f"{request.scheme}://{host}"


def public_url(request: HttpRequest | None, path: str = "") -> str:
    """Absolute address of `path` (default: the request's path and query) on the host being served."""
    if not path:
        path = request.get_full_path() if request is not None else "/"
    return site_root(request) + path
