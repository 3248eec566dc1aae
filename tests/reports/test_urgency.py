"""Urgency at intake: which words make a report urgent, the reasons stored, the shorter deadline."""

from datetime import date

import pytest

from jaring.lib.workdays import add_working_days
from jaring.reports.deadlines import URGENT_DAYS, deadlines_for, deadlines_on_urgency
from jaring.reports.urgency import detect

TODAY = date(2025, 8, 11)  # a Monday


def _found(text: str) -> list[tuple[str, str]]:
    return [(r.rule, r.match) for r in detect(text, today=TODAY)]


@pytest.mark.parametrize(
    ("text", "rule", "match"),
    [
        ("Keponakan saya berangkat besok pagi lewat Batam Centre.", "departure", "besok"),
        ("bsk dia brgkt ke malaysia lwt pelabuhan", "departure", "bsk"),
        ("katanya lusa dijemput agen", "departure", "lusa"),
        ("Berangkat minggu depan ke Kamboja", "departure", "minggu depan"),
        ("brangkat mgg dpn ke phnom penh", "departure", "mgg dpn"),
        ("Sabtu ini mereka dibawa ke Tanjung Uban", "departure", "Sabtu ini"),
        ("malam ini naik kapal dari Pulau Abang", "departure", "malam ini"),
        ("Berangkat tanggal 14 Agustus jam 10", "departure", "14 Agustus"),
        ("jadwal kapal 15/8 pagi", "departure", "15/8"),
        ("My sister leaves tomorrow for Malaysia", "departure", "tomorrow"),
        ("They fly next week from Hang Nadim", "departure", "next week"),
        ("Adik saya masih di bawah umur dan mau dikirim ke Malaysia", "minor", "di bawah umur"),
        ("anak itu umur 15 thn sudah disuruh kerja", "minor", "umur 15"),
        ("ada yang masih SMP ikut direkrut", "minor", "masih SMP"),
        ("usianya 16 tahun", "minor", "usianya 16"),
        ("she is 16 years old", "minor", "16 years old"),
        ("Paspor saya ditahan agen", "passport", "Paspor saya ditahan"),
        ("paspornya disita majikan", "passport", "paspornya disita"),
        ("agen menahan paspor kami semua", "passport", "menahan paspor"),
        ("the agent took my passport", "passport", "took my passport"),
        ("Mereka dikurung di mess", "held", "dikurung"),
        ("kakak saya disekap di ruko", "held", "disekap"),
        ("kami tidak boleh pulang sebelum lunas", "held", "tidak boleh pulang"),
        ("tdk boleh pulang", "held", "tdk boleh pulang"),
        ("gak boleh keluar dari asrama", "held", "gak boleh keluar"),
        ("we are not allowed to leave the compound", "held", "not allowed to leave"),
    ],
)
def test_urgent_words_are_found_with_the_reporters_spelling(text: str, rule: str, match: str) -> None:
    assert (rule, match) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Saya ditawari bekerja di Kamboja sebagai admin dengan gaji 20 juta.",
        "Anak saya ditawari kerja di kapal ikan.",  # "anak" alone: an adult is someone's child too
        "Dia lulusan SMP dan sekarang umur 25 tahun.",  # schooling of an adult; an adult age
        "Dia berangkat 1 Agustus lalu dan belum ada kabar.",  # a date in the past
        "Berangkat 30 Agustus menurut agen.",  # more than a week ahead
        "Gaji dijanjikan 1.5 juta per minggu, hubungi 0812-3456-7890.",  # numbers that are not dates
        "Paspor saya hilang, bagaimana membuat yang baru?",
        "Bagaimana cara mengurus paspor untuk umroh?",
    ],
)
def test_ordinary_reports_are_not_urgent(text: str) -> None:
    assert _found(text) == []


def test_a_report_with_several_signs_keeps_each_reason_once() -> None:
    found = _found("Besok adik saya (umur 16) berangkat, paspornya ditahan agen. Besok jam 5.")
    assert found == [("departure", "Besok"), ("minor", "umur 16"), ("passport", "paspornya ditahan")]


def test_a_date_early_in_january_written_in_december_is_the_coming_one() -> None:
    reasons = detect("berangkat 3 Januari", today=date(2025, 12, 30))
    assert [(r.rule, r.match) for r in reasons] == [("departure", "3 Januari")]


def test_urgent_reports_are_due_in_one_working_day(office) -> None:
    friday = date(2025, 8, 15)
    verify, follow_up = deadlines_for(office, friday, urgent=True)
    assert (
        verify == follow_up == add_working_days(friday, URGENT_DAYS) == date(2025, 8, 18)
    )  # not the weekend
    assert deadlines_for(office, friday) != (verify, follow_up)


def test_marking_urgent_later_counts_from_that_day_and_clearing_restores(office) -> None:
    received = date(2025, 8, 11)
    usual = deadlines_for(office, received)
    marked = deadlines_on_urgency(office, received, urgent=True, today=date(2025, 8, 12))
    assert marked == (date(2025, 8, 13), date(2025, 8, 13))
    assert deadlines_on_urgency(office, received, urgent=False, today=date(2025, 8, 12)) == usual
    # Never later than the usual deadline: a report already due stays due.
    late = deadlines_on_urgency(office, received, urgent=True, today=date(2025, 9, 1))
    assert late == usual
