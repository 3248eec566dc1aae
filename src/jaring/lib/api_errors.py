"""422 responses in the caller's language: pydantic's English messages replaced by gettext ones per error type."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError


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
