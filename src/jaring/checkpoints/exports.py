"""The shift summary as CSV and XLSX: counts only (no identity), one row per (section, key, value)."""

import csv
import io
from datetime import date

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from jaring.accounts.models import User
from jaring.casework.models import Referral
from jaring.checkpoints import guide, stats
from jaring.checkpoints.models import Outcome
from jaring.lib import regions


def _sections() -> dict[str, str]:
    return {
        "total": _("Jumlah"),
        "outcome": _("Hasil pemeriksaan"),
        "reason": _("Alasan penundaan"),
        "destination": _("Negara tujuan"),
        "origin_province": _("Provinsi asal"),
        "repeat": _("Percobaan berulang"),
        "handover": _("Serah terima ke instansi mitra"),
        "per_day": _("Hasil per TPI per hari"),
    }


def rows(
    user: User, start: date, end: date, checkpoint_id: int | None
) -> list[tuple[str, str, str, str, int]]:
    """(section label, section code, key, label, n): what the summary page shows, plus outcomes per TPI per
    day. Labels for people, codes beside them for machines."""
    s = stats.summary(user, start, end, checkpoint_id)
    g = guide.load()
    out: list[tuple[str, str, str, int]] = [("total", "", _("Jumlah pemeriksaan"), s.total)]
    out += [("outcome", k, _outcome(k), n) for k, n in s.outcomes.items()]
    out += [("reason", k, g.reason_label(k), n) for k, n in s.reasons]
    out += [("destination", k, g.destination_label(k), n) for k, n in s.destinations]
    for code, n in s.origin_provinces:
        region = regions.get(code)
        out.append(("origin_province", code, region.name if region else code, n))
    out.append(("repeat", "", _("Percobaan berulang"), s.repeats))
    out += [
        ("handover", status, f"{agency}: {_referral_status(status)}", n) for agency, status, n in s.handovers
    ]
    qs = stats.in_range(user, start, end, checkpoint_id)
    for r in stats.outcomes_per_period(qs, user, by="day"):
        day = r["period"].isoformat() if r["period"] else ""
        label = f"{day} {r['checkpoint']}: {_outcome(r['outcome'])}"
        out.append(("per_day", f"{day}|{r['checkpoint']}|{r['outcome']}", label, r["n"]))
    sections = _sections()
    return [(sections[section], section, key, label, n) for section, key, label, n in out]


def _outcome(code: str) -> str:
    return str(Outcome(code).label) if code in Outcome.values else code


def _referral_status(code: str) -> str:
    return str(Referral.Status(code).label) if code in Referral.Status.values else code


def response(user: User, start: date, end: date, checkpoint_id: int | None, kind: str) -> HttpResponse:
    data = rows(user, start, end, checkpoint_id)
    name = f"tpi-{start.isoformat()}_{end.isoformat()}"
    header = (_("Bagian"), _("Kode bagian"), _("Kode"), _("Uraian"), _("Jumlah"))
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
