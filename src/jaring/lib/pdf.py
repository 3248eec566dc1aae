"""Shared pieces of the PDFs Jaring writes with fpdf2 (Wawasan monthly report, outreach summary, case file)."""

import unicodedata
from typing import Any

from fpdf import FPDF


def latin1(text: str) -> str:
    """fpdf2's core fonts are Latin-1: fold anything else (dashes, quotes) to its closest plain form."""
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'").replace("\u00b7", "-")
    return unicodedata.normalize("NFKD", text).encode("latin-1", "ignore").decode("latin-1")


def letterhead(pdf: FPDF, office: Any) -> None:
    """The office's name, then its address and contacts as entered by an admin (none is made up), and a rule."""
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, latin1(office.name.upper()), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    contact = " - ".join(x for x in (office.address, office.hotline_whatsapp, office.email) if x)
    if contact:
        pdf.cell(0, 5, latin1(contact), align="C", new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 2
    pdf.set_line_width(0.8)
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.set_line_width(0.2)
    pdf.set_y(y + 4)
