"""Checks on a screening record, shared by the counter form and the API through `screening_record`.

Every problem is reported at once, keyed by field, in Indonesian (English through gettext).
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from jaring.checkpoints import guide
from jaring.checkpoints.models import Payer, ScreeningParty, Sex, Ticket
from jaring.lib import regions
from jaring.lib.phones import normalise_phone
from jaring.reports.models import PartyKind
from jaring.reports.validation import normalise_party

NAME_MAX = 200
NOTES_MAX = 5_000
MAX_PARTIES = 20
CLOCK_SKEW = timedelta(minutes=5)  # a tablet's clock a little ahead is not a "future" record
OLDEST = timedelta(days=30)  # a screening is recorded at the counter, or at the latest after the shift
# Passport numbers as printed: one or two letters then 6-8 digits (Indonesian: one letter + 7 digits).
PASSPORT = re.compile(r"^[A-Z]{1,2}[0-9]{6,8}$")
_MARKUP = re.compile(r"[<>{}]|&#?\w+;|javascript:", re.IGNORECASE)


@dataclass(frozen=True)
class PartyRow:
    role: str
    kind: str
    value: str
    normalized: str


def normalise_passport(raw: str) -> str:
    return re.sub(r"[\s\-.]", "", (raw or "").upper())


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def clean_screening(*, now: datetime, data: dict[str, Any]) -> dict[str, Any]:
    """Returns cleaned values or raises ValidationError({field: [messages]}) listing every problem."""
    errors: dict[str, list[str]] = {}
    out: dict[str, Any] = {}
    g = guide.load()

    def fail(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    screened_at = data.get("screened_at") or now
    if not isinstance(screened_at, datetime):
        fail("screened_at", _("Waktu tidak valid; gunakan format TTTT-BB-HH JJ:MM."))
    else:
        if timezone.is_naive(screened_at):
            screened_at = timezone.make_aware(screened_at)
        if screened_at > now + CLOCK_SKEW:
            fail("screened_at", _("Waktu pemeriksaan tidak boleh di masa depan."))
        elif screened_at < now - OLDEST:
            fail("screened_at", _("Waktu pemeriksaan lebih dari 30 hari yang lalu; periksa tanggalnya."))
    out["screened_at"] = screened_at

    name = _text(data.get("traveller_name"))
    if not name:
        fail("traveller_name", _("Tulis nama pelaku perjalanan sesuai paspor."))
    elif len(name) > NAME_MAX:
        fail("traveller_name", _("Terlalu panjang: maksimal %(n)s karakter.") % {"n": NAME_MAX})
    elif _MARKUP.search(name):
        fail("traveller_name", _("Nama tidak boleh berisi kode atau tanda < > { }; tulis sesuai paspor."))
    out["traveller_name"] = " ".join(name.split())

    passport = normalise_passport(_text(data.get("passport_number")))
    if not passport:
        fail("passport_number", _("Tulis nomor paspor."))
    elif not PASSPORT.match(passport):
        fail(
            "passport_number",
            _("Nomor paspor tidak sesuai format: huruf lalu angka, mis. X1234567."),
        )
    out["passport_number"] = passport

    phone = _text(data.get("traveller_phone"))
    if phone and (len(phone) > 40 or normalise_phone(phone) is None):
        fail("traveller_phone", _("Nomor telepon tidak dikenali (mis. 0812-3456-7890)."))
    out["traveller_phone"] = phone

    out["sex"] = _text(data.get("sex"))
    if out["sex"] and out["sex"] not in Sex.values:
        fail("sex", _("Pilih jenis kelamin: L atau P."))
    birth_year = data.get("birth_year")
    if birth_year in (None, ""):
        out["birth_year"] = None
    else:
        try:
            out["birth_year"] = int(birth_year)
        except (TypeError, ValueError):
            out["birth_year"] = None
            fail("birth_year", _("Tahun lahir harus berupa angka, mis. 1998."))
        else:
            if not now.year - 100 <= out["birth_year"] <= now.year:
                fail("birth_year", _("Tahun lahir tidak masuk akal; periksa kembali."))

    origin = _text(data.get("origin_region_code"))
    region = regions.get(origin) if origin else None
    if origin and region is None:
        fail("origin_region_code", _("Kode wilayah asal tidak dikenal."))
    out["origin_region_code"] = region.code if region else ""

    out["destination"] = _text(data.get("destination")).upper()
    if out["destination"] not in g.destination_codes:
        fail("destination", _("Pilih negara tujuan."))
    out["purpose"] = _text(data.get("purpose"))
    if out["purpose"] not in g.purpose_codes:
        fail("purpose", _("Pilih tujuan perjalanan."))
    out["ticket"] = _text(data.get("ticket"))
    if out["ticket"] not in Ticket.values:
        fail("ticket", _("Pilih jenis tiket."))
    out["paid_by"] = _text(data.get("paid_by"))
    if out["paid_by"] not in Payer.values:
        fail("paid_by", _("Pilih siapa yang membayar perjalanan."))

    out["answers"], answer_errors = guide.clean_answers(data.get("answers"))
    for message in answer_errors:
        fail("answers", message)

    out["notes"] = _text(data.get("notes"))
    if len(out["notes"]) > NOTES_MAX:
        fail("notes", _("Catatan terlalu panjang: maksimal %(n)s karakter.") % {"n": NOTES_MAX})

    out["parties"], party_errors = clean_screening_parties(data.get("parties"))
    for message in party_errors:
        fail("parties", message)

    if errors:
        raise ValidationError(errors)
    return out


def clean_screening_parties(raw: Any) -> tuple[list[PartyRow], list[str]]:
    """Sponsor/recruiter/escort identifiers, normalised like report parties so that they link alike."""
    errors: list[str] = []
    out: list[PartyRow] = []
    for number, item in enumerate(list(raw or []), start=1):
        row = (
            item if isinstance(item, dict) else {k: getattr(item, k, None) for k in ("role", "kind", "value")}
        )
        role, kind, value = (
            _text(row.get("role")) or "sponsor",
            _text(row.get("kind")),
            _text(row.get("value")),
        )
        if not value:
            continue  # an empty row of the form
        if role not in ScreeningParty.Role.values:
            errors.append(_("Baris %(n)s: pilih peran (sponsor, perekrut, pendamping).") % {"n": number})
        elif kind not in PartyKind.values:
            errors.append(
                _("Baris %(n)s: pilih jenis (nomor telepon, akun, perusahaan, ...).") % {"n": number}
            )
        elif len(value) > 300:
            errors.append(_("Baris %(n)s: terlalu panjang (maksimal 300 karakter).") % {"n": number})
        elif _MARKUP.search(value):
            errors.append(_("Baris %(n)s: tidak boleh berisi kode atau tanda < > { }.") % {"n": number})
        else:
            out.append(PartyRow(role, kind, value, normalise_party(kind, value)))
    if len(out) > MAX_PARTIES:
        errors.append(_("Paling banyak %(n)s pihak per pemeriksaan.") % {"n": MAX_PARTIES})
    return out, errors
