"""Typed request/response shapes of the outreach API (shown in the OpenAPI schema)."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Schema

EventKindCode = Literal["sosialisasi", "penyuluhan", "koordinasi", "jemput_bola", "kampanye_medsos"]
TopicCode = Literal["tppo", "pmi_prosedural", "m_paspor", "e_visa", "izin_tinggal", "apoa", "kanal_pengaduan"]
AudienceCode = Literal[
    "pelajar",
    "mahasiswa",
    "nelayan",
    "ibu_rumah_tangga",
    "pencari_kerja",
    "pekerja_industri",
    "pengelola_penginapan",
    "perangkat_desa",
    "tokoh_masyarakat",
    "umum",
]


class VillageIn(Schema):
    region_code: str = Field(
        ..., description="Kemendagri desa/kelurahan code inside the office's region, e.g. 21.71.08.1007"
    )
    officer: str | None = Field(
        None, description="Username of the Pimpasa if they are an officer of the office"
    )
    officer_name: str = Field("", max_length=120, description="Name of a Pimpasa without a Jaring account")
    latitude: Decimal | None = None
    longitude: Decimal | None = None


class VillageOut(Schema):
    id: int
    region_code: str
    name: str
    officer: str | None
    officer_name: str
    latitude: Decimal | None
    longitude: Decimal | None


class ProgrammeIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    starts_on: date
    ends_on: date
    goals: str = ""
    agencies: list[str] = Field([], description="Partner agency slugs, e.g. bp3mi-kepri")
    villages: list[VillageIn] = []


class ProgrammePatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    starts_on: date | None = None
    ends_on: date | None = None
    goals: str | None = None
    agencies: list[str] | None = None


class ProgrammeOut(Schema):
    id: int
    name: str
    starts_on: date
    ends_on: date
    goals: str
    agencies: list[str]
    is_sample: bool
    villages: list[VillageOut]


class Attendance(Schema):
    total: int = Field(..., ge=0)
    male: int = Field(..., ge=0)
    female: int = Field(..., ge=0)
    age_under_18: int = Field(0, ge=0)
    age_18_25: int = Field(0, ge=0)
    age_26_40: int = Field(0, ge=0)
    age_41_60: int = Field(0, ge=0)
    age_over_60: int = Field(0, ge=0)


class EventIn(Schema):
    title: str = Field(..., min_length=1, max_length=200)
    kind: EventKindCode
    starts_at: datetime = Field(
        ..., description="ISO 8601; without an offset it is read in the office time zone"
    )
    ends_at: datetime
    region_code: str = ""
    venue: str = Field("", max_length=200)
    programme_id: int | None = None
    topics: list[TopicCode] = []
    audiences: list[AudienceCode] = []
    agencies: list[str] = Field([], description="Partner agency slugs")
    materials: str = ""
    notes: str = ""
    follow_ups: str = ""


class EventPatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    kind: EventKindCode | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    region_code: str | None = None
    venue: str | None = Field(None, max_length=200)
    programme_id: int | None = None
    topics: list[TopicCode] | None = None
    audiences: list[AudienceCode] | None = None
    agencies: list[str] | None = None
    materials: str | None = None
    notes: str | None = None
    follow_ups: str | None = None


class EventOut(Schema):
    id: int
    code: str
    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    region_code: str
    place: str
    venue: str
    programme_id: int | None
    topics: list[str]
    audiences: list[str]
    agencies: list[str]
    materials: str
    notes: str
    follow_ups: str
    quiz_questions: list[str]
    attendance: Attendance
    is_sample: bool


class MissedOut(Schema):
    question_id: str
    text: str
    missed: int
    answered: int


class QuizResultsOut(Schema):
    participants_pre: int
    participants_post: int
    mean_pre: float | None = Field(None, description="Mean percent correct before the event")
    mean_post: float | None
    gain: float | None = Field(None, description="mean_post - mean_pre, percentage points")
    ci_low: float | None = Field(None, description="95% Welch t interval of the gain (independent samples)")
    ci_high: float | None
    df: float | None
    most_missed_after: list[MissedOut]


class PublicEventOut(Schema):
    code: str
    title: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    region_code: str
    place: str
    topics: list[str]
    audiences: list[str]
    attendance_total: int | None = Field(None, description="Only for events that have ended")
