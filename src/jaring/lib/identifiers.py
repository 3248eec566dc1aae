"""Identifiers that link records: extraction from structured parties and free text, and normalisation.

Pure Python (no Django) so that the batch linker (`jaring network link`) runs without a database. Every kind of
DESIGN.md is covered: phone, email, url, handle, account, company, person, passport, plate, vessel. Each
identifier keeps its normalised value, its kind, the raw text and where it came from (source + span).

Patterns are bounded (fixed maximum repetitions, no nested quantifiers), so hostile input cannot make a
search backtrack; values longer than any real identifier (a 500-digit "phone") are rejected, not linked.
"""

import re
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from jaring.lib.anchored import anchored_matches
from jaring.lib.identifier_forms import (  # noqa: F401 - normalise_url etc. are public here too
    _BANKS,
    _COMPANY_FOREIGN,
    _COMPANY_ID,
    _EMAIL,
    _HANDLE,
    _NAME_STOP,
    _NUMBER_TEXT,
    _PASSPORT,
    _PERSON,
    _PLATE_AREAS,
    _PLATE_TEXT,
    _PLATFORM_BEFORE,
    _PLATFORM_WORDS,
    _PROVIDER_BEFORE,
    _URL,
    _VESSEL,
    _WALLETS,
    MAX_VALUE,
    _account_value,
    fold,
    normalise_account,
    normalise_company,
    normalise_email,
    normalise_handle,
    normalise_passport,
    normalise_person,
    normalise_plate,
    normalise_url,
    normalise_vessel,
)
from jaring.lib.identifier_readings import (  # noqa: F401 - PROPOSE_CONFIDENCE is public here too
    LINK_CONFIDENCE,
    PLAIN,
    PROPOSE_CONFIDENCE,
    may_hold_evasion,
    read_handle_at,
    read_value,
)
from jaring.lib.identifier_readings import scan as scan_evasions
from jaring.lib.phones import find_phones_from, normalise_phone

KINDS = ("phone", "email", "url", "handle", "account", "company", "person", "passport", "plate", "vessel")
MAX_TEXT = 20_000  # characters of one text scanned (reports are capped well below this)
MAX_PER_RECORD = 300


class Identifier(NamedTuple):
    kind: str
    value: str  # normalised: what records are linked on
    raw: str  # as written
    source: str  # "text" or "party:<index>"
    start: int  # span of raw inside its source
    end: int
    # 1.0 when written plainly; lower when read back from an evasive form (lib.identifier_readings). Below
    # LINK_CONFIDENCE the reading is only proposed to an officer (never linked): see `read`.
    confidence: float = PLAIN


# --- one entry point per source -----------------------------------------------------------------------------


def normalise(kind: str, raw: str) -> list[tuple[str, str]]:
    """Normalised (kind, value) pairs for one structured value; empty if it is not a usable identifier."""
    if not isinstance(raw, str) or not isinstance(kind, str):
        return []
    return list(_normalised(kind, raw))


@lru_cache(maxsize=100_000)
def _normalised(kind: str, raw: str) -> tuple[tuple[str, str], ...]:
    # Cached: a network's phones, accounts and companies recur across many records of a batch.
    return tuple(_normalise(kind, raw))


def _normalise(kind: str, raw: str) -> list[tuple[str, str]]:
    if not raw.strip() or len(raw) > 500:
        return []
    if kind == "phone" and _PLAIN_PHONE.fullmatch(raw):
        pass  # digits and the separators of a plainly typed number: nothing to read back (most values)
    elif kind == "handle" or (kind in ("phone", "account") and may_hold_evasion(raw)):
        # "nol delapan ...", "08l2-...", "@loker . kamboja": read back, and kept only when sure. A value with
        # an evasive form that reads as nothing yields nothing, not the digits left when letters are dropped.
        # (A phone or account that cannot hold an evasion reads as nothing evasive and claims nothing: read_value
        # would return ([], False), so it is not called.)
        evasive, claimed = read_value(kind, raw)
        if evasive or claimed:
            return [(r.kind, r.value) for r in evasive if r.confidence >= LINK_CONFIDENCE]
    if kind == "phone":
        e164 = normalise_phone(raw)
        return [("phone", e164)] if e164 else []
    if kind == "email":
        email = normalise_email(raw)
        return [("email", email)] if email else []
    if kind == "url":
        return normalise_url(raw)
    if kind == "handle":
        return normalise_handle(raw)
    if kind == "account":
        return normalise_account(raw)
    simple = {
        "company": normalise_company,
        "person": normalise_person,
        "passport": normalise_passport,
        "plate": normalise_plate,
        "vessel": normalise_vessel,
    }.get(kind)
    value = simple(raw) if simple else None
    return [(kind, value)] if value else []


