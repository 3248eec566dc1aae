"""The case file of one referral: a PDF for the partner agency (police, BP3MI) on the office's letterhead.

It carries what the partner may read in Jaring and nothing more (docs/casework.md, "Who sees what"): the
report as submitted (category, dates, region, description, named parties), the referral note, the partner's
follow-ups of this referral and its partner-officer thread (with the reporter messages an officer shared into
it). Never the reporter's identity, the reporter's thread, internal notes, status reasons, files or other
agencies' referrals. Written by referrals.referral_case_file, which audits it first so
that the file can cite its audit event.
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from jaring.casework.models import Referral
from jaring.casework.referral_thread import ThreadEntry
from jaring.lib.pdf import latin1, letterhead
from jaring.reports.selectors import report_location, submitted_parties


@dataclass(frozen=True)
class CaseFileStamp:
    """Who made the file, when, and the audit event that records it."""

    audit_id: int
    made_by: str
    made_at: datetime


def _when(value: datetime, zone: str) -> str:
    """A time as the office reads it, with its zone's name (WIB in Batam)."""
    local = timezone.localtime(value, timezone=ZoneInfo(zone))
    return f"{date_format(local, 'j F Y H:i')} {local.tzname() or ''}".strip()


def _heading(pdf: FPDF, text: str) -> None:
    if pdf.get_y() > pdf.h - 40:
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)


def _pairs(pdf: FPDF, rows: list[tuple[str, str]]) -> None:
    for label, value in rows:
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(45, 6, latin1(label))
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 6, latin1(value or "-"), new_x="LMARGIN", new_y="NEXT")


def _text(pdf: FPDF, text: str) -> None:
    pdf.multi_cell(0, 5, latin1(text or "-"), new_x="LMARGIN", new_y="NEXT")


def case_file_pdf(referral: Referral, stamp: CaseFileStamp, thread: list[ThreadEntry]) -> bytes:
    report = referral.report
    office = report.office
    zone = office.time_zone
    title = _("Berkas rujukan laporan %(code)s") % {"code": report.tracking_code}
    pdf = FPDF(format="A4")
    pdf.set_title(latin1(title))
    pdf.set_author(latin1(office.name))
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    letterhead(pdf, office)
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 8, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "I", 9)
    pdf.multi_cell(
        0,
        5,
        latin1(
            _(
                "Rahasia. Untuk %(agency)s dalam rangka tindak lanjut rujukan; jangan diteruskan. Identitas "
                "pelapor tidak dimuat dalam berkas ini."
            )
            % {"agency": referral.agency.name}
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    _heading(pdf, _("Rujukan"))
    _pairs(
        pdf,
        [
            (_("Kepada"), referral.agency.name),
            (_("Dirujuk"), _when(referral.created_at, zone)),
            (_("Status rujukan"), str(referral.get_status_display())),
        ],
    )
    _heading(pdf, _("Catatan petugas untuk mitra"))
    _text(pdf, referral.note)
    if referral.outcome:
        _heading(pdf, _("Hasil"))
        _text(pdf, referral.outcome)

    _heading(pdf, _("Laporan"))
    facts = [
        (_("Kode laporan"), report.tracking_code),
        (_("Kategori"), str(report.get_category_display())),
        (_("Diterima"), _when(report.created_at, zone)),
    ]
    if report.incident_date:
        facts.append((_("Tanggal kejadian"), date_format(report.incident_date, "j F Y")))
    if report.region_code or report.location_text:
        facts.append((_("Lokasi"), report_location(report)))
    _pairs(pdf, facts)
    _heading(pdf, _("Uraian pelapor"))
    _text(pdf, report.description)
    parties = list(submitted_parties(report))
    if parties:
        _heading(pdf, _("Pihak yang disebut pelapor"))
        for party in parties:
            _text(pdf, f"- {party.get_kind_display()}: {party.value}")

    updates = list(referral.updates.all())
    if updates:
        _heading(pdf, _("Riwayat rujukan"))
        for update in updates:
            who = update.actor.get_full_name() or update.actor.get_username()
            line = f"{_when(update.created_at, zone)} - {who}: {update.get_status_display()}"
            _text(pdf, line + (f". {update.note}" if update.note else ""))

    if thread:
        _heading(pdf, _("Percakapan rujukan"))
        for entry in thread:
            who = _("Pesan pelapor (dibagikan petugas)") if entry.side == "pelapor" else entry.author
            _text(pdf, f"{_when(entry.at, zone)} - {who}: {entry.body}")

    pdf.ln(4)
    pdf.set_font("Helvetica", "", 8)
    _text(
        pdf,
        _("Dibuat %(at)s oleh %(who)s melalui Jaring. Referensi audit: #%(id)s.")
        % {"at": _when(stamp.made_at, zone), "who": stamp.made_by, "id": stamp.audit_id},
    )
    return bytes(pdf.output())
