"""The monthly summary as PDF (fpdf2) and XLSX (openpyxl): the same figures as the page, for leadership."""

import io
from datetime import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Font

from jaring.lib.pdf import latin1
from jaring.outreach.selectors.summary import MonthlySummary
from jaring.outreach.stats import Gain
from jaring.outreach.validation import office_zone


def gain_text(gain: Gain) -> str:
    if gain.difference is None:
        return _("belum ada data kuis sebelum dan sesudah")
    text = _("%(diff)+.1f poin persentase") % {"diff": gain.difference}
    if gain.has_interval:
        text += " " + _("(IK 95%%: %(low)+.1f sampai %(high)+.1f)") % {"low": gain.low, "high": gain.high}
    return text


def summary_rows(summary: MonthlySummary) -> list[tuple[str, str]]:
    """(label, value) pairs shared by the PDF and the XLSX."""
    gain = summary.results.gain
    rows = [
        (_("Kegiatan"), str(len(summary.events))),
        *[(f"  {label}", str(n)) for label, n in summary.by_kind],
        (_("Peserta (total)"), str(summary.attendance)),
        (_("Peserta laki-laki / perempuan"), f"{summary.male} / {summary.female}"),
        (
            _("Desa sasaran dikunjungi bulan ini"),
            f"{summary.villages_covered_month} / {summary.villages_target}",
        ),
        (
            _("Desa sasaran terjangkau sejak awal program"),
            f"{summary.villages_covered_to_date} / {summary.villages_target}",
        ),
        (_("Kuis sebelum / sesudah (jawaban)"), f"{gain.n_pre} / {gain.n_post}"),
        (_("Rata-rata skor sebelum"), "-" if gain.mean_pre is None else f"{gain.mean_pre:.1f}%"),
        (_("Rata-rata skor sesudah"), "-" if gain.mean_post is None else f"{gain.mean_post:.1f}%"),
        (_("Peningkatan pengetahuan"), gain_text(gain)),
        (_("Permintaan sosialisasi masuk"), str(summary.requests_received)),
        *[(f"  {_('Ditangani')}: {label}", str(n)) for label, n in summary.requests_handled.items()],
        (_("Permintaan belum ditangani (saat ini)"), str(summary.requests_open)),
        (_("Laporan yang menyebut kode kegiatan"), str(summary.reports_attributed)),
        (_("Cek tawaran yang menyebut kode kegiatan"), str(summary.checks_attributed)),
    ]
    return rows


def _title(summary: MonthlySummary) -> str:
    return _("Ringkasan sosialisasi %(month)s") % {"month": date_format(summary.month, "F Y")}


def summary_pdf(summary: MonthlySummary) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(latin1(_title(summary)))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 8, latin1(_title(summary)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 6, latin1(summary.office.name), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    with pdf.table(col_widths=(110, 70), text_align=("LEFT", "RIGHT"), first_row_as_headings=False) as table:
        for label, value in summary_rows(summary):
            row = table.row()
            row.cell(latin1(label))
            row.cell(latin1(value))
    if summary.events:
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(0, 8, latin1(_("Daftar kegiatan")), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 9)
        with pdf.table(col_widths=(22, 24, 60, 54, 20), text_align="LEFT") as table:
            head = table.row()
            for title in (_("Kode"), _("Tanggal"), _("Kegiatan"), _("Tempat"), _("Peserta")):
                head.cell(latin1(title))
            for event in summary.events:
                row = table.row()
                row.cell(event.code)
                row.cell(event.starts_at.astimezone(office_zone(summary.office)).strftime("%d-%m-%Y"))
                row.cell(latin1(f"{event.title} ({event.get_kind_display()})"))
                row.cell(latin1(event.place_label or "-"))
                row.cell(str(event.attendance_total))
    pdf.ln(4)
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(
        0,
        5,
        latin1(
            _(
                "Peningkatan pengetahuan = rata-rata skor kuis sesudah dikurangi sebelum kegiatan, dengan interval "
                "kepercayaan 95% (uji t Welch: jawaban anonim sebelum dan sesudah tidak dapat dipasangkan)."
            )
        ),
    )
    return bytes(pdf.output())


def _zone_name(summary: MonthlySummary) -> str:
    """ "WIB" for Batam: the column says which local time its values are in."""
    return datetime.now(office_zone(summary.office)).tzname() or ""


def summary_xlsx(summary: MonthlySummary) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Ringkasan")[:31]
    sheet.append([_title(summary)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([summary.office.name])
    sheet.append([])
    for label, value in summary_rows(summary):
        sheet.append([label, value])
    sheet.column_dimensions["A"].width = 50
    sheet.column_dimensions["B"].width = 45

    events = book.create_sheet(_("Kegiatan")[:31])
    events.append(
        [
            _("Kode"),
            _("Mulai (%(zone)s)") % {"zone": _zone_name(summary)},
            _("Jenis"),
            _("Judul"),
            _("Tempat"),
            _("Kode wilayah"),
            _("Peserta"),
            _("Laki-laki"),
            _("Perempuan"),
            _("Program"),
        ]
    )
    for cell in events[1]:
        cell.font = Font(bold=True)
    for event in summary.events:
        events.append(
            [
                event.code,
                event.starts_at.astimezone(office_zone(summary.office)).replace(tzinfo=None),
                event.get_kind_display(),
                event.title,
                event.place_label,
                event.region_code,
                event.attendance_total,
                event.male,
                event.female,
                event.programme.name if event.programme else "",
            ]
        )
    for column, width in zip("ABCDEFGHIJ", (12, 18, 24, 40, 40, 16, 10, 10, 10, 30), strict=True):
        events.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
