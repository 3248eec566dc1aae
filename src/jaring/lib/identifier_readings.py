"""Identifiers written to dodge platform filters, read back with a confidence per reading.

Recruiters write "nol delapan satu dua ...", "0812 tiga 456789", "08l2-5566-7788" (a letter l for the digit
1), keycap emoji or full-width digits, "0812*3456*7890", or "@loker . kamboja" so that a platform's filter
misses the number or the handle. This module undoes those forms before the number is parsed:

- a reading that is a valid number (phonenumbers) and the only valid reading of its run gets a confidence of
  at least LINK_CONFIDENCE and links like a plainly written number;
- an ambiguous reading (several valid readings of the same run, many letters for digits, a trailing dot that
  may end a sentence) gets PROPOSE_CONFIDENCE: it is shown and proposed to an officer, never linked silently;
- a run that reads as no valid number yields nothing, and the plain scan must not read a fragment of it
  (`claimed` spans): "08l2-5566-7788" is +6281255667788 or nothing, never +6255667788.

Pure Python, no Django (the batch linker runs it). Scans are linear: one bounded pattern finds the units of a
number (digit tokens, number words), which are then joined in Python; no nested quantifiers.
"""

import re
import unicodedata
from typing import NamedTuple

from jaring.lib.identifier_forms import (
    _PLATFORM_BEFORE,
    _PLATFORM_WORDS,
    _PROVIDER_BEFORE,
    _account_value,
    fold,
)
from jaring.lib.phones import normalise_phone

LINK_CONFIDENCE = 0.8  # readings at or above this link; below it they are proposed to an officer
PROPOSE_CONFIDENCE = 0.6
PLAIN = 1.0
MAX_LETTERS = 4  # letters for digits in one number; more is a word with digits in it, not a number
SURE_LETTERS = 2  # up to this many letters a valid reading links; more are proposed
MIN_REAL_DIGITS = 7  # a number read with letters for digits must still have this many real digits
MAX_UNITS = 30


class Reading(NamedTuple):
    kind: str  # phone, account, handle
    value: str  # normalised as lib.identifiers normalises a plain value
    start: int  # span in the text as given
    end: int
    confidence: float
    forms: tuple[str, ...]  # which evasions were undone: spelled, letters, keycap, unicode_digits, ...


class Scan(NamedTuple):
    readings: list[Reading]
    # Spans of runs that held an evasive form: plain scans must not read a fragment of them as a number.
    claimed: list[tuple[int, int]]


# --- number words and letters for digits --------------------------------------------------------------------

WORDS = {
    "nol": "0", "kosong": "0", "sifar": "0", "zero": "0",
    "satu": "1", "one": "1",
    "dua": "2", "two": "2",
    "tiga": "3", "three": "3",
    "empat": "4", "four": "4",
    "lima": "5", "five": "5",
    "enam": "6", "six": "6",
    "tujuh": "7", "seven": "7",
    "delapan": "8", "lapan": "8", "eight": "8",
    "sembilan": "9", "nine": "9",
}  # fmt: skip
LETTERS = {"O": "0", "o": "0", "l": "1", "I": "1", "S": "5", "B": "8", "Z": "2"}
_WORD_RE = "|".join(sorted(WORDS, key=len, reverse=True))
_LETTER_CLASS = "".join(LETTERS)
# One unit of a number: a whole number word, or a token of digits with at most a few letters for digits glued
# to them ("08l2", "789O"). A token with any other letter ("G991B", "8.5jt") is not a unit.
_UNIT = re.compile(
    rf"(?<![A-Za-z0-9])(?:(?P<word>(?i:{_WORD_RE}))|(?P<token>[{_LETTER_CLASS}]{{0,4}}\d[\d{_LETTER_CLASS}]{{0,24}})"
    rf"|(?P<letters>[{_LETTER_CLASS}]{{1,4}}))(?![A-Za-z0-9])"
)
# Separators between the units of one number: spaces, dashes, dots, and the "*", "_", "|", "~" used to slip
# past filters; at most three characters (" . ", " - ").
_GAP = re.compile(r"[ \t.\-_*|~]{0,3}")
_ODD_GAP = re.compile(r"[*_|~]|\s\.|\.\s|\s-\s")  # separators nobody types in a plainly written number
_PLUS_BEFORE = re.compile(r"(?:\+|(?i:\bplus|\btambah)[ \t]?)[ \t]?$")


