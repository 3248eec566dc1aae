"""POST /api/v1/screenings: the explained risk check of a job offer, as JSON."""

from typing import Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema
from pydantic import field_validator

from jaring.lib.api_errors import ErrorOut

from .engine import MAX_LENGTH
from .models import ScreeningStat
from .services import screening_check, validate_text

router = Router(tags=["screening"])


class ScreeningIn(Schema):
    text: str = Field(description=f"The offer or recruiter message, 1 to {MAX_LENGTH:,} characters.")
    language: Literal["id", "en"] | None = Field(
        None, description="Language of titles, explanations and advice; default: detected from the text."
    )
    ref: str | None = Field(None, description="Outreach event code, counted in aggregate statistics only.")

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        try:
            return validate_text(value)
        except DjangoValidationError as error:
            raise ValueError(error.messages[0]) from None


class Span(Schema):
    text: str
    start: int = Field(description="Offset of the first character in the submitted text.")
    end: int = Field(description="Offset after the last character.")


class FlagOut(Schema):
    code: str = Field(description="Red-flag code (shared/domain/FACTS.md), e.g. tourist_visa_for_work.")
    title: str
    explanation: str
    evidence: list[Span]
    legal_basis: str
    weight: float = Field(description="This flag's contribution to the score (after positive signals).")


class SignalOut(Schema):
    code: str
    title: str
    explanation: str
    evidence: list[Span]
    weight: float


class EntityOut(Schema):
    value: str = Field(description="Normalised value (E.164 for phones).")
    text: str
    start: int
    end: int
    reported: bool | None = Field(None, description="Confirmed by an officer in a verified report.")


class PhoneOut(EntityOut):
    mobile: bool


class EmailOut(EntityOut):
    free_mail: bool


class AccountOut(EntityOut):
    provider: str
    holder: str | None
    personal: bool


class CompanyOut(EntityOut):
    country: str | None
    licensed: bool | None = Field(None, description="In the loaded P3MI registry; null when none is loaded.")
    licence_number: str | None = None
    registry_name: str | None = None
    is_sample: bool | None = None


class DestinationOut(Schema):
    value: str
    text: str
    start: int
    end: int
    country: str = Field(description="ISO 3166 alpha-2 (XX: abroad, unspecified).")
    scam_hub: bool


class SalaryOut(Schema):
    value: int
    text: str
    start: int
    end: int
    amount: float
    currency: str = Field(description="ISO 4217 code: IDR, USD, MYR, SGD, ...")
    currency_text: str | None = Field(description="As written: Rp, RM, $, ...")
    period: Literal["month", "day", "week", "hour", "year"]
    idr_per_month: int


class EntitiesOut(Schema):
    phones: list[PhoneOut]
    links: list[EntityOut]
    emails: list[EmailOut]
    handles: list[EntityOut]
    companies: list[CompanyOut]
    accounts: list[AccountOut]
    destinations: list[DestinationOut]
    salaries: list[SalaryOut]


class ReportedOut(Schema):
    kind: str
    value: str
    reason: str


class ScreeningOut(Schema):
    is_job_offer: bool = Field(description="False for warnings, news and other texts that offer no job.")
    risk_level: Literal["tinggi", "sedang", "rendah"]
    score: float = Field(ge=0, le=1, description="1 - product of (1 - flag weight): explained by the flags.")
    summary: str
    flags: list[FlagOut]
    positive_signals: list[SignalOut]
    entities: EntitiesOut
    reported_identifiers: list[ReportedOut]
    advice: list[str]
    language: Literal["id", "en"]
    rules_version: str


@router.post("/screenings", response={200: ScreeningOut, 422: ErrorOut}, summary="Check a job offer")
def create_screening(request: HttpRequest, payload: ScreeningIn) -> dict:
    """Explained risk check of a job offer or recruiter message. The text is not stored; only anonymous
    weekly counters (risk level, flags) are kept. Errors (empty or over-long text) answer 422 in the language of
    Accept-Language (Indonesian by default)."""
    return screening_check(
        text=payload.text,
        language=_reader_language(request, payload.language),
        channel=ScreeningStat.Channel.API,
        ref=payload.ref or "",
    )


def _reader_language(request: HttpRequest, asked: str | None) -> str | None:
    """The explicit `language`, else the Accept-Language the client sent, else None: detected from the text."""
    if asked:
        return asked
    if request.META.get("HTTP_ACCEPT_LANGUAGE"):
        return "en" if getattr(request, "LANGUAGE_CODE", "id").startswith("en") else "id"
    return None
