"""Tokens with offsets into the original text, chat spelling expanded, clause breaks kept.

Folding (lower case, accents and full-width forms removed) can change the length of a text, so each folded
character remembers the index of the original character it came from; evidence spans always point into the
text the user typed.
"""

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from jaring.lib.text import stem

# Runs of letters and digits; "wa.me" becomes "wa" + "me". One class, linear time. A number glued to a
# unit ("15jt", "rp15", "500rb") is split in two, but names with digits inside stay whole (bp2mi, p3mi, g2g).
# Split with a capturing group gives [gap, word, gap, word, ..., gap] in one linear C pass (no match object
# per token). Not findall("([^a-z0-9]*)([a-z0-9]+)"): a long run of symbols at the end makes that quadratic.
_WORDS = re.compile(r"([a-z0-9]+)")
_GLUED = re.compile(r"(\d+)([a-z]+)|([a-z]+)(\d+)")
# Words longer than this are junk (hashes, base64); they are kept as tokens but never stemmed.
_MAX_STEM_LENGTH = 24
# Stemming an unknown word costs ~0.3 ms, so a flood of random words could take seconds. At most this many
# words not seen before are stemmed per text (real offers stay far below); later new words match as written.
MAX_STEMMED_WORDS = 400

# Break strength between two tokens: 2 ends a sentence, 1 ends a clause; negation never crosses a break
# and a gap in a pattern never crosses a sentence break.
SENTENCE = 2
CLAUSE = 1


class Token(NamedTuple):
    text: str  # folded surface form after expanding chat spelling
    stem: str
    start: int  # offsets into the original text
    end: int
    brk: int  # break before this token: 0, CLAUSE or SENTENCE


# Builds a Token without the Python-level NamedTuple constructor (tokenising is the hottest loop).
_new = tuple.__new__


def fold_with_map(text: str) -> tuple[str, list[int] | None]:
    """Folded text and, when folding changed lengths, the original index of each folded character."""
    if text.isascii():
        return text.lower(), None
    out: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        if char.isascii():
            out.append(char.lower())
            index.append(position)
            continue
        for piece in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(piece):
                continue
            lowered = piece.lower()
            out.append(lowered)
            index.extend([position] * len(lowered))
    return "".join(out), index


# "No. 123", "a.n. Siti", "Jl. Sudirman", "Rp. 5.000": a full stop after these does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "no",
        "nomor",
        "jl",
        "pt",
        "cv",
        "rp",
        "a",
        "n",
        "an",
        "tbk",
        "sdn",
        "bhd",
        "ltd",
        "dll",
        "dsb",
        "dst",
        "st",
        "dr",
        "ir",
        "hj",
        "mr",
        "mrs",
        "ms",
        "kec",
        "kab",
        "kel",
        "prov",
        "tel",
        "telp",
        "hp",
        "wa",
        "us",
        "s",
        "nt",
        "hk",
        "rm",
        "vs",
        "etc",
        "e",
        "g",
        "i",
    ]
)


def _break_between(gap: str, previous: str, following: str) -> int:
    if "\n" in gap or "!" in gap or "?" in gap:
        return SENTENCE
    if ". " in gap or gap.endswith("."):
        return CLAUSE if previous in _ABBREVIATIONS or following[:1].isdigit() else SENTENCE
    if any(mark in gap for mark in ",;:()|"):
        return CLAUSE
    return 0


@lru_cache(maxsize=100_000)
def _stem_of(word: str) -> str:
    if len(word) > _MAX_STEM_LENGTH or not word.isalpha():
        return word
    return stem(word)


# Break strength of the gaps that do not depend on the words around them (" ", ", ", "\n"...), filled as texts
# are read; a gap with a full stop depends on the words ("No. 5" versus "selesai. Hubungi") and is not kept.
_GAP_BREAKS: dict[str, int] = {" ": 0}


def _gap_break(gap: str, previous: str, following: str) -> int:
    found = _GAP_BREAKS.get(gap)
    if found is None:
        found = _break_between(gap, previous, following)
        if len(_GAP_BREAKS) < 10_000 and ("." not in gap or "\n" in gap or "!" in gap or "?" in gap):
            _GAP_BREAKS[gap] = found
    return found


def tokenize(text: str, slang: dict[str, tuple[str, ...]], cache: dict | None = None) -> list[Token]:
    """Tokens of text; a chat spelling (gk, brgkt, loker) becomes its standard word(s) with the same span.

    `cache` (one per rule set) keeps each word's expansion and stems across texts: most words repeat.
    """
    cache = {} if cache is None else cache
    folded, index = fold_with_map(text)
    tokens: list[Token] = []
    append = tokens.append
    previous = ""
    fresh = 0
    brk = SENTENCE
    parts = _WORDS.split(folded)
    ends = list(accumulate(map(len, parts)))  # ends[2k]: word k starts; ends[2k + 1]: word k ends
    # The last gap (after the last word) has no word: strict=False drops it.
    for gap, word, start, stop in zip(parts[0::2], parts[1::2], ends[0::2], ends[1::2], strict=False):
        if tokens:
            brk = _GAP_BREAKS.get(gap)
            if brk is None:
                brk = _gap_break(gap, previous, word)
        previous = word
        entry = cache.get(word)
        if entry is None:
            pieces = _expand(word, slang)
            if fresh < MAX_STEMMED_WORDS:
                fresh += 1
                entry = tuple((piece, _stem_of(piece)) for piece in pieces)
                if len(cache) < 200_000:
                    cache[word] = entry
            else:
                entry = tuple((piece, piece) for piece in pieces)
        if index is not None:
            start, stop = index[start], index[stop - 1] + 1
        for piece, root in entry:
            append(_new(Token, (piece, root, start, stop, brk)))
            brk = 0
    _number_abbreviation(tokens)
    return tokens


def _expand(word: str, slang: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    if word.isalpha() or word.isdigit():
        return slang.get(word, (word,))
    glued = _GLUED.fullmatch(word)
    parts = [part for part in glued.groups() if part] if glued else [word]
    return tuple(expanded for part in parts for expanded in slang.get(part, (part,)))


_NUMBERED = frozenset({"rekening", "whatsapp", "telepon", "hp", "izin", "sip3mi"})


def _number_abbreviation(tokens: list[Token]) -> None:
    """ "No. 123", "no rek", "no WA" mean "nomor"; only "no" in "no experience" is a negation."""
    for i in [i for i, token in enumerate(tokens[:-1]) if token.text == "no"]:
        token, following = tokens[i], tokens[i + 1].text
        if following.isdigit() or following in _NUMBERED:
            tokens[i] = Token("nomor", "nomor", token.start, token.end, token.brk)