# Cheap test: can the text hold an evasive number at all? (most texts cannot; it runs on every text of a
# batch, so it works on bytes with C-level translation tables, not with a regular expression: 3-5 us a text).
def _table(pairs: dict[bytes, bytes], base: bytes = bytes(range(256))) -> bytes:
    table = bytearray(base)
    for chars, to in pairs.items():
        for char in chars:
            table[char] = to[0]
    return bytes(table)


_SHAPES = _table({b"0123456789": b"0", _LETTER_CLASS.encode(): b"L", b"*_|~": b"*"})
_WORD_SPACES = _table({b"-._*,:;()|~/!?\"'": b" "}, bytes(range(256)).lower())
_WORD_BYTES = frozenset(word.encode() for word in WORDS)


# Letters glued to digits, odd separators: "0L", "L0", "0*", "0 .", "0 *", "0-L", "L-0" in the shapes. Each
# holds a digit ("0"); written to start at it (look-behinds for "L0" and "L-0"), the pattern has a literal
# first character, which the regex engine finds with a fast search instead of trying every position.
_SHAPE_HINTS = re.compile(rb"0(?:[L*]| [.*]|-L|(?<=L0)|(?<=L-0))")


def may_hold_evasion(text: str) -> bool:
    if not text.isascii():
        return True
    raw = text.encode()
    shapes = raw.translate(_SHAPES)
    if _SHAPE_HINTS.search(shapes) is not None:
        return True
    digits = b"0" in shapes
    words = len(_WORD_BYTES.intersection(raw.translate(_WORD_SPACES).split()))
    return words >= 2 or (words == 1 and digits)  # "nol delapan ...", "0812 tiga 456789"


_INVISIBLE = {0xFE0F, 0xFE0E, 0x20E3, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF}


def _ascii_digits(text: str) -> tuple[str, list[int] | None, set[str]]:
    """The text with keycap/variation marks dropped and every other decimal digit (full-width, Arabic-Indic,
    mathematical, circled) as an ASCII digit; `index` maps each position back to the original (None: same)."""
    if text.isascii():
        return text, None, set()
    chars: list[str] = []
    index: list[int] = []
    forms: set[str] = set()
    for i, ch in enumerate(text):
        if ch.isascii():
            chars.append(ch)
        elif ord(ch) in _INVISIBLE:
            if ord(ch) == 0x20E3:
                forms.add("keycap")
            continue
        else:
            digit = unicodedata.digit(ch, None)
            if digit is None:
                folded = unicodedata.normalize("NFKC", ch)  # full-width "－", "＊", letters
                chars.append(folded if len(folded) == 1 and folded.isascii() else ch)
            else:
                chars.append(str(digit))
                forms.add("unicode_digits")
        index.append(i)
    index.append(len(text))
    return "".join(chars), index, forms


class _Unit(NamedTuple):
    start: int
    end: int
    digits: str
    is_word: bool
    letters: int


def _units(text: str) -> list[list[_Unit]]:
    """Units grouped into runs: consecutive units with only a separator between them."""
    runs: list[list[_Unit]] = []
    last_end = -10
    for m in _UNIT.finditer(text):
        word = m.group("word")
        if word is not None:
            unit = _Unit(m.start(), m.end(), WORDS[word.lower()], True, 0)
        else:
            token = m.group("token") or m.group("letters")
            letters = sum(1 for ch in token if ch in LETTERS)
            digits = "".join(LETTERS.get(ch, ch) for ch in token)
            unit = _Unit(m.start(), m.end(), digits, False, letters)
        gap = text[last_end : unit.start] if unit.start - last_end <= 3 else None
        if gap is not None and gap[:1] == "." and gap[1:2].isspace():
            gap = None  # "... sembilan nol. Satu dua hari lagi": a sentence ends after the number
        if runs and gap is not None and (_all_letters(unit) or _all_letters(runs[-1][-1])):
            # A group of letters only ("2407-2498-BS") belongs to a number only when glued to digits by a
            # separator that is not a space: "I", "SOS" or "Bo" next to a number are words.
            glued = gap != "" and not any(ch.isspace() for ch in gap)
            if not glued or runs[-1][-1].is_word or unit.is_word:
                gap = None
        if runs and gap is not None and _GAP.fullmatch(gap) and len(runs[-1]) < MAX_UNITS:
            runs[-1].append(unit)
        else:
            runs.append([unit])
        last_end = unit.end
    return runs


