"""The shift summary as CSV and XLSX: counts only (no identity), one row per (section, key, value)."""

import csv
import io
from datetime import date

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from jaring.accounts.models import User
from jaring.checkpoints import guide, stats
from jaring.checkpoints.models import Outcome
from jaring.lib import regions


def rows(user: User, start: date, end: date, checkpoint_id: int | None) -> list[tuple[str, str, str, int]]:
    """(section, key, label, n): what the summary page shows, plus outcomes per TPI per day."""
    s = stats.summary(user, start, end, checkpoint_id)
    g = guide.load()
    out: list[tuple[str, str, str, int]] = [("total", "", _("Jumlah pemeriksaan"), s.total)]
    out += [("outcome", k, str(Outcome(k).label), n) for k, n in s.outcomes.items()]
    out += [("reason", k, g.reason_label(k), n) for k, n in s.reasons]
    out += [("destination", k, g.destination_label(k), n) for k, n in s.destinations]
    for code, n in s.origin_provinces:
        region = regions.get(code)
        out.append(("origin_province", code, region.name if region else code, n))
    out.append(("repeat", "", _("Percobaan berulang"), s.repeats))
    out += [("handover", status, agency, n) for agency, status, n in s.handovers]
    qs = stats.in_range(user, start, end, checkpoint_id)
    for r in stats.outcomes_per_period(qs, user, by="day"):
        out.append(("per_day", f"{r['period']}|{r['checkpoint']}", r["outcome"], r["n"]))
    return out


def response(user: User, start: date, end: date, checkpoint_id: int | None, kind: str) -> HttpResponse:
    data = rows(user, start, end, checkpoint_id)
    name = f"tpi-{start.isoformat()}_{end.isoformat()}"
    header = ("section", "key", "label", "n")
    if kind == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(data)
        resp = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        book = Workbook()
        sheet = book.active
        sheet.title = "TPI"
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in data:
            sheet.append(row)
        buffer = io.BytesIO()
        book.save(buffer)
        resp = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    resp["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return resp
