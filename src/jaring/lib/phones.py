"""Phone numbers: find them in free text and normalise them to E.164 (Indonesia, Malaysia, Singapore first).

Used by the job-offer checker and by identifier linking. The candidate pattern is bounded and has no nested
quantifiers, so scanning is linear in the text length; phonenumbers only parses the few candidates found.
"""

import re
import traceback
from functools import lru_cache

import phonenumbers

from jaring.lib.anchored import anchored_matches

# A run of digits and the separators people type in chats (spaces, dashes, dots, brackets). One character
# class repeated: linear time. Each run is then cut into digit groups and numbers are assembled from them.
_RUN = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d \-.()]*")
# Where a run can start: its first character, not after a letter, digit or "+" (the look-behind of _RUN, put
# after that character so that the regex engine can skip to candidates without trying every position).
_RUN_START = re.compile(r"[+(\d](?<![\w+].)")
# _RUN in an ASCII text as one pattern that starts with a character class (so the regex engine skips to
# candidates by itself): its first character, the look-behind after it, then what _RUN asks after a "+", a "("
# or a digit. The same matches as anchored_matches(_RUN_START, _RUN) (tests/network/test_reading_paths.py).
_RUN_ASCII = re.compile(r"[+(0-9](?<![\w+].)(?:(?<=[0-9])|(?<=\+)\(?[0-9]|(?<=\()[0-9])[0-9 \-.()]*")
_GROUP = re.compile(r"\d+")
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_NOT_DIAL = re.compile(r"[^\d+]")  # what is left of a typed number when it is dialled
_NOT_DIAL_BYTES = bytes(c for c in range(128) if not (48 <= c <= 57 or c == 43))  # the same, in ASCII
# A look-alike letter next to a digit (lib.identifier_readings.LETTERS), or any letter between two digits
# ("08x2-5566-7788"): dropping it would dial someone else.
_LETTER_FOR_DIGIT = re.compile(r"[OolISBZ]\d|\d[OolISBZ]|\d[A-Za-z]{1,3}\d")
_MONEY_BEFORE = re.compile(r"(?:rp|rm|myr|sgd|usd|idr|s\$|\$|nt\$|twd|hkd)\s?$", re.IGNORECASE)
# The last characters of _MONEY_BEFORE's words (no other character matches them ignoring case). A match ends
# one of them at most three characters before a run (a space, then a newline that "$" may precede): without
# one there, the search is skipped.
_MONEY_ENDS = frozenset("pPmMrRdD$")
# Country calling codes tried when a number is written without "+" but with its country code.
_KNOWN_CODES = ("62", "60", "65")
MAX_PHONES = 200
MAX_GROUPS = 15  # digit groups in one number: a digit each at most, as the 15 digits of E.164
# More groups than people use to write a number (0812-3456-7890, +62 812 3456 7890, 08 12 34 56 78 90): digits
# spaced out on purpose, or a list of numbers ("1 2 3 ... 10"). Only a mobile number written from its start
# ("0 8 1 2 ...", "6 2 8 1 ...") is taken then.
SPACED_OUT = 6
# Fast path (added for identifier linking, which normalises millions of numbers): the validity test of
# phonenumbers.is_valid_number, rebuilt from its own metadata for the three regions tried first. A number it
# accepts gets exactly the E.164 form the full parse would give; anything else takes the full parse.
_TYPES = (
    "mobile",
    "fixed_line",
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
)


def _desc_test(desc) -> tuple[frozenset[int], re.Pattern] | None:  # type: ignore[no-untyped-def]
    if desc is None or not desc.national_number_pattern:
        return None
    return frozenset(desc.possible_length or ()), re.compile(desc.national_number_pattern)


def _region_test(region: str) -> tuple[str, tuple, list]:
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    types = [t for t in (_desc_test(getattr(meta, name, None)) for name in _TYPES) if t is not None]
    return str(meta.country_code), _desc_test(meta.general_desc), types


_FAST = {region: _region_test(region) for region in ("ID", "MY", "SG")}
_FAST_BY_CODE = {code: (general, types) for code, general, types in _FAST.values()}


