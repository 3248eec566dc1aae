"""Tokens with offsets into the original text, chat spelling expanded, clause breaks kept.

Folding (lower case, accents and full-width forms removed) can change the length of a text, so each folded
character remembers the index of the original character it came from; evidence spans always point into the
text the user typed.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from jaring.lib.text import stem

# Letters or digits: "15jt" becomes "15" + "jt", "wa.me" becomes "wa" + "me". One class, linear time.
_TOKEN = re.compile(r"[a-z]+|[0-9]+")
# Words longer than this are junk (hashes, base64); they are kept as tokens but never stemmed.
_MAX_STEM_LENGTH = 24

# Break strength between two tokens: 2 ends a sentence, 1 ends a clause; negation never crosses a break
# and a gap in a pattern never crosses a sentence break.
SENTENCE = 2
CLAUSE = 1


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # folded surface form after expanding chat spelling
    stem: str
    start: int  # offsets into the original text
    end: int
    brk: int  # break before this token: 0, CLAUSE or SENTENCE


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


def _break_between(gap: str) -> int:
    if "\n" in gap or "!" in gap or "?" in gap or ". " in gap or gap.endswith("."):
        return SENTENCE
    if any(mark in gap for mark in ",;:()|"):
        return CLAUSE
    return 0


@lru_cache(maxsize=100_000)
def _stem_of(word: str) -> str:
    if len(word) > _MAX_STEM_LENGTH or not word.isalpha():
        return word
    return stem(word)


def tokenize(text: str, slang: dict[str, tuple[str, ...]]) -> list[Token]:
    """Tokens of text; a chat spelling (gk, brgkt, loker) becomes its standard word(s) with the same span."""
    folded, index = fold_with_map(text)
    tokens: list[Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(folded):
        fstart, fend = match.span()
        brk = _break_between(folded[previous_end:fstart]) if tokens else SENTENCE
        previous_end = fend
        if index is None:
            start, end = fstart, fend
        else:
            start, end = index[fstart], index[fend - 1] + 1
        word = match.group()
        for piece in slang.get(word, (word,)):
            tokens.append(Token(piece, _stem_of(piece), start, end, brk))
            brk = 0
    return tokens
