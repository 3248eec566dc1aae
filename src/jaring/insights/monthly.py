"""The monthly report of one office: PDF (fpdf2) with letterhead, period, figures, charts, the supervisor's
narrative and a signature block; XLSX (openpyxl) with one sheet per table. Figures are the dashboard's."""

import io
import re
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Font

from jaring.accounts.models import Office
from jaring.insights import dashboard
from jaring.insights.figures import Table
from jaring.insights.models import MonthlyReport
from jaring.insights.periods import month_period
from jaring.insights.scope import office_scope
from jaring.lib.pdf import latin1, letterhead

BAR_COLOUR = (15, 91, 138)


@dataclass
class MonthlyContent:
    office: Office
    month: date
    board: dashboard.Dashboard
    narrative: str

    @property
    def title(self) -> str:
        return _("Laporan bulanan Wawasan %(month)s") % {"month": date_format(self.month, "F Y")}

    def summary(self) -> list[tuple[str, str]]:
        b = self.board
        pct = lambda v: "-" if v is None else f"{v}%"  # noqa: E731
        return [
            (_("Laporan masuk"), str(b.total)),
            (_("Tanggapan tepat waktu"), pct(b.response_share)),
            (_("Selesai tepat waktu"), pct(b.close_share)),
            (_("Keberangkatan ditunda"), str(b.postponed)),
            (_("Kegiatan sosialisasi"), str(b.outreach.events)),
            (_("Peserta sosialisasi"), str(b.outreach.participants)),
            (_("Kenaikan skor kuis (poin)"), "-" if b.outreach.gain is None else str(b.outreach.gain)),
        ]


def content_for(office: Office, month: date) -> MonthlyContent:
    period = month_period(month)
    saved = MonthlyReport.objects.filter(office=office, month=period.start).first()
    return MonthlyContent(
        office=office,
        month=period.start,
        board=dashboard.compute(office_scope(office), period),
        narrative=saved.narrative if saved else "",
    )


def _table_with_bars(pdf: FPDF, table: Table) -> None:
    """The numbers, and beside each a bar scaled to the largest: the chart of the dashboard, on paper."""
    if pdf.get_y() > pdf.h - 60:
        pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, latin1(table.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    if not table.rows:
        pdf.cell(0, 6, latin1(_("Tidak ada.")), new_x="LMARGIN", new_y="NEXT")
        return
    top = max(r.count for r in table.rows) or 1
    bar_width = 70
    for row in table.rows:
        if pdf.get_y() > pdf.h - 20:
            pdf.add_page()
        y = pdf.get_y()
        pdf.cell(85, 6, latin1(row.label)[:55])
        pdf.cell(15, 6, str(row.count), align="R")
        if row.count:
            pdf.set_fill_color(*BAR_COLOUR)
            pdf.rect(pdf.l_margin + 103, y + 1.2, bar_width * row.count / top, 3.6, style="F")
        pdf.set_y(y + 6)
    pdf.ln(3)


def to_pdf(content: MonthlyContent) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(latin1(content.title))
    pdf.set_author(latin1(content.office.name))
    pdf.add_page()
    letterhead(pdf, content.office)
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 8, latin1(content.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    period = month_period(content.month)
    pdf.cell(
        0,
        6,
        latin1(
            _("Periode: %(start)s s.d. %(end)s")
            % {"start": date_format(period.start, "j F Y"), "end": date_format(period.end, "j F Y")}
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(2)
    for label, value in content.summary():
        pdf.cell(100, 6, latin1(label))
        pdf.cell(30, 6, latin1(value), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, latin1(_("Narasi")), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, latin1(content.narrative or _("(belum diisi)")), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for table in content.board.tables:
        _table_with_bars(pdf, table)
    _signature(pdf, content)
    return bytes(pdf.output())


def _signature(pdf: FPDF, content: MonthlyContent) -> None:
    if pdf.get_y() > pdf.h - 60:
        pdf.add_page()
    pdf.ln(6)
    x = pdf.w / 2 + 10
    pdf.set_font("Helvetica", "", 10)
    for line in (
        _("%(place)s, ....................") % {"place": content.office.short_name or content.office.name},
        _("Kepala Kantor"),
        "",
        "",
        "",
        "(....................................)",
        _("NIP. ...................."),
    ):
        pdf.set_x(x)
        pdf.cell(0, 6, latin1(line), new_x="LMARGIN", new_y="NEXT")


def to_xlsx(content: MonthlyContent) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Ringkasan")[:31]
    sheet.append([content.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([content.office.name])
    sheet.append([])
    for label, value in content.summary():
        sheet.append([label, value])
    sheet.append([])
    sheet.append([_("Narasi"), content.narrative])
    sheet.column_dimensions["A"].width = 45
    used: set[str] = {sheet.title}
    for table in content.board.tables:
        name = re.sub(r"[\[\]:*?/\\]", "-", table.title)[:31]
        while name in used:
            name = name[:28] + f"-{len(used)}"
        used.add(name)
        ws = book.create_sheet(name)
        ws.append([table.title])  # the sheet name is cut at 31 characters; the full title heads the sheet
        ws.append([_("Uraian"), _("Jumlah")])
        ws["A1"].font = ws["A2"].font = ws["B2"].font = Font(bold=True)
        for row in table.rows:
            ws.append([row.label, row.count])
        ws.column_dimensions["A"].width = 50
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