def _fits(test: tuple[frozenset[int], re.Pattern] | None, length: int) -> bool:
    return test is not None and (not test[0] or length in test[0])


def _valid_pattern(code: str, length: int) -> re.Pattern | None:
    """The validity test for national numbers of one length as one pattern: the general description and any
    type that allows this length (a look-ahead for the first, an alternation of the others)."""
    general, types = _FAST_BY_CODE[code]
    alternatives = [f"(?:{test[1].pattern})" for test in types if _fits(test, length)]
    if not _fits(general, length) or not alternatives:
        return None
    return re.compile(rf"(?=(?:{general[1].pattern})\Z)(?:{'|'.join(alternatives)})")


_VALID: dict[tuple[str, int], re.Pattern | None] = {}  # (code, length) -> pattern; filled on first use


def _fast_valid(code: str, national: str) -> bool:
    if national[:1] == "0":
        return False
    shape = (code, len(national))
    pattern = _VALID[shape] if shape in _VALID else _VALID.setdefault(shape, _valid_pattern(*shape))
    return pattern is not None and pattern.fullmatch(national) is not None


def _fast_e164(digits: str, default_region: str) -> str | None | bool:
    """E.164 for the common writings, False when the full parse would surely fail, None when unsure.

    Mirrors the attempts of normalise_phone: +CC..; 0.. as ID, then MY; bare digits as +CC.., as a Singapore
    8-digit number, then as an Indonesian national number. Checked against the full parse in tests.
    """
    if default_region != "ID":
        return None
    if digits.startswith("+"):
        body = digits[1:]
        for code in _FAST_BY_CODE:
            if body.startswith(code):
                national = body[len(code) :]
                if _fast_valid(code, national):
                    return "+" + body
                return None if national.startswith("0") else False
        return None
    if digits.startswith("0"):
        for region in ("ID", "MY"):
            code = _FAST[region][0]
            if _fast_valid(code, digits[1:]):
                return "+" + code + digits[1:]
        return None  # 0.. can also be an international dialling prefix of ID or MY: the full parse decides
    if digits.startswith(_KNOWN_CODES):
        if len(digits) >= 10 and _fast_valid(digits[:2], digits[2:]):
            return "+" + digits
        return None
    if len(digits) == 8 and digits[0] in "3689":
        return "+65" + digits if _fast_valid("65", digits) else None
    return "+62" + digits if _fast_valid("62", digits) else False


@lru_cache(maxsize=50_000)
def normalise_phone(raw: str, default_region: str = "ID") -> str | None:
    """E.164 form of a typed phone number, or None if it is not a valid ID/MY/SG (or international) number.

    0812-3456-7890 -> +6281234567890; 012-345 6789 -> +60123456789 (Malaysian mobiles start with 01);
    6281234567890 -> +6281234567890; +65 9123 4567 -> +6591234567.
    """
    if raw.isascii():
        if raw.isdecimal():
            digits = raw
        elif raw.upper() != raw.lower() and _LETTER_FOR_DIGIT.search(raw):
            # Only a text with letters can hold one (upper == lower: no letter at all, the common case).
            return None  # "08l2-5566-7788": dropping the l would dial someone else (lib.identifier_readings)
        else:
            digits = raw.encode().translate(None, _NOT_DIAL_BYTES).decode()  # _NOT_DIAL.sub, for ASCII
    elif _LETTER_FOR_DIGIT.search(raw):
        return None
    else:
        digits = _NOT_DIAL.sub("", raw)
    if not digits or len(digits) > 17:
        return None
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    fast = _fast_e164(digits, default_region)
    if fast is not None:
        return fast or None
    attempts: list[tuple[str, str | None]] = []
    if digits.startswith("+"):
        attempts.append((digits, None))
    elif digits.startswith("0"):
        # Local trunk prefix: 08.. is Indonesian mobile, 01.. Malaysian mobile; try the default first.
        regions = [default_region] + [r for r in ("ID", "MY", "SG") if r != default_region]
        attempts.extend((digits, region) for region in regions)
    else:
        if digits.startswith(_KNOWN_CODES) and len(digits) >= 10:
            attempts.append(("+" + digits, None))
        if len(digits) == 8 and digits[0] in "3689":
            attempts.append((digits, "SG"))
        attempts.append((digits, default_region))
    for number, region in attempts:
        try:
            parsed = phonenumbers.parse(number, region)
        except phonenumbers.NumberParseException as exc:
            _release(exc)
            continue
        if phonenumbers.is_valid_number(parsed):
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return None


