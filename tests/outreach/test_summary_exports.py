"""The monthly summary for leadership: figures, and the PDF and XLSX files opened and read back."""

import io
import re
import zlib
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from jaring.outreach import quiz
from jaring.outreach.exports import summary_pdf, summary_xlsx
from jaring.outreach.models import RequestStatus
from jaring.outreach.selectors import monthly_summary
from jaring.outreach.services import (
    VillageTarget,
    event_attendance_set,
    programme_create,
    quiz_submit,
    session_request_submit,
    session_request_update,
)
from jaring.reports.deadlines import office_today
from tests.outreach.conftest import KARAS, PULAU_ABANG, local


def pdf_text(data: bytes) -> str:
    """The text shown by a PDF written by fpdf2 with core fonts: strings of the (Flate) content streams."""
    assert data.startswith(b"%PDF-")
    chunks = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            chunks.append(zlib.decompress(stream))
        except zlib.error:
            chunks.append(stream)
    strings = re.findall(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", b"\n".join(chunks))
    return " ".join(s.replace(rb"\(", b"(").replace(rb"\)", b")").decode("latin-1") for s in strings)


def _answer_all(event, device: str, phase: str, correct: int) -> None:
    answers = {}
    for i, q in enumerate(quiz.questions_of(event.quiz_questions)):
        answers[q.id] = q.correct_key if i < correct else next(o.key for o in q.options if not o.correct)
    quiz_submit(event=event, phase=phase, device_token=f"device-{device}-{phase}-0000", answers=answers)


@pytest.fixture
def march(programme, make_event, office, petugas, supervisor):
    a = make_event(start=local(office, 2026, 3, 3), programme=programme, title="Penyuluhan Pulau Abang")
    b = make_event(start=local(office, 2026, 3, 20), region_code=KARAS, title="Sosialisasi Karas")
    make_event(start=local(office, 2026, 4, 2), title="Bulan berikutnya")
    event_attendance_set(actor=petugas, event=a, total=20, male=8, female=12, ages={"age_26_40": 20})
    event_attendance_set(actor=petugas, event=b, total=10, male=6, female=4, ages={"age_over_60": 10})
    for i in range(3):
        _answer_all(a, f"a{i}", "pre", correct=1 + i % 2)
        _answer_all(a, f"a{i}", "post", correct=4)
    request = session_request_submit(
        office=office,
        organisation="SMA Negeri Galang",
        requester_kind="sekolah",
        contact_name="Ibu Guru",
        contact_phone="0812 3456 7890",
    )
    session_request_update(actor=supervisor, request=request, status=RequestStatus.DIJADWALKAN, event=b)
    return a, b


def test_monthly_summary_counts_events_reach_villages_gain_and_requests(march, office) -> None:
    summary = monthly_summary(office, date(2026, 3, 1))
    assert [e.title for e in summary.events] == ["Penyuluhan Pulau Abang", "Sosialisasi Karas"]
    assert summary.attendance == 30 and summary.male == 14 and summary.female == 16
    assert (summary.villages_covered_month, summary.villages_target) == (2, 2)
    gain = summary.results.gain
    assert gain.n_pre == 3 and gain.n_post == 3 and gain.difference > 0
    assert summary.requests_received in (0, 1)  # created "now", which is not March 2026 unless run then
    assert summary.requests_open == 0


def test_pdf_export_holds_the_summary_figures(march, office) -> None:
    text = pdf_text(summary_pdf(monthly_summary(office, date(2026, 3, 1))))
    assert "Ringkasan sosialisasi Maret 2026" in text
    assert "Peserta (total)" in text and "30" in text
    assert "Desa sasaran dikunjungi bulan ini" in text and "2 / 2" in text
    assert "Penyuluhan Pulau Abang" in text and march[0].code in text


def test_xlsx_export_holds_the_summary_and_one_row_per_event(march, office) -> None:
    book = load_workbook(io.BytesIO(summary_xlsx(monthly_summary(office, date(2026, 3, 1)))))
    summary = {row[0]: row[1] for row in book["Ringkasan"].iter_rows(values_only=True) if row and row[0]}
    assert summary["Peserta (total)"] == "30"
    assert summary["Peserta laki-laki / perempuan"] == "14 / 16"
    assert summary["Peningkatan pengetahuan"].startswith("+")
    events = list(book["Kegiatan"].iter_rows(values_only=True))
    assert events[0][:2] == ("Kode", "Mulai (WIB)") and len(events) == 3
    assert {row[0] for row in events[1:]} == {e.code for e in march}
    assert events[1][1].hour == 9  # local office time, not UTC


def test_summary_page_and_downloads_for_officers(petugas_client, march) -> None:
    page = petugas_client.get("/petugas/sosialisasi/ringkasan/?bulan=2026-03")
    assert "Penyuluhan Pulau Abang" in page.content.decode()
    pdf = petugas_client.get("/petugas/sosialisasi/ringkasan/pdf/?bulan=2026-03")
    assert (
        pdf["Content-Type"] == "application/pdf" and "sosialisasi-2026-03.pdf" in pdf["Content-Disposition"]
    )
    xlsx = petugas_client.get("/petugas/sosialisasi/ringkasan/xlsx/?bulan=2026-03")
    assert load_workbook(io.BytesIO(xlsx.content))["Kegiatan"].max_row == 3
    assert petugas_client.get("/petugas/sosialisasi/ringkasan/doc/").status_code == 404


def test_a_planned_event_does_not_make_its_village_visited(office, petugas, make_event) -> None:
    today = office_today(office)
    programme_create(
        actor=petugas,
        office=office,
        name="Desa Binaan berjalan",
        starts_on=today - timedelta(days=60),
        ends_on=today + timedelta(days=60),
        villages=[
            VillageTarget(PULAU_ABANG, officer=petugas),
            VillageTarget(KARAS, officer_name="Pak Rahman"),
        ],
    )
    held = make_event(start=local(office, today.year, today.month, today.day, hour=23), title="Hari ini")
    later = today + timedelta(days=2)
    make_event(start=local(office, later.year, later.month, later.day), region_code=KARAS, title="Rencana")

    this_month = monthly_summary(office, today.replace(day=1))
    assert held in this_month.events
    assert (this_month.villages_covered_month, this_month.villages_target) == (1, 2)
    assert this_month.villages_covered_to_date == 1
    planned_month = monthly_summary(office, later.replace(day=1))
    assert "Rencana" in [e.title for e in planned_month.events]  # listed as planned ...
    assert planned_month.villages_covered_month == (1 if later.month == today.month else 0)  # ... not visited
    assert planned_month.villages_covered_to_date == 1
