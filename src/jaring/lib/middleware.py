from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation


class ContentSecurityPolicyMiddleware:
    """Sends the CSP from settings; every script and style is vendored under static/, so 'self' suffices."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


class ApiLanguageMiddleware:
    """The JSON API has no /en/ prefix: it answers in the language of Accept-Language (Indonesian default)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith("/api/"):
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


class PrivateResponsesMiddleware:
    """Never stored by a browser or a proxy: staff pages (decrypted identities, reports), the staff API and the
    public Lapor API (receipts with the follow-up key, the thread). Views may set stricter headers themselves."""

    PREFIXES = ("/petugas/", "/en/petugas/", "/api/v1/reports", "/api/v1/staff/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith(self.PREFIXES):
            response.setdefault("Cache-Control", "private, no-store")
        return response