def _release(exc: BaseException) -> None:
    """phonenumbers.parse keeps the exception it re-raises, and its traceback, in locals of its own frame
    (`_, e, _ = sys.exc_info()`): a reference cycle that holds every calling frame, with their locals, until
    the cyclic collector runs. The batch linker's workers run without it (network.batch), so the frames are
    cleared here: a 10M-record run grew by about 1 GB a worker without this."""
    traceback.clear_frames(exc.__traceback__)


def is_mobile(e164: str) -> bool:
    """True for mobile numbers (the kind individuals use); landlines and toll-free numbers are False."""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException as exc:
        _release(exc)
        return False
    kind = phonenumbers.number_type(parsed)
    return kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def find_phones(text: str, default_region: str = "ID") -> list[tuple[str, int, int, str]]:
    """Phone numbers in text as (e164, start, end, raw), in order of appearance, at most MAX_PHONES.

    Repeated numbers are all returned (each occurrence has its own offsets); normalisation is cached.
    """
    return find_phones_from(text, 0, default_region)


def find_phones_from(
    text: str, pos: int, default_region: str = "ID", skip: list[tuple[int, int]] | None = None
) -> list[tuple[str, int, int, str]]:
    """find_phones(text) when no run can start before pos (a run starts at most two characters, "+(" or
    "00", before its first digit: pos = first digit - 2 is safe).

    skip: spans in which the caller drops every number that starts (accounts, evasive runs). A run inside one
    of them is then not read at all; only in a text too short to hold MAX_PHONES numbers (each takes at least
    7 of its characters), so that leaving those numbers out cannot change which ones the limit keeps."""
    found: list[tuple[str, int, int, str]] = []
    if skip and len(text) >= 7 * MAX_PHONES:
        skip = None
    runs = _RUN_ASCII.finditer(text, pos) if text.isascii() else anchored_matches(_RUN_START, _RUN, text, pos)
    for run in runs:
        start, end = run.span()
        if end - start < 7:
            continue  # fewer than 7 characters cannot hold the 7 digits _parse_candidate asks for
        if not _MONEY_ENDS.isdisjoint(text[max(0, start - 3) : start]) and _MONEY_BEFORE.search(
            text[max(0, start - 4) : start]
        ):
            continue
        if _part_of_code(text, start, end):
            continue
        chars = text[start:end]
        if skip:
            # Every number of the run starts at or after its start and before its last digit.
            last = start + len(chars.rstrip(" -.()"))
            if any(s <= start and last <= e for s, e in skip):
                continue
        found.extend(
            (e164, start + begin, start + stop, raw)
            for e164, begin, stop, raw in _run_numbers(chars, default_region)
        )
        if len(found) >= MAX_PHONES:
            return found[:MAX_PHONES]
    return found


def _part_of_code(text: str, start: int, end: int) -> bool:
    """Whether a run is a piece of a longer code with letters inside ("08x2-5566-7788", "0812-5566-77x8"):
    its digits alone would dial someone else, so no number is read from it."""
    if end + 1 < len(text) and text[end].isalpha() and text[end + 1].isdigit():
        return True
    if start < 2 or text[start - 1] not in "-._*/" or not text[start - 2].isalnum():
        return False
    word = _TOKEN_BEFORE.search(text, max(0, start - 22), start - 1)
    return word is not None and not word.group().isdigit() and not word.group().isalpha()


_TOKEN_BEFORE = re.compile(r"[^\W_]{1,21}$")


