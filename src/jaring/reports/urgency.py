"""Urgency at intake: the words in a report that mean someone may be harmed within days.

The one owner of the rule. report_submit (web, WhatsApp, API) asks `detect` and stores what it finds on the
report (`urgent`, `urgency_reasons`); the deadline rule for urgent reports is reports.deadlines'.

Four signals, each a list of patterns over the folded text (lib.text.fold), with Indonesian chat spellings:
- departure: an imminent departure word ("besok", "bsk", "lusa", "minggu depan", "mgg dpn", "Sabtu ini",
  "malam ini", "tomorrow", "next week") or a date from today to DEPARTURE_DAYS ahead ("12 Agustus", "12/8").
  A date in the past is not urgent. "besok" inside an old story is flagged too: an officer clears it in
  one click, while a missed departure cannot be undone.
- minor: "di bawah umur", an age under 18 ("umur 15", "usia 16 thn", "15 years old"), "masih SMP".
  "anak" alone is not a minor (an adult is someone's "anak"), nor is "lulusan SMP" (an adult's schooling).
- passport: a kept passport ("paspor ditahan", "paspornya disita", "menahan paspor", "passport taken").
- held: someone confined ("dikurung", "disekap", "tidak boleh pulang", "locked in", "not allowed to leave").
Trafficking indicators behind these: ILO, "Indicators of forced labour" (2012): retention of identity
documents, restriction of movement; UU 21/2007 Pasal 17 (a child victim aggravates the offence).
"""

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

from jaring.lib.text import fold

DEPARTURE_DAYS = 7
# What officers read for each kind of reason ("officer": marked by an officer, with their reason).
RULE_LABELS = {
    "departure": _("keberangkatan dalam waktu dekat"),
    "minor": _("menyebut anak di bawah umur"),
    "passport": _("paspor ditahan"),
    "held": _("seseorang ditahan atau dikurung"),
    "officer": _("ditandai petugas"),
}
ADULT_AGE = 18

_DAYS = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WORDS: dict[str, list[str]] = {
    "departure": [
        r"\b(?:besok|besuk|bsk|bsok|besoknya|lusa|tomorrow|tmrw|tonight)\b",
        r"\b(?:minggu|mgg|mg|pekan)\s+(?:depan|dpn)\b",
        r"\b(?:malam|malem|mlm|pagi|sore|siang)\s+ini\b",
        r"\b(?:nanti|ntar|nnti)\s+(?:malam|malem|mlm|sore|siang)\b",
        rf"\b{_DAYS}\s+(?:ini|depan|dpn)\b",
        rf"\b(?:this|next|coming)\s+(?:week|{_DAYS})\b",
        r"\bday after tomorrow\b",
    ],
    "minor": [
        r"\b(?:di\s*bawah|dibawah|blm\s+cukup|belum\s+cukup)\s+umur\b",
        r"\bunder\s*age\b|\bunderage\b|\bunder\s+18\b|\b(?:a|is\s+a|still\s+a)\s+minor\b",
        r"\b(?:masih|anak|siswa|siswi|murid|pelajar|kelas\s+\d)\s+(?:sd|smp|sltp|mts)\b",
        r"\bmasih\s+(?:sekolah|sma|smk|sma/smk)\b",
    ],
    "passport": [
        r"\b(?:paspor|pasport|pspr|passport)(?:nya|ku|mu)?\s+(?:\w+\s+){0,3}?(?:ditahan|disita|diambil|dipegang|disimpan|ditahan2|tdk dikembalikan|tidak dikembalikan|was taken|taken|held|kept|confiscated|withheld)\b",
        r"\b(?:menahan|menyita|mengambil|memegang|nahan|tahan|sita|took|kept|keeps|confiscated|withheld|holds?)\s+(?:\w+\s+){0,2}?(?:paspor|pasport|pspr|passport)\b",
    ],
    "held": [
        r"\b(?:dikurung|dikunci|disekap|disandera|dikerangkeng|diculik)\b",
        r"\b(?:tidak|tdk|tak|gak|ga|nggak|ngga|enggak|gk)\s+(?:boleh|bisa|dibolehkan|diizinkan|diijinkan)\s+(?:pulang|keluar)\b",
        r"\bdilarang\s+(?:pulang|keluar)\b",
        r"\b(?:locked\s+(?:up|in)|held\s+captive|held\s+against|kidnapped|confined)\b",
        r"\b(?:not\s+allowed|cannot|can'?t|not\s+able)\s+to\s+(?:leave|go\s+home)\b",
    ],
}
_PATTERNS = {rule: [re.compile(p) for p in patterns] for rule, patterns in _WORDS.items()}

