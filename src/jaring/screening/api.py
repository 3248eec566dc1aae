"""POST /api/v1/screenings: the explained risk check of a job offer, as JSON."""

from typing import Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from ninja import Field, File, Form, Router, Schema
from ninja.files import UploadedFile
from pydantic import field_validator

from jaring.lib.api_errors import ErrorOut

from .engine import MAX_LENGTH
from .models import ScreeningStat
from .ocr import MAX_BYTES
from .services import screening_check, screening_read_image, validate_text

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
    found_by: Literal["rules", "model"] = Field(
        description="rules: a rule's phrase or detector; model: the learned scorer's flag head (its words)."
    )


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


class SimilarCaseOut(Schema):
    id: str = Field(description="Corpus item id (src/jaring/screening/data/corpus/).")
    summary: str = Field(description="The corpus text (reworded from its source), shortened.")
    title: str
    outlet: str
    date: str
    url: str = Field(description="The public source the case is documented in.")
    similarity: float


class ScreeningOut(Schema):
    is_job_offer: bool = Field(description="False for warnings, news and other texts that offer no job.")
    risk_level: Literal["tinggi", "sedang", "rendah"]
    score: float = Field(
        ge=0,
        le=1,
        description="Calibrated probability that this is a risky offer (rules + learned scorer), never below "
        "the hard flags' noisy-OR nor a flag's floor; with no model file: 1 - product of (1 - flag weight).",
    )
    summary: str
    flags: list[FlagOut]
    positive_signals: list[SignalOut]
    entities: EntitiesOut
    reported_identifiers: list[ReportedOut]
    advice: list[str]
    similar_cases: list[SimilarCaseOut] = Field(
        description="When the learned scorer raises the alarm: the nearest documented risk cases, with sources."
    )
    model_score: float | None = Field(description="The learned scorer's calibrated risk; null: not applied.")
    language: Literal["id", "en"]
    rules_version: str
    model_version: str | None


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


class ImageScreeningOut(Schema):
    recognised_text: str = Field(
        description="The text read from the image (OCR). Show it for correction; POST the corrected text to "
        "/api/v1/screenings to check it again."
    )
    rotated: int = Field(description="Degrees the image was turned to read it (0 when upright).")
    screening: ScreeningOut


@router.post(
    "/screenings/image",
    response={200: ImageScreeningOut, 422: ErrorOut},
    summary="Check a screenshot or flyer photo of a job offer",
)
def create_image_screening(
    request: HttpRequest,
    image: File[UploadedFile],
    language: Form[Literal["id", "en"] | None] = None,
    ref: Form[str | None] = None,
) -> dict:
    """`image`: JPEG, PNG or WebP, at most 10 MB and 64 megapixels. Reads the text with Tesseract OCR (Indonesian), then checks it like POST /screenings. The
    image is read in memory and not stored; the text is not stored. 422 (field `image`) for a file that is not
    a JPEG/PNG/WebP image, over 10 MB or 64 megapixels, a blank image or text in a script other than Latin."""
    reading = screening_read_image(data=image.read(MAX_BYTES + 1))
    result = screening_check(
        text=reading.text,
        language=_reader_language(request, language),
        channel=ScreeningStat.Channel.API,
        ref=ref or "",
    )
    return {"recognised_text": reading.text, "rotated": reading.rotated, "screening": result}
