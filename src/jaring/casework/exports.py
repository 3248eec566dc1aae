"""CSV/XLSX export of the filtered inbox for supervisors: structured fields only, audit-logged.

No identity field and no free text (description, messages) leaves the system this way: free text can name
the reporter or victims, and an export travels further than the application (UU 27/2022 PDP, data
minimisation).
"""

import csv
import io
import itertools
from collections.abc import Iterator
from datetime import date, datetime, tzinfo

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from jaring.accounts.models import User
from jaring.accounts.permissions import can_supervise, require
from jaring.audit.services import audit_record
from jaring.lib import regions
from jaring.reports.models import Category, Channel, Priority, Report, Status

EXPORT_MAX_ROWS = 100_000
# The fields read (no identity field is ever listed here: export redaction), in column order.
FIELDS = (
    "tracking_code", "created_at", "channel", "category", "status", "priority", "region_code",
    "assignee__username", "verify_due", "follow_up_due", "closed_at", "close_reason",
    "duplicate_of__tracking_code",
)  # fmt: skip
CHOICES = {"channel": Channel, "category": Category, "status": Status, "priority": Priority}


def columns(zone: tzinfo) -> list[str]:
    """Headings in the reader's language; a coded field has a label column and a code column for machines."""
    local = _("%(what)s (%(zone)s)")
    name = timezone.localtime(timezone.now(), zone).tzname() or str(zone)
    return [
        _("Kode laporan"), local % {"what": pgettext("report", "Masuk"), "zone": name},
        _("Kanal"), _("Kode kanal"), _("Kategori"), _("Kode kategori"), _("Status"), _("Kode status"),
        _("Prioritas"), _("Kode prioritas"), _("Wilayah"), _("Kode wilayah"), _("Petugas"),
        _("Batas verifikasi"), _("Batas tindak lanjut"), local % {"what": _("Ditutup"), "zone": name},
        _("Alasan penutupan"), _("Duplikat dari"),
    ]  # fmt: skip


def table(qs: QuerySet[Report], zone: tzinfo) -> Iterator[list[str]]:
    """The heading row, then one row per report. Headings and labels are translated here, in the request's
    language: a streamed body is written after the view has returned."""
    labels = {
        field: {value: str(label) for value, label in choices.choices} for field, choices in CHOICES.items()
    }
    return itertools.chain([columns(zone)], _rows(qs, zone, labels))


def _rows(qs: QuerySet[Report], zone: tzinfo, labels: dict[str, dict[str, str]]) -> Iterator[list[str]]:
    values = qs.order_by("-pk").values(*FIELDS)[:EXPORT_MAX_ROWS]
    for row in values.iterator(chunk_size=2000):
        region = regions.get(row["region_code"]) if row["region_code"] else None
        yield [
            row["tracking_code"], _local(row["created_at"], zone),
            *_coded(labels, "channel", row), *_coded(labels, "category", row),
            *_coded(labels, "status", row), *_coded(labels, "priority", row),
            region.full_label if region else "", row["region_code"], row["assignee__username"] or "",
            _day(row["verify_due"]), _day(row["follow_up_due"]), _local(row["closed_at"], zone),
            row["close_reason"], row["duplicate_of__tracking_code"] or "",
        ]  # fmt: skip


def _coded(labels: dict[str, dict[str, str]], field: str, row: dict) -> tuple[str, str]:
    code = row[field] or ""
    return labels[field].get(code, code), code


def _local(moment: datetime | None, zone: tzinfo) -> str:
    """The time officers see on screen: in the office's zone, to the minute."""
    return timezone.localtime(moment, zone).strftime("%Y-%m-%d %H:%M") if moment else ""


def _day(day: date | None) -> str:
    return day.isoformat() if day else ""


@transaction.atomic
def export_record(*, actor: User, fmt: str, params: dict[str, str]) -> None:
    require(can_supervise(actor), _("Hanya supervisor yang dapat mengekspor laporan."))
    audit_record(
        action="report.exported",
        actor=actor,
        office=actor.office,
        object_type="reports.report",
        summary=f"{fmt}: {params}"[:300],
        data={"format": fmt, "filters": params},
    )


def export_csv(qs: QuerySet[Report], zone: tzinfo | None = None) -> Iterator[str]:
    """Streams CSV lines (the header first); times in `zone` (default: the zone the screens show)."""
    return _csv_lines(table(qs, zone or timezone.get_current_timezone()))


def _csv_lines(rows: Iterator[list[str]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)


def export_xlsx(qs: QuerySet[Report], zone: tzinfo | None = None) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("laporan"))
    for row in table(qs, zone or timezone.get_current_timezone()):
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
