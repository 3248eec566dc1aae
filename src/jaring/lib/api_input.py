"""Input every API operation refuses before a view sees it, in one place and in the API's error shape.

PostgreSQL cannot store NUL in text and no field of ours means a control character or a lone surrogate, so
such text answers 422 naming the field instead of failing at the database (a 500 on PostgreSQL, silently
stored on SQLite). A multipart body Django cannot parse (bad boundary) answers 400, malformed JSON 422.
"""

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _

from jaring.lib.api_errors import error_body

# C0 controls except tab, line feed and carriage return; DEL; UTF-16 surrogates (not encodable as UTF-8).
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# The same in JSON's escaped form (raw control characters are already invalid JSON).
ESCAPED = re.compile(r"\\u(00[01][0-9a-fA-F]|007[fF]|[dD][89a-fA-F][0-9a-fA-F]{2})")
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
# Operations whose body text is read and never stored: the checker answers pasted junk like any other text
# (tests/screening/test_api.py), so control characters in its body are not refused.
UNSTORED_BODIES = {"/api/v1/screenings"}


def _error(status: int, field: str, message: str, kind: str) -> JsonResponse:
    return JsonResponse(error_body(message, kind, field), status=status)


def _control_error(field: str) -> JsonResponse:
    message = _(
        "Teks berisi karakter kontrol yang tidak diizinkan (mis. NUL). Hapus karakter itu lalu kirim lagi."
    )
    return _error(422, field or "__all__", message, "control_character")


def _bad_strings(node: Any, path: tuple[str, ...] = ()) -> Iterator[str]:
    """Dotted paths of the strings (keys included) under node that contain a forbidden character."""
    if isinstance(node, str):
        if FORBIDDEN.search(node):
            yield ".".join(path)
    elif isinstance(node, dict):
        for key, value in node.items():
            if FORBIDDEN.search(key):
                yield ".".join((*path, key))
            yield from _bad_strings(value, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _bad_strings(value, (*path, str(index)))


def refusal(request: HttpRequest) -> HttpResponse | None:
    """The error answer for a request no operation may accept, or None."""
    if FORBIDDEN.search(request.path_info):
        return _control_error("path")
    for key, values in request.GET.lists():
        if FORBIDDEN.search(key) or any(FORBIDDEN.search(v) for v in values):
            return _control_error(key)
    if request.method not in ("POST", "PUT", "PATCH"):
        return None
    if request.content_type in FORM_TYPES:
        try:
            fields = request.POST
        except MultiPartParserError:
            message = _("Isi multipart/form-data tidak dapat dibaca (boundary salah atau rusak).")
            return _error(400, "__all__", message, "invalid_multipart")
        for key, values in fields.lists():
            if FORBIDDEN.search(key) or any(FORBIDDEN.search(v) for v in values):
                return _control_error(key)
        return None
    if request.content_type == "application/json" and request.body:
        try:
            data = json.loads(request.body)
        except ValueError:
            return _error(422, "__all__", _("Isi permintaan bukan JSON yang valid."), "json_invalid")
        if request.path_info not in UNSTORED_BODIES and ESCAPED.search(
            request.body.decode("utf-8", "replace")
        ):
            for field in _bad_strings(data):
                return _control_error(field)
    return None


class ApiInputMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith("/api/"):
            refused = refusal(request)
            if refused is not None:
                return refused
        return self.get_response(request)