def _all_letters(unit: _Unit) -> bool:
    return not unit.is_word and unit.letters == len(unit.digits)


def _run_forms(text: str, run: list[_Unit], mapped: set[str]) -> set[str]:
    forms = set(mapped)
    if any(u.is_word for u in run):
        forms.add("spelled")
    if any(u.letters for u in run):
        forms.add("letters")
    for a, b in zip(run, run[1:], strict=False):
        if _ODD_GAP.search(text[a.end : b.start]):
            forms.add("separators")
            break
    return forms


def _valid(digits: str) -> str | None:
    if not 7 <= len(digits.lstrip("+")) <= 15:
        return None
    return normalise_phone(digits)


def _read_run(run: list[_Unit], plus: bool) -> list[tuple[str, float, int, int]]:
    """(e164, confidence, first unit, end unit) of each reading of one evasive run; empty if none is valid."""
    prefix = "+" if plus else ""
    letters = sum(u.letters for u in run)
    real = sum(len(u.digits) for u in run if not u.is_word) - letters
    if letters and (letters > MAX_LETTERS or real < MIN_REAL_DIGITS):
        return []
    whole = _valid(prefix + "".join(u.digits for u in run))
    # Number words at an edge next to digits may be ordinary words ("0812 3456 7890 satu dua hari lagi"):
    # the run without them is another reading. Two different valid readings make the run ambiguous.
    lead = 0
    while lead < len(run) and run[lead].is_word:
        lead += 1
    trail = len(run)
    while trail > 0 and run[trail - 1].is_word:
        trail -= 1
    readings: dict[str, tuple[int, int]] = {}
    if whole is not None:
        readings[whole] = (0, len(run))
    if lead < trail:  # digits among the words: try the run without its edge words
        for i, j in ((lead, len(run)), (0, trail), (lead, trail)):
            if (i, j) != (0, len(run)):
                reading = _valid((prefix if i == 0 else "") + "".join(u.digits for u in run[i:j]))
                if reading is not None and reading not in readings:
                    readings[reading] = (i, j)
    if len(readings) == 1 and whole is not None:
        return [(whole, 0.9 if letters <= SURE_LETTERS else PROPOSE_CONFIDENCE, 0, len(run))]
    if whole is None:
        # Without the whole run, a reading of plain digits only is the plain scan's, not an evasion.
        readings = {v: (i, j) for v, (i, j) in readings.items() if any(u.is_word for u in run[i:j])}
    # Ambiguous: every valid reading is proposed to an officer, none links.
    return [(value, PROPOSE_CONFIDENCE, i, j) for value, (i, j) in readings.items()]


def scan(text: str) -> Scan:
    """Evasive phone numbers and bank/e-wallet accounts in free text, and the spans plain scans must leave."""
    if not may_hold_evasion(text):
        return Scan([], [])
    clean, index, mapped = _ascii_digits(text)

    def orig(pos: int) -> int:
        return index[pos] if index is not None else pos

    readings: list[Reading] = []
    claimed: list[tuple[int, int]] = []
    for run in _units(clean):
        first, end = run[0].start, run[-1].end
        inside = mapped if index is not None and not text[orig(first) : orig(end)].isascii() else set()
        forms = _run_forms(clean, run, inside)
        if not forms or sum(len(u.digits) for u in run) < 6:
            continue  # written plainly (the plain scan reads it), or too short to be a number
        plus = _PLUS_BEFORE.search(clean, max(0, first - 7), first)
        provider = _PROVIDER_BEFORE.search(clean, max(0, first - 30), first)
        found = _read_account(provider.group("provider"), run) if provider else []
        if not found:
            found = [
                ("phone", e164, confidence, i, j)
                for e164, confidence, i, j in _read_run(run, plus is not None)
            ]
        tuple_forms = tuple(sorted(forms))
        for kind, value, confidence, i, j in found:
            start = plus.start() if plus is not None and i == 0 else run[i].start
            readings.append(Reading(kind, value, orig(start), orig(run[j - 1].end), confidence, tuple_forms))
        # A plain number may start the run when only words follow it and they read as nothing with it.
        plain_head = forms == {"spelled"} and not run[0].is_word and not any(r[3] == 0 for r in found)
        claimed.append((orig(first) + plain_head, orig(end)))
    return Scan(readings, claimed)