def read_phone(raw: str) -> str | None:
    """E.164 of a phone typed in a field, plain or written to dodge filters ("nol delapan ...", "08l2-..."),
    when it reads as exactly one valid number; None otherwise (never the digits left when letters drop)."""
    found = normalise("phone", raw)
    return found[0][1] if len(found) == 1 else None


_PLAIN_PHONE = re.compile(r"[0-9+\-() ]{1,40}")  # ASCII digits only: "０８１２" is read back


def party_values(parties: list[dict]) -> list[tuple[str, str]]:
    """(kind, value) of every identifier of structured parties: from_parties without the Identifier objects
    (the batch linker needs only the values)."""
    found: list[tuple[str, str]] = []
    for party in parties[:MAX_PER_RECORD]:
        if not isinstance(party, dict):
            continue
        kind, raw = party.get("kind"), party.get("value")
        if kind in KINDS and isinstance(raw, str):
            found.extend(_normalised(kind, raw))
    return found


def from_parties(parties: list[dict], *, proposals: bool = False) -> list[Identifier]:
    found: list[Identifier] = []
    for index, party in enumerate(parties[:MAX_PER_RECORD]):
        if not isinstance(party, dict):
            continue
        kind, raw = party.get("kind"), party.get("value")
        if kind not in KINDS or not isinstance(raw, str):
            continue
        source = f"party:{index}"
        values = normalise(kind, raw)
        found.extend(Identifier(k, v, raw, source, 0, len(raw)) for k, v in values)
        if not values and proposals and len(raw) <= 500:
            found.extend(
                Identifier(r.kind, r.value, raw, source, 0, len(raw), r.confidence)
                for r in read_value(kind, raw)[0]
                if r.confidence < LINK_CONFIDENCE
            )
    return found


def from_text(text: str, kinds: Collection[str] = KINDS, *, proposals: bool = False) -> list[Identifier]:
    """Identifiers written in free text (report descriptions, messages, chats), in order of kind.

    Evasive forms ("nol delapan ...", "08l2-5566-7788", "@loker . kamboja") are read back with a confidence
    (lib.identifier_readings); readings too ambiguous to link are left out unless `proposals` is set.

    `kinds` limits what is returned and skips the person, passport, plate and vessel scans when they are left
    out (the job-offer checker needs none of them on most texts). The other scans always run: the spans that
    e-mails, links and accounts claim keep later kinds off the same characters, so a kind's result never
    depends on which others were asked for.
    """
    text = text[:MAX_TEXT]
    return [
        Identifier(k, v, text[s:e], "text", s, e, c)
        for k, v, s, e, c in _scan(text, kinds)
        if proposals or c >= LINK_CONFIDENCE
    ]


def text_values(text: str) -> list[tuple[str, str]]:
    """(kind, value) of every identifier of from_text(text), without the Identifier objects (batch linker)."""
    return [(kind, value) for kind, value, _, _, c in _scan(text[:MAX_TEXT], KINDS) if c >= LINK_CONFIDENCE]