_AGE = re.compile(
    r"\b(?:umur|umurnya|usia|usianya|berumur|berusia|aged?)\s*:?\s*(\d{1,2})\b"
    r"|\b(\d{1,2})\s*(?:years?\s*old|yo|-year-old|tahun\s+umurnya)\b"
)

_MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "agst": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_WORDS = re.compile(
    rf"\b(\d{{1,2}})\s+({_MONTH_NAMES})\.?(?:\s+(\d{{4}}))?\b|\b({_MONTH_NAMES})\s+(\d{{1,2}})\b"
)
# 12/8, 12-08, 12/08/2025, 12.08.2025: day first, as Indonesians write dates ("1.5 juta" is no date).
_DATE_NUMBERS = re.compile(
    r"\b(\d{1,2})([/-])(\d{1,2})(?:\2(\d{2}|\d{4}))?\b|\b(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})\b"
)


@dataclass(frozen=True)
class Reason:
    rule: str  # "departure", "minor", "passport", "held"
    match: str  # the words as the reporter wrote them

    def as_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "match": self.match}


def _date(today: date, day: int, month: int, year: str | None) -> date | None:
    if year:
        full = int(year) + (2000 if len(year) == 2 else 0)
        try:
            return date(full, month, day)
        except ValueError:
            return None
    try:
        found = date(today.year, month, day)
    except ValueError:
        return None
    # "3 Januari" written on 30 December means the coming one.
    if (today - found).days > 300:
        found = found.replace(year=today.year + 1)
    return found


def _upcoming_dates(text: str, today: date) -> list[tuple[str, date]]:
    found: list[tuple[str, date]] = []
    for m in _DATE_WORDS.finditer(text):
        if m.group(1):
            when = _date(today, int(m.group(1)), _MONTHS[m.group(2)], m.group(3))
        else:
            when = _date(today, int(m.group(5)), _MONTHS[m.group(4)], None)
        if when:
            found.append((m.group(0), when))
    for m in _DATE_NUMBERS.finditer(text):
        day, month, year = (m.group(1), m.group(3), m.group(4)) if m.group(1) else m.group(5, 6, 7)
        if 1 <= int(month) <= 12:
            when = _date(today, int(day), int(month), year)
            if when:
                found.append((m.group(0), when))
    return [(words, when) for words, when in found if 0 <= (when - today).days <= DEPARTURE_DAYS]


def detect(text: str, *, today: date) -> list[Reason]:
    """Why a report is urgent (empty: it is not), one reason per distinct match, in rule order."""
    folded = fold(text or "")
    # fold keeps the length of ASCII text; the reporter's own spelling is quoted when the lengths agree.
    original = text if len(text or "") == len(folded) else folded
    reasons: list[Reason] = []

    def add(rule: str, start: int, end: int) -> None:
        reason = Reason(rule, " ".join(original[start:end].split()))
        if reason not in reasons:
            reasons.append(reason)

    for rule, patterns in _PATTERNS.items():
        for pattern in patterns:
            for m in pattern.finditer(folded):
                add(rule, m.start(), m.end())
        if rule == "departure":
            for words, _when in _upcoming_dates(folded, today):
                start = folded.find(words)
                add(rule, start, start + len(words))
        if rule == "minor":
            for m in _AGE.finditer(folded):
                age = int(m.group(1) or m.group(2))
                if 0 < age < ADULT_AGE:
                    add(rule, m.start(), m.end())
    return reasons
