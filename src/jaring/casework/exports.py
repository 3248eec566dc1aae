"""CSV/XLSX export of the filtered inbox for supervisors: structured fields only, audit-logged.

No identity field and no free text (description, messages) leaves the system this way: free text can name
the reporter or victims, and an export travels further than the application (UU 27/2022 PDP, data
minimisation).
"""

import csv
import io
from collections.abc import Iterator

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook

from jaring.accounts.models import User
from jaring.accounts.permissions import can_supervise, require
from jaring.audit.services import audit_record
from jaring.reports.models import Report

EXPORT_MAX_ROWS = 100_000
# (column heading, field read for it): no identity field is ever listed here (export redaction).
FIELDS = [
    ("tracking_code", "tracking_code"),
    ("created_at", "created_at"),
    ("channel", "channel"),
    ("category", "category"),
    ("status", "status"),
    ("priority", "priority"),
    ("region_code", "region_code"),
    ("assignee", "assignee__username"),
    ("verify_due", "verify_due"),
    ("follow_up_due", "follow_up_due"),
    ("closed_at", "closed_at"),
    ("close_reason", "close_reason"),
    ("duplicate_of", "duplicate_of__tracking_code"),
]
COLUMNS = [column for column, _field in FIELDS]


def _rows(qs: QuerySet[Report]) -> Iterator[list[str]]:
    values = qs.order_by("-pk").values_list(*(field for _column, field in FIELDS))[:EXPORT_MAX_ROWS]
    for row in values.iterator(chunk_size=2000):
        yield ["" if v is None else (v.isoformat() if hasattr(v, "isoformat") else str(v)) for v in row]


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


def export_csv(qs: QuerySet[Report]) -> Iterator[str]:
    """Streams CSV lines (the header first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in _with_header(qs):
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)


def _with_header(qs: QuerySet[Report]) -> Iterator[list[str]]:
    yield COLUMNS
    yield from _rows(qs)


def export_xlsx(qs: QuerySet[Report]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("laporan")
    for row in _with_header(qs):
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