def _read_account(provider: str, run: list[_Unit]) -> list[tuple[str, str, float, int, int]]:
    """A bank or e-wallet account written evasively after its provider's name ("BCA satu dua tiga ...")."""
    letters = sum(u.letters for u in run)
    if letters > MAX_LETTERS:
        return []
    confidence = 0.9 if letters <= SURE_LETTERS else PROPOSE_CONFIDENCE
    digits = "".join(u.digits for u in run)
    return [(kind, value, confidence, 0, len(run)) for kind, value in _account_value(provider, digits)]


# --- handles written with spaces or dots inserted -----------------------------------------------------------

_HANDLE_PART = re.compile(r"[A-Za-z0-9_]{1,30}")
_HANDLE_GAP = re.compile(r"[ \t]{0,2}([._])[ \t]{0,2}")


def read_handle_at(text: str, at: int) -> Reading | None:
    """A handle written with spaces or dots inserted at text[at] == "@" ("@loker . kamboja", "@ loker_kamboja"),
    or None when the handle is written plainly (the plain scan reads it) or not at all."""
    pos = at + 1
    while pos < len(text) and pos - at <= 2 and text[pos] in " \t":
        pos += 1
    part = _HANDLE_PART.match(text, pos)
    if part is None:
        return None
    spaced_at = pos > at + 1
    if spaced_at and not (part.group()[0].islower() or part.group()[0] == "_"):
        return None  # "Jobs @ MOHE", "meet @ 10am": "@" for "at", not a handle
    parts = [part.group()]
    end = part.end()
    odd = spaced_at
    ambiguous = False
    while len(parts) < 5:
        gap = _HANDLE_GAP.match(text, end)
        if gap is None or gap.end() == end:
            break
        following = _HANDLE_PART.match(text, gap.end())
        if following is None:
            break
        separator = gap.group(1)
        if gap.group() == separator:
            parts.append(separator + following.group())  # "loker.kamboja": plain, joined as is
        elif gap.group().startswith(".") and not following.group()[:1].islower():
            break  # "@budi. Besok": a sentence ends there
        else:
            odd = True
            ambiguous |= gap.group().startswith(".")  # "@budi. kamboja" may still be a sentence's end
            parts.append(separator + following.group())
        end = following.end()
    if not odd:
        return None
    handle = "".join(parts).lower().rstrip(".")
    if not 2 <= len(handle) <= 40:
        return None
    before = _PLATFORM_BEFORE.search(fold(text[max(0, at - 16) : at]))
    platform = _PLATFORM_WORDS[before.group(1)] if before else None
    value = f"{platform}:{handle}" if platform else f"@{handle}"
    confidence = PROPOSE_CONFIDENCE if ambiguous else 0.85
    return Reading("handle", value, at, end, confidence, ("spaced_handle",))


def read_value(kind: str, raw: str) -> tuple[list[Reading], bool]:
    """Readings of one structured value (a Lapor party, a checkpoint record), and whether it held an evasive
    form at all (then a value that reads as nothing must not be parsed the plain way either)."""
    if kind == "handle":
        at = raw.find("@")
        reading = read_handle_at(raw, at) if at >= 0 else None
        return ([reading] if reading else []), reading is not None
    if kind not in ("phone", "account"):
        return [], False
    found = scan(raw)
    readings = [r for r in found.readings if r.kind == kind or (kind == "account" and r.kind == "phone")]
    if kind == "phone" and len({r.value for r in readings if r.confidence >= LINK_CONFIDENCE}) > 1:
        readings = [r._replace(confidence=PROPOSE_CONFIDENCE) for r in readings]  # two numbers in one field
    return readings, bool(found.claimed)
