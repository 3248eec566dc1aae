"""The API's one error shape, {"detail": [{"field", "message", "type"}]}, for every status (403, 404, 409, 422,
429, 503), and 422 responses in the caller's language: pydantic's English messages replaced by gettext ones."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError


class ErrorItem(Schema):
    field: str
    message: str
    type: str


class ErrorOut(Schema):
    detail: list[ErrorItem]


# The `type` of an error that is not about one field.
HTTP_TYPES = {401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed"}


def error_body(message: str, kind: str, field: str = "__all__") -> dict[str, list[dict[str, str]]]:
    return {"detail": [{"field": field, "message": message, "type": kind}]}


def error_response(
    status: int, message: str, kind: str, headers: dict[str, str] | None = None
) -> JsonResponse:
    """An error built by a handler itself (409 duplicate, 429 rate limit, 503 busy)."""
    response = JsonResponse(error_body(message, kind), status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def http_error_response(api: NinjaAPI, request: HttpRequest, exc: HttpError) -> HttpResponse:
    """HttpError(403, "...") and friends in the same shape as the 422s."""
    kind = HTTP_TYPES.get(exc.status_code, "error")
    return api.create_response(request, error_body(str(exc.message), kind), status=exc.status_code)


def _message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("Wajib diisi.")
    if kind == "string_too_short":
        return _("Terlalu pendek: minimal %(n)s karakter.") % {"n": ctx.get("min_length")}
    if kind == "string_too_long":
        return _("Terlalu panjang: maksimal %(n)s karakter.") % {"n": ctx.get("max_length")}
    if kind in ("literal_error", "enum"):
        return _("Pilihan tidak dikenal. Pilihan yang tersedia: %(choices)s.") % {
            "choices": ctx.get("expected")
        }
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Tanggal tidak valid; gunakan format TTTT-BB-HH (mis. 2026-01-31).")
    if kind.startswith("bool"):
        return _("Harus bernilai true atau false.")
    if kind.startswith("int") or kind.startswith("float"):
        return _("Harus berupa angka.")
    if kind in ("list_type", "too_long", "too_short"):
        return _("Jumlah atau bentuk daftar tidak valid.")
    if kind == "value_error":
        # Our own validators raise already-translated messages.
        return str(ctx.get("error") or error.get("msg", ""))
    if kind == "json_invalid":
        return _("Isi permintaan bukan JSON yang valid.")
    return _("Isian tidak valid.")


def _field(loc: list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "payload", "query", "path", "form", "file")]
    return ".".join(parts) or "__all__"


def validation_error_response(api: NinjaAPI, request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {"field": _field(list(e.get("loc", []))), "message": _message(e), "type": e.get("type", "")}
        for e in exc.errors
    ]
    return api.create_response(request, {"detail": errors}, status=422)


def django_errors_response(api: NinjaAPI, request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    """A service's ValidationError as the same 422 shape: one entry per field message."""
    if hasattr(exc, "error_dict"):
        errors = [
            {"field": field, "message": str(message), "type": "invalid"}
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    else:
        errors = [{"field": "__all__", "message": str(m), "type": "invalid"} for m in exc.messages]
    return api.create_response(request, {"detail": errors}, status=422)
