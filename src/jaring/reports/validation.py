"""Checks on a public submission, shared by the web form, the API and WhatsApp through report_submit.

Every message is a gettext string (Indonesian source, English catalog) keyed by the submitted field name, so
the web form shows it beside the field and the API returns it as {"field", "message"}.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jaring.lib import identifiers, regions
from jaring.lib.phones import normalise_phone
from jaring.reports.models import Category, IdentityMode, PartyKind

DESCRIPTION_MIN = 10
DESCRIPTION_MAX = 10_000
MESSAGE_MAX = 5_000
MAX_PARTIES = 20
REPORTER_LANGUAGES = ("id", "en")  # the languages of /lapor/ (the notification's link follows it)


# What each kind must read as, said the way a citizen can act on it (lib.identifiers decides what reads).
PARTY_PROBLEMS = {
    PartyKind.PHONE: gettext_lazy(
        "Nomor telepon tidak dikenali. Tulis satu nomor lengkap, mis. 0812-3456-7890 atau +60 12-345 6789."
    ),
    PartyKind.EMAIL: gettext_lazy("Alamat email tidak valid. Tulis lengkap, mis. nama@contoh.com."),
    PartyKind.URL: gettext_lazy(
        "Tautan tidak valid. Tulis alamatnya, mis. https://contoh.com/lowongan atau wa.me/62812..."
    ),
    PartyKind.HANDLE: gettext_lazy(
        "Akun media sosial tidak dikenali. Tulis satu akun, mis. @namaakun atau IG @namaakun."
    ),
    PartyKind.ACCOUNT: gettext_lazy(
        "Nomor rekening atau dompet digital tidak dikenali. Tulis nama bank/dompet dan nomornya, "
        "mis. BCA 1234567890 atau DANA 0812-3456-7890."
    ),
    PartyKind.COMPANY: gettext_lazy("Nama perusahaan tidak terbaca. Tulis namanya, mis. PT Maju Jaya."),
    PartyKind.PERSON: gettext_lazy(
        "Nama orang tidak terbaca. Tulis namanya saja (tanpa angka, paling banyak 6 kata)."
    ),
    PartyKind.PASSPORT: gettext_lazy(
        "Nomor paspor tidak valid. Paspor Indonesia, mis. C1234567 atau X1234567."
    ),
    PartyKind.PLATE: gettext_lazy(
        "Pelat kendaraan tidak dikenali. Tulis seperti di pelatnya, mis. BP 1234 XY."
    ),
    PartyKind.VESSEL: gettext_lazy("Nama kapal tidak terbaca. Tulis namanya, mis. KM Sinar Jaya."),
}
PARTY_VALUE_MAX = 300


@dataclass(frozen=True)
class PartyInput:
    kind: str
    value: str
    normalized: str  # "" when the value is kept as written but not linked (an ambiguous evasive form)


def normalise_party(kind: str, value: str) -> str:
    """The form Jaringan matches the same identifier by across reports (lib.identifiers.normalise, the one
    normaliser): an E.164 phone, a host/path URL, a legal-form-free company name; "" if it is not usable."""
    found = identifiers.normalise(kind, value)
    return found[0][1] if found else ""


def clean_party(kind: str, value: str) -> PartyInput:
    """One party as the linker reads it; ValidationError({"kind" or "value": message}) when it cannot be.

    A value the linker normalises is stored with that normal form ("08l2-3456-7890" -> +6281234567890). An
    evasive form the reader finds only ambiguous readings for is kept as written with no normal form: never
    linked, only proposed to an officer by Jaringan (lib.identifiers.from_parties with proposals).
    """
    kind, value = kind.strip(), value.strip()
    if kind not in PartyKind.values:
        raise ValidationError({"kind": _("Pilih jenis pihak (nomor telepon, akun, perusahaan, ...).")})
    if len(value) > PARTY_VALUE_MAX:
        raise ValidationError(
            {"value": _("Terlalu panjang: maksimal %(n)s karakter.") % {"n": PARTY_VALUE_MAX}}
        )
    normalized = normalise_party(kind, value)
    if not normalized and not identifiers.read_value(kind, value)[0]:
        raise ValidationError({"value": str(PARTY_PROBLEMS[PartyKind(kind)])})
    return PartyInput(kind, value, normalized)


def _field(item: Any, name: str) -> str:
    raw = item.get(name) if isinstance(item, dict) else getattr(item, name, None)
    return "" if raw is None else str(raw)


def clean_parties(parties: Any) -> tuple[list[PartyInput], dict[str, list[str]]]:
    """The filled rows cleaned, and the problems keyed `parties.<row>.<kind|value>` (rows counted from 0 in
    the order given, empty rows included, as the API's schema errors are): the form shows each beside its row."""
    cleaned: list[PartyInput] = []
    errors: dict[str, list[str]] = {}
    for index, item in enumerate(list(parties or [])):
        kind, value = _field(item, "kind"), _field(item, "value")
        if not value.strip():
            continue  # an empty row of the form
        try:
            cleaned.append(clean_party(kind, value))
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                errors.setdefault(f"parties.{index}.{name}", []).extend(messages)
    if len(cleaned) > MAX_PARTIES:
        errors.setdefault("parties", []).append(
            _("Paling banyak %(n)s pihak per laporan.") % {"n": MAX_PARTIES}
        )
    return cleaned, errors


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def clean_contact(contact: str) -> str | None:
    """A contact officers can use: a phone/WhatsApp number or an email address. None when it is neither."""
    if normalise_phone(contact):
        return contact
    try:
        validate_email(contact)
    except ValidationError:
        return None
    return contact


def clean_submission(*, today: date, **data: Any) -> dict[str, Any]:
    """Returns the cleaned values or raises ValidationError({field: [messages]}) listing every problem."""
    errors: dict[str, list[str]] = {}
    out: dict[str, Any] = {}

    def fail(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    out["category"] = _text(data.get("category"))
    if out["category"] not in Category.values:
        fail("category", _("Pilih salah satu kategori laporan."))

    description = _text(data.get("description"))
    if not description:
        fail("description", _("Ceritakan apa yang terjadi."))
    elif len(description) < DESCRIPTION_MIN:
        fail(
            "description",
            _("Ceritakan sedikit lebih lengkap (minimal %(n)s karakter).") % {"n": DESCRIPTION_MIN},
        )
    elif len(description) > DESCRIPTION_MAX:
        fail("description", _("Terlalu panjang: maksimal %(n)s karakter.") % {"n": DESCRIPTION_MAX})
    out["description"] = description

    incident_date = data.get("incident_date")
    if incident_date is not None and not isinstance(incident_date, date):
        fail("incident_date", _("Tanggal tidak valid; gunakan format TTTT-BB-HH (mis. 2026-01-31)."))
        incident_date = None
    if incident_date and incident_date > today:
        fail("incident_date", _("Tanggal kejadian tidak boleh di masa depan."))
    elif incident_date and incident_date.year < 1950:
        fail("incident_date", _("Tanggal kejadian terlalu lama; periksa tahunnya."))
    out["incident_date"] = incident_date

    region_code = _text(data.get("region_code"))
    region = regions.get(region_code) if region_code else None
    if region_code and region is None:
        fail("region_code", _("Kode wilayah tidak dikenal."))
    out["region_code"] = region.code if region else ""

    for field, limit in (("location_text", 300), ("heard_from", 100)):
        out[field] = _text(data.get(field))
        if len(out[field]) > limit:
            fail(field, _("Terlalu panjang: maksimal %(n)s karakter.") % {"n": limit})

    _clean_identity(data, out, fail)

    out["parties"], party_errors = clean_parties(data.get("parties"))
    for field, messages in party_errors.items():
        for message in messages:
            fail(field, message)

    if errors:
        raise ValidationError(errors)
    return out


def _clean_identity(data: dict[str, Any], out: dict[str, Any], fail: Any) -> None:
    mode = _text(data.get("identity_mode"))
    name, contact = _text(data.get("reporter_name")), _text(data.get("reporter_contact"))
    share = bool(data.get("share_identity_with_partners"))
    notify = bool(data.get("notify_new_answer"))
    language = _text(data.get("reporter_language"))
    out.update(
        identity_mode=mode,
        reporter_name=name,
        reporter_contact=contact,
        share_identity_with_partners=share,
        notify_new_answer=notify,
        reporter_language=language if language in REPORTER_LANGUAGES else "",
    )
    if mode not in IdentityMode.values:
        fail("identity_mode", _("Pilih cara melapor: anonim atau rahasia."))
    elif mode == IdentityMode.ANONIM:
        # Anonim means nothing is collected: refuse rather than silently store an identity.
        message = _("Laporan anonim tidak menyimpan identitas: kosongkan isian ini atau pilih mode rahasia.")
        if name:
            fail("reporter_name", message)
        if contact:
            fail("reporter_contact", message)
        if share:
            fail("share_identity_with_partners", message)
        if notify:
            fail("notify_new_answer", message)
    else:
        if not name:
            fail(
                "reporter_name",
                _("Tulis nama Anda (hanya petugas yang menangani laporan yang dapat melihatnya)."),
            )
        elif len(name) > 200:
            fail("reporter_name", _("Terlalu panjang: maksimal %(n)s karakter.") % {"n": 200})
        if not contact:
            fail(
                "reporter_contact", _("Tulis nomor telepon/WhatsApp atau alamat email yang dapat dihubungi.")
            )
        elif len(contact) > 200 or clean_contact(contact) is None:
            fail(
                "reporter_contact",
                _(
                    "Kontak tidak dikenali: tulis nomor telepon/WhatsApp (mis. 0812-3456-7890) atau alamat email."
                ),
            )