def _scan(text: str, kinds: Collection[str]) -> list[tuple[str, str, int, int, float]]:
    """from_text as (kind, value, start, end, confidence) tuples."""
    found: list[tuple[str, str, int, int, float]] = []
    taken: list[tuple[int, int]] = []  # spans already claimed by links, e-mails and accounts
    wanted = KINDS if kinds is KINDS else frozenset(kinds)

    def add(kind: str, value: str, start: int, end: int, confidence: float = PLAIN) -> None:
        if kind in wanted:
            found.append((kind, value, start, end, confidence))

    def free(start: int) -> bool:
        return not any(s <= start < e for s, e in taken)

    at = text.find("@")
    if at >= 0:
        for m in _emails(text, at):
            email = normalise_email(m.group())
            if email:
                add("email", email, m.start(), m.end())
                taken.append(m.span())
    lowered = text.lower()
    if _URL_GATE.search(lowered):
        for m in _URL.finditer(text):
            if taken and not free(m.start()):
                continue
            raw = m.group().rstrip(".,;:!?")
            for kind, value in normalise_url(raw):
                add(kind, value, m.start(), m.start() + len(raw))
            taken.append((m.start(), m.start() + len(raw)))
    while at >= 0:
        # A handle starts at an "@": matching at each one equals _HANDLE.finditer (its look-behind still
        # sees the characters before), without trying the pattern at every position of the text.
        m = _HANDLE.match(text, at)
        spaced = read_handle_at(text, at) if not taken or free(at) else None
        at = text.find("@", m.end() if m else at + 1)
        if spaced is not None:  # "@loker . kamboja": read back whole, not as "@loker"
            add(spaced.kind, spaced.value, spaced.start, spaced.end, spaced.confidence)
            at = text.find("@", spaced.end)
            continue
        if m:
            if taken and not free(m.start()):
                continue
            handle = m.group(1).lower().rstrip(".")
            before = _PLATFORM_BEFORE.search(fold(text[max(0, m.start() - 16) : m.start()]))
            platform = _PLATFORM_WORDS[before.group(1)] if before else None
            add("handle", f"{platform}:{handle}" if platform else f"@{handle}", m.start(), m.end())
    evasions = scan_evasions(text)  # numbers written to dodge filters; their runs are off-limits below
    claimed = evasions.claimed
    read_spans = []
    for reading in evasions.readings:
        if not taken or free(reading.start):
            add(reading.kind, reading.value, reading.start, reading.end, reading.confidence)
            read_spans.append((reading.start, reading.end))
    taken.extend(read_spans)
    # One search for the hints of the passport, company, person and vessel scans (most texts hold none): it
    # finds the leftmost hint of them all, so no hint of any of them starts before it.
    hint = _NAME_HINTS.search(text)
    hinted = hint is not None
    after_hint = hint.start() if hint is not None else 0
    # In an ASCII text, \d is [0-9]: the ASCII patterns are the same tests, and faster (no Unicode lookup).
    ascii_text = text.isascii()
    digit = (_ASCII_DIGITS if ascii_text else _DIGITS).search(text)
    if digit is not None:
        first = digit.start()
        # In an ASCII text, lowered has the same offsets and IGNORECASE means ASCII case: the provider's first
        # word must then be in the lowered window before a number, a cheap test before the costly search.
        # A number starts at its first digit or at a "+" just before it: the scan starts there, not at 0
        # (look-behinds still see the characters before; no match can start earlier).
        # In an ASCII text, the per-number test below finds no provider when the whole text has none.
        if ascii_text:
            numbers: Iterable[re.Match] = _NUMBER_TEXT_ASCII.finditer(text, max(0, first - 1))
        elif _PROVIDER_GATE.search(lowered):
            numbers = anchored_matches(_NUMBER_START, _NUMBER_TEXT, text, max(0, first - 1))
        else:
            numbers = ()
        for m in numbers:
            window = max(0, m.start() - 30)
            if ascii_text:
                hint = _PROVIDER_GATE.search(lowered, window, m.start())
                if hint is None:
                    continue
                # A provider starts with a hint, so at the first hint or later; "bank " may precede it.
                window = max(window, hint.start() - 6)
            before = _PROVIDER_BEFORE.search(text, window, m.start())
            if before is None or (taken and not free(before.start())) or _inside(claimed, m.start()):
                continue
            for kind, value in _account_value(before.group("provider"), m.group("number")):
                add(kind, value, before.start(), m.end())
                taken.append((before.start(), m.end()))
        dropped = taken + claimed if claimed else taken  # a phone that starts in one of these is not added
        for e164, start, end, _raw in find_phones_from(text, max(0, first - 2), skip=dropped):
            if (not taken or free(start)) and not _inside(claimed, start):
                add("phone", e164, start, end)
        if (
            hinted
            and "passport" in wanted
            and ("aspor" in text or "ASPOR" in text or "assport" in text or "ASSPORT" in text)
        ):
            for m in _PASSPORT.finditer(text):
                value = normalise_passport(m.group("number"))
                if value:
                    add("passport", value, m.start("number"), m.end("number"))
        # A plate's letter is at most two characters before a digit: none before the first digit - 2.
        plate = _PLATE_GATE.search(text, max(0, first - 2)) if "plate" in wanted else None
        # A plate starts one or two letters before its digits: no match can start before plate.start() - 1.
        for m in _PLATE_TEXT.finditer(text, max(0, plate.start() - 1)) if plate else ():
            if m.group(1) in _PLATE_AREAS:
                add("plate", " ".join(m.groups()), m.start(), m.end())
    if hinted and ("PT" in text or "P.T" in text or "CV " in text or "UD " in text):
        _companies(text, _COMPANY_ID, add)
    if hinted and ("Sdn" in text or "SDN" in text or "Pte" in text or "PTE" in text):
        _companies(text, _COMPANY_FOREIGN, add)
    if hinted and "person" in wanted and _PERSON_GATE.search(text, after_hint):
        _people(text, add)
    if hinted and "vessel" in wanted and _VESSEL_GATE.search(text, after_hint):
        for m in _VESSEL.finditer(text):
            name = _name_words(m.group(1))
            value = normalise_vessel(name) if name else None
            if value:
                add("vessel", value, m.start(), m.start(1) + len(name))
    return found[:MAX_PER_RECORD]


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    return bool(spans) and any(s <= position < e for s, e in spans)


