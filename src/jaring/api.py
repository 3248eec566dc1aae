"""The JSON API: one NinjaAPI at /api/v1/ mounting each app's router."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError

from jaring.casework.api import router as casework_router
from jaring.checkpoints.api import router as checkpoints_router
from jaring.content.api import router as content_router
from jaring.lib import regions
from jaring.lib.api_contract import document_errors
from jaring.lib.api_errors import django_errors_response, http_error_response, validation_error_response
from jaring.network.api import router as network_router
from jaring.outreach.api import router as outreach_router
from jaring.reports.api import router as reports_router
from jaring.screening.api import router as screening_router


class JaringAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        return document_errors(super().get_openapi_schema(*args, **kwargs))


api = JaringAPI(
    title="Jaring API",
    version="1",
    description="Laporan publik, cek tawaran kerja, konten edukasi dan API petugas (token Bearer).",
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def validation_errors(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return validation_error_response(api, request, exc)


@api.exception_handler(DjangoValidationError)
def service_errors(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    """Services raise Django's ValidationError with translated messages; the API answers 422 with them."""
    return django_errors_response(api, request, exc)


@api.exception_handler(HttpError)
def http_errors(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return http_error_response(api, request, exc)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return http_error_response(api, request, HttpError(404, _("Tidak ditemukan.")))


class RegionOut(Schema):
    code: str
    name: str
    level: int
    kind: str
    label: str


@api.get("/regions", response=list[RegionOut], tags=["regions"])
def region_search(request: HttpRequest, q: str, within: str | None = None) -> list[dict]:
    """Type-ahead over Kemendagri regions at every level (e.g. `q=Pulau Abang`)."""
    return [
        {"code": r.code, "name": r.name, "level": r.level, "kind": r.kind, "label": r.full_label}
        for r in regions.search(q[:100], within=within)
    ]


api.add_router("", content_router)
api.add_router("", reports_router)
api.add_router("", screening_router)
api.add_router("", outreach_router)
api.add_router("/staff", casework_router)
api.add_router("/staff", network_router)
api.add_router("/staff", checkpoints_router)
