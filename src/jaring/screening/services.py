"""Writes of the screening app: checks (which only bump anonymous counters), registry imports, confirmations."""

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from jaring.audit.services import audit_record
from jaring.lib import identifiers

from . import ocr
from .engine import MAX_LENGTH, company_key, screen
from .models import ConfirmedIdentifier, P3mi, ScreeningStat
from .selectors import database_lookups, reset_registry_cache

_REF = re.compile(r"[A-Za-z0-9_-]{1,32}")


def clean_ref(raw: str | None) -> str:
    """An outreach event code (?ref=) as stored in the counters, or "" when absent or malformed."""
    value = (raw or "").strip()
    return value if _REF.fullmatch(value) else ""


def validate_text(text: str | None) -> str:
    """The text to check, or a ValidationError in the active language (empty, blank or too long)."""
    if text is None or not text.strip():
        raise ValidationError(
            _("Teks tawaran kosong. Tempel teks tawaran kerja yang ingin diperiksa."), code="empty"
        )
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            _("Teks terlalu panjang: %(length)s karakter, maksimal %(max)s.")
            % {"length": f"{len(text):,}".replace(",", "."), "max": f"{MAX_LENGTH:,}".replace(",", ".")},
            code="too_long",
        )
    return text


def screening_check(
    *, text: str, language: str | None, channel: str, ref: str = "", record: bool = True
) -> dict:
    """Check one text and count it (anonymously) in the weekly statistics. The text is not stored."""
    result = screen(validate_text(text), language=language, lookups=database_lookups())
    if record:
        screening_stat_record(result=result, channel=channel, ref=ref)
    return result


def screening_read_image(*, data: bytes) -> ocr.Reading:
    """The text of a screenshot or flyer photo (OCR, in memory; the image is not kept), or a ValidationError
    on the field `image` with a message in the active language."""
    try:
        reading = ocr.read_image(data)
    except ocr.OcrError as error:
        raise ValidationError({"image": ValidationError(error.message, code=error.code)}) from None
    reading.text = reading.text[:MAX_LENGTH]
    return reading


def iso_week(day: date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def screening_stat_record(*, result: dict, channel: str, ref: str = "") -> None:
    """One check -> +1 on its risk level and +1 on each of its flags, atomically (F() updates).

    No audit event: the counters hold no personal data, and an audit row per anonymous check would be exactly
    the log of checks that the public is promised we do not keep.
    """
    week = iso_week(timezone.localdate())
    keys = [""] + [flag["code"] for flag in result["flags"]]
    common = {"week": week, "risk_level": result["risk_level"], "channel": channel, "ref": clean_ref(ref)}
    # Usually every counter row already exists this week: one UPDATE counts them all. When some are new, that
    # UPDATE is rolled back and the check is counted row by row below.
    with transaction.atomic():
        if ScreeningStat.objects.filter(**common, flag__in=keys).update(count=F("count") + 1) == len(keys):
            return
        transaction.set_rollback(True)
    with transaction.atomic():
        for flag in keys:
            lookup = common | {"flag": flag}
            if ScreeningStat.objects.filter(**lookup).update(count=F("count") + 1):
                continue
            try:
                with transaction.atomic():
                    ScreeningStat.objects.create(**lookup, count=1)
            except IntegrityError:  # a concurrent check created the row first
                ScreeningStat.objects.filter(**lookup).update(count=F("count") + 1)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    deactivated: int = 0


@transaction.atomic
def p3mi_import(
    *, rows: list[dict], source: str, actor: object = None, replace: bool = False
) -> ImportResult:
    """Upsert registry rows by licence number; with replace, licences missing from the file become inactive."""
    result = ImportResult()
    seen = []
    for row in rows:
        defaults = {
            "name": row["name"],
            "name_key": company_key(row["name"]),
            "address": row.get("address", ""),
            "phones": ",".join(row.get("phones", [])),
            "is_active": row.get("is_active", True),
            "is_sample": row.get("is_sample", False),
            "source": source[:200],
        }
        _obj, created = P3mi.objects.update_or_create(licence_number=row["licence_number"], defaults=defaults)
        seen.append(row["licence_number"])
        if created:
            result.created += 1
        else:
            result.updated += 1
    if replace:
        result.deactivated = (
            P3mi.objects.exclude(licence_number__in=seen).filter(is_active=True).update(is_active=False)
        )
    transaction.on_commit(reset_registry_cache)
    audit_record(
        action="screening.p3mi_import",
        actor=actor,
        actor_label="" if actor else "import_p3mi",
        object_type="screening.p3mi",
        summary=f"{source}: {result.created} baru, {result.updated} diperbarui, {result.deactivated} dinonaktifkan",
        data={
            "source": source,
            "created": result.created,
            "updated": result.updated,
            "deactivated": result.deactivated,
        },
    )
    return result


@transaction.atomic
def confirmed_identifier_add(
    *, kind: str, raw_value: str, reason: str, confirmed_by: object
) -> ConfirmedIdentifier:
    """Record an identifier an officer confirmed in a verified report; the value is normalised first."""
    if kind not in ConfirmedIdentifier.Kind.values:
        raise ValidationError({"kind": _("Jenis identitas tidak dikenal.")})
    values = [value for k, value in identifiers.normalise(kind, raw_value) if k == kind]
    if not values:
        raise ValidationError(
            {
                "raw_value": _("Nilai ini bukan %(kind)s yang valid.")
                % {"kind": ConfirmedIdentifier.Kind(kind).label}
            }
        )
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Tuliskan alasan atau nomor laporan yang menjadi dasar konfirmasi.")}
        )
    confirmed, created = ConfirmedIdentifier.objects.get_or_create(
        kind=kind, value=values[0], defaults={"reason": reason.strip()[:300], "confirmed_by": confirmed_by}
    )
    if created:
        audit_record(
            action="screening.identifier_confirm",
            actor=confirmed_by,
            obj=confirmed,
            summary=f"{kind}:{values[0]}",
            data={"reason": confirmed.reason},
        )
    return confirmed


@transaction.atomic
def confirmed_identifier_remove(*, confirmed: ConfirmedIdentifier, actor: object) -> None:
    audit_record(
        action="screening.identifier_unconfirm",
        actor=actor,
        obj=confirmed,
        summary=f"{confirmed.kind}:{confirmed.value}",
    )
    confirmed.delete()