def _emails(text: str, at: int) -> Iterator[re.Match]:
    """_EMAIL.finditer(text), searched only from 64 characters (the longest local part) before each "@" that
    can be an e-mail's, and not at all after the last one (look-behinds and \\b still see the characters
    before the start position)."""
    pos = 0
    while (at := _first_mail_at(text, at)) >= 0:
        m = _EMAIL.search(text, max(pos, at - 64))
        if m is None:
            return
        yield m
        pos = m.end()
        at = text.find("@", pos)


def _first_mail_at(text: str, at: int) -> int:
    """The first "@" that can be an e-mail's (right after a character of a local part), or -1: "@budi" alone
    needs no e-mail scan."""
    while at == 0 or (at > 0 and text[at - 1] not in _LOCAL_PART):
        at = text.find("@", at + 1)
    return at


_LOCAL_PART = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-")  # as in _EMAIL


def _companies(text: str, pattern: re.Pattern, add) -> None:  # type: ignore[no-untyped-def]
    for m in pattern.finditer(text):
        name = _name_words(m.group(1))
        value = normalise_company(name) if name else None
        if value:
            end = m.start(1) + m.group(1).find(name) + len(name) if pattern is _COMPANY_ID else m.end()
            add("company", value, m.start(), end)


# Cheap substring tests that skip a regex pass over texts that cannot match it (most texts).
_PERSON_HINTS = ("Pak ", "Pak.", "pak ", "Bapak", "Bpk", "Bu ", "Bu.", "bu ", "Ibu ", "Bang ", "bang ", "Kak ",
                 "kak ", "Mas ", "mas ", "Mba", "mba", "Om ", "Tante", "Mr", "Ms", "Tuan", "Encik", "Cik ", "Koh ",
                 "a.n", "a/n", "A.N", "tas nama", "tas Nama")  # fmt: skip
_VESSEL_HINTS = ("KM", "KLM", "MV", "M.V.", "MT ", "SB ", "apal", "peedboat")


def _any_of(words: Collection[str]) -> re.Pattern:
    """One search for "any of these substrings" (same answer as any(w in text for w in words), faster).

    The words are merged on their common prefixes ("b(?:ca|ni|ri)"): the regex engine then tries one branch
    per character instead of every word; a word that is the prefix of others ends the branch (it suffices).
    """
    return re.compile(_prefix_tree(sorted(set(words))))