def _run_numbers(run: str, region: str) -> tuple[tuple[str, int, int, str], ...]:
    """The numbers of one run with offsets inside the run. Most runs are one group of digits, perhaps with a
    separator after it ("1190843473."): what _numbers_in_run finds in them is the one candidate of its only
    group, parsed directly here (normalise_phone is cached)."""
    body = run.rstrip(" -.()")
    if body.isdecimal() and body.isascii():
        if len(body) > 15:
            return ()
        hit = _parse_candidate(body, 0, region, len(body))
        return () if hit is None else (hit,)
    return _grouped_run_numbers(run, region)


@lru_cache(maxsize=50_000)
def _grouped_run_numbers(run: str, region: str) -> tuple[tuple[str, int, int, str], ...]:
    """The numbers of one run: a run's numbers depend on its characters only, and the same runs (hotlines, a
    network's phones) recur across the records of a batch, so they are cached."""
    return tuple(_numbers_in_run(run, 0, len(run), region))


def _numbers_in_run(text: str, start: int, end: int, region: str) -> list[tuple[str, int, int, str]]:
    """Cut a run into numbers: from each digit group, the longest valid number of up to MAX_GROUPS groups and
    15 digits (so "0 8 1 2 3 4 5 6 7 8 9 0", digits spaced out to slip past a platform's filter, is one)."""
    groups = [m.span() for m in _GROUP.finditer(text, start, end)]
    numbers: list[tuple[str, int, int, str]] = []
    i = 0
    while i < len(groups):
        first = groups[i][0]
        # A leading "+", "00" or "(" belongs to the number.
        if i == 0 and text[start] in "+(":
            first = start
        best = None
        last = i
        digits = 0
        candidates = []
        while last < len(groups) and last < i + MAX_GROUPS:
            if last > i and groups[last][0] - groups[last - 1][1] > 2:
                break
            digits += groups[last][1] - groups[last][0]
            if digits > 15:
                break
            candidates.append((last, digits))
            last += 1
        spaced = len(candidates) > SPACED_OUT and _could_start_mobile(text, groups, i, first)
        for j, digit_count in reversed(candidates):
            raw = text[first : groups[j][1]]
            if j - i < SPACED_OUT:
                hit = _parse_candidate(raw, first, region, digit_count)
            else:
                hit = _spaced_out_mobile(raw, first, region) if spaced and digit_count >= 9 else None
            if hit is not None:
                best = (hit, j)
                break
        if best is None:
            i += 1
            continue
        numbers.append(best[0])
        i = best[1] + 1
    return numbers


def _could_start_mobile(text: str, groups: list[tuple[int, int]], i: int, first: int) -> bool:
    """Whether the digits from group i begin as a mobile number is written: 0 and a non-zero digit, a country
    code (after "+" or "00" too). Checked once per group before any long candidate is tried."""
    head = "".join(text[a:b] for a, b in groups[i : i + 4])[:4]
    if text[first] == "+":
        return head[:2] in _KNOWN_CODES
    if head.startswith("00"):
        return head[2:4] in _KNOWN_CODES
    return (head[:1] == "0" and head[1:2] != "0") or head[:2] in _KNOWN_CODES


def _spaced_out_mobile(raw: str, start: int, region: str) -> tuple[str, int, int, str] | None:
    """A mobile number written from its start, digits spaced out: judged by string tests and the fast path
    only (no full parse), so that a long run of single digits stays cheap to scan."""
    digits = _NOT_DIAL.sub("", raw)  # its start passed _could_start_mobile
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if digits.lstrip("+") in "01234567890123456789":  # "0 1 2 3 4 5 6 7 8 9" is a list, not +60123456789
        return None
    e164 = _fast_e164(digits, region)
    if not e164 or not is_mobile(e164):
        return None
    return e164, start, start + len(raw), raw


def _parse_candidate(
    raw: str, start: int, default_region: str, digit_count: int
) -> tuple[str, int, int, str] | None:
    """digit_count: the digits of raw (its digit groups' lengths; the rest are separators)."""
    if digit_count < 7 or digit_count > 15 or ("." in raw and _THOUSANDS.fullmatch(raw)):
        return None  # a run holds no "," and _THOUSANDS needs a separator: without a "." it cannot match
    e164 = normalise_phone(raw, default_region)
    return None if e164 is None else (e164, start, start + len(raw), raw)
