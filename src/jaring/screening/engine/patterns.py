"""A small phrase language over tokens, compiled once from the rules file.

A pattern is words separated by spaces; each element is one of:
  word        the token's stem or surface equals the word's (pendaftaran matches daftar, didaftarkan)
  =word       exact surface only (for words whose stems collide)
  word*       surface starts with the prefix
  a|b|=c      any alternative
  #num        a number
  @class      a phrase from a named word class (countries, scam hubs, official bodies...)
  ~N          a gap of 0..N tokens that does not cross a sentence break
  element?    optional element
Matching is a bounded walk from each token (gaps are short and there are at most a few per pattern), and
patterns are indexed by their first word, so a text is scanned in time linear in its length.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from jaring.lib.text import stem, words

from .tokens import SENTENCE, Token

MAX_GAP = 6


@dataclass(frozen=True, slots=True)
class Element:
    stems: frozenset[str] = frozenset()
    exact: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    number: bool = False
    gap: int = 0  # > 0: this element is a gap of up to `gap` tokens
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Pattern:
    source: str
    elements: tuple[Element, ...]
    owner: str  # the rule or cue this pattern belongs to


@dataclass(frozen=True, slots=True)
class Match:
    owner: str
    pattern: str
    first: int  # token indexes, end exclusive
    last: int
    gap_tokens: tuple[int, ...]


class PatternError(ValueError):
    pass


def _stem_word(word: str) -> str:
    parts = words(word)
    if len(parts) != 1:
        raise PatternError(f"{word!r} is not a single word")
    return stem(parts[0])


def compile_pattern(source: str, owner: str, known_classes: Iterable[str]) -> Pattern:
    known = set(known_classes)
    elements: list[Element] = []
    for raw in source.split():
        optional = raw.endswith("?") and len(raw) > 1
        body = raw[:-1] if optional else raw
        if body.startswith("~"):
            size = int(body[1:] or "0")
            if not 0 < size <= MAX_GAP or optional:
                raise PatternError(f"{source!r}: gap must be ~1..~{MAX_GAP}")
            elements.append(Element(gap=size))
            continue
        stems, exact, prefixes, classes, number = set(), set(), [], [], False
        for alt in body.split("|"):
            if not alt:
                raise PatternError(f"{source!r}: empty alternative")
            if alt == "#num":
                number = True
            elif alt.startswith("@"):
                if alt[1:] not in known:
                    raise PatternError(f"{source!r}: unknown class {alt}")
                classes.append(alt[1:])
            elif alt.startswith("="):
                exact.add(alt[1:])
            elif alt.endswith("*"):
                prefixes.append(alt[:-1])
            else:
                stems.add(_stem_word(alt))
                exact.add(alt)
        elements.append(
            Element(frozenset(stems), frozenset(exact), tuple(prefixes), tuple(classes), number, 0, optional)
        )
    if not elements or elements[0].gap or elements[-1].gap or elements[0].optional:
        raise PatternError(f"{source!r}: must start and end with a word")
    return Pattern(source, tuple(elements), owner)


class PhraseIndex:
    """All patterns of the rule set, indexed by the keys their first element can match."""

    def __init__(self, patterns: Iterable[Pattern], classes: dict[str, list[tuple[str, ...]]]) -> None:
        self.classes = {name: _by_first_word(phrases) for name, phrases in classes.items()}
        self.by_key: dict[str, list[Pattern]] = {}
        self.generic: list[Pattern] = []
        for pattern in patterns:
            first = pattern.elements[0]
            if first.prefixes or first.number:
                self.generic.append(pattern)
                continue
            keys = set(first.stems) | set(first.exact)
            for name in first.classes:
                keys |= set(self.classes[name])
            for key in keys:
                self.by_key.setdefault(key, []).append(pattern)

    def find(self, tokens: list[Token]) -> list[Match]:
        found: list[Match] = []
        for i, token in enumerate(tokens):
            candidates = self.by_key.get(token.text, [])
            if token.stem != token.text:
                candidates = candidates + self.by_key.get(token.stem, [])
            for pattern in (*candidates, *self.generic):
                result = self._match(pattern.elements, 0, tokens, i, ())
                if result is not None:
                    end, gaps = result
                    found.append(Match(pattern.owner, pattern.source, i, end, gaps))
        return _dedupe(found)

    def class_span(self, name: str, tokens: list[Token], i: int) -> int | None:
        """End index of the longest phrase of class `name` starting at token i."""
        best = None
        for phrase in self.classes[name].get(tokens[i].text, ()):
            end = i + len(phrase)
            fits = end <= len(tokens) and all(tokens[i + k].text == phrase[k] for k in range(1, len(phrase)))
            if fits and (best is None or end > best):
                best = end
        return best

    def _element_end(self, element: Element, tokens: list[Token], i: int) -> int | None:
        if i >= len(tokens):
            return None
        token = tokens[i]
        if token.text in element.exact or token.stem in element.stems:
            return i + 1
        if element.number and token.text.isdigit():
            return i + 1
        if element.prefixes and token.text.startswith(element.prefixes):
            return i + 1
        for name in element.classes:
            end = self.class_span(name, tokens, i)
            if end is not None:
                return end
        return None

    def _match(
        self, elements: tuple[Element, ...], k: int, tokens: list[Token], i: int, gaps: tuple[int, ...]
    ) -> tuple[int, tuple[int, ...]] | None:
        if k == len(elements):
            return i, gaps
        element = elements[k]
        if element.gap:
            for size in range(element.gap + 1):
                if size and (i + size > len(tokens) or tokens[i + size - 1].brk >= SENTENCE):
                    break
                result = self._match(elements, k + 1, tokens, i + size, gaps + tuple(range(i, i + size)))
                if result is not None:
                    return result
            return None
        if k > 0 and i < len(tokens) and tokens[i].brk >= SENTENCE:
            return self._match(elements, k + 1, tokens, i, gaps) if element.optional else None
        end = self._element_end(element, tokens, i)
        if end is not None:
            result = self._match(elements, k + 1, tokens, end, gaps)
            if result is not None:
                return result
        if element.optional:
            return self._match(elements, k + 1, tokens, i, gaps)
        return None


def _by_first_word(phrases: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return index


def _dedupe(matches: list[Match]) -> list[Match]:
    """Keep one match per owner and start token (the first pattern that matched there)."""
    seen: set[tuple[str, int]] = set()
    unique = []
    for match in matches:
        key = (match.owner, match.first)
        if key not in seen:
            seen.add(key)
            unique.append(match)
    return unique