def _prefix_tree(words: list[str]) -> str:
    if "" in words:
        return ""
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(word[0], []).append(word[1:])
    parts = [re.escape(first) + _prefix_tree(rest) for first, rest in branches.items()]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


_PERSON_GATE = _any_of(_PERSON_HINTS)
_VESSEL_GATE = _any_of(_VESSEL_HINTS)
_COMPANY_HINTS = ("PT", "P.T", "CV ", "UD ", "Sdn", "SDN", "Pte", "PTE")  # the substring tests in _scan
_PASSPORT_HINTS = ("aspor", "ASPOR", "assport", "ASSPORT")
_NAME_HINTS = _any_of(_PERSON_HINTS + _VESSEL_HINTS + _COMPANY_HINTS + _PASSPORT_HINTS)


def _people(text: str, add) -> None:  # type: ignore[no-untyped-def]
    for m in _PERSON.finditer(text):
        group = 1 if m.group(1) else 2
        name = _name_words(m.group(group))
        value = normalise_person(name) if name else None
        if value:
            add("person", value, m.start(), m.start(group) + len(name))


_PROVIDER_HINTS = tuple(sorted({name.split()[0] for name in {**_BANKS, **_WALLETS}}))
_URL_HINTS = ("://", "www.", "wa.me", "t.me/", "fb.me", ".com/", "whatsapp.com")
_URL_GATE = _any_of(_URL_HINTS)
_PROVIDER_GATE = _any_of(_PROVIDER_HINTS)
_DIGITS = re.compile(r"\d")
_ASCII_DIGITS = re.compile(r"[0-9]")
# The first character of a _NUMBER_TEXT match, not after a digit or "+" (its look-behind, put after that
# character so that the regex engine skips to candidates instead of trying the pattern at every position).
_NUMBER_START = re.compile(r"[+\d](?<![\d+].)")
# _NUMBER_TEXT in an ASCII text, starting with a character class (as phones._RUN_ASCII): the same matches as
# anchored_matches(_NUMBER_START, _NUMBER_TEXT).
_NUMBER_TEXT_ASCII = re.compile(
    r"(?P<number>[+0-9](?<![0-9+].)(?:(?<=[0-9])|(?<=\+)[0-9])(?:[ .-]?[0-9]){5,29})(?![0-9])"
)
_PLATE_GATE = re.compile(r"[A-Z][ \t]?\d")  # what every match of _PLATE_TEXT contains


def _name_words(words: str) -> str:
    kept = []
    for word in words.split():
        if word in _NAME_STOP:
            break
        kept.append(word)
    return " ".join(kept)


def extract(text: str | None = None, parties: list[dict] | None = None) -> list[Identifier]:
    """Every identifier of one record that links: structured parties first, then the free text."""
    found = from_parties(parties) if parties else []
    if text:
        found.extend(from_text(text))
    return found[:MAX_PER_RECORD]


def read(text: str | None = None, parties: list[dict] | None = None) -> list[Identifier]:
    """The one identifier reader: every identifier of one record with its confidence, including evasive
    readings too ambiguous to link (confidence < LINK_CONFIDENCE), which callers propose to an officer.

    Used by Lapor parties, the checker, WhatsApp, checkpoint records and the linker alike: extract() is
    read() without the proposals."""
    found = from_parties(parties, proposals=True) if parties else []
    if text:
        found.extend(from_text(text, proposals=True))
    return found[:MAX_PER_RECORD]


def links(identifier: Identifier) -> bool:
    """Whether a reading is sure enough to link records by itself."""
    return identifier.confidence >= LINK_CONFIDENCE


def key(kind: str, value: str) -> str:
    """One string per identifier, used as a dictionary key by the linker."""
    return f"{kind}\t{value}"


def is_weak(kind: str, value: str) -> bool:
    """Identifiers kept and shown, but too weak to link on by themselves: one-word person names ("budi"), and
    evasive readings an officer has not confirmed (stored as "?" + value by the network app)."""
    return (kind == "person" and " " not in value) or value.startswith(UNCONFIRMED)


UNCONFIRMED = "?"  # prefix of a reading's value while it awaits an officer (network.services)
