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
from typing import NamedTuple

from jaring.lib.text import stem, words

from .tokens import SENTENCE, Token

MAX_GAP = 8
_NUMBER_KEY = "#num"
_new = tuple.__new__  # builds a Match without the Python-level NamedTuple constructor
_NONE: list = []


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

    def required_words(self) -> list[frozenset[str]]:
        """For each plain-word element that must match, the words that can satisfy it."""
        return [
            e.exact | e.stems
            for e in self.elements
            if not (e.gap or e.optional or e.prefixes or e.classes or e.number)
        ]


class Match(NamedTuple):
    # A tuple, not a frozen dataclass: a text yields dozens of matches and a tuple is built in one C call.
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


# How a candidate pattern continues once its first token is known (decided once per word, see `starts`).
_SIMPLE = 0  # a one-word pattern whose word matched: the match is that token
_WORDS = 1  # plain words follow, with no gap: compare the next tokens in a loop
_GAP_WORD = 2  # "a ~N b": one gap, then one plain word
_REST = 3  # the first element matched this one token: walk the rest from the next token
_WALK = 4  # the first element is a word class (may span several tokens): walk from the first element
_CLASS = 5  # the pattern is one word class ("@scam_hub"): its longest phrase here


def _plain(element: "Element") -> bool:
    return not (element.gap or element.optional or element.prefixes or element.classes or element.number)


class PhraseIndex:
    """All patterns of the rule set, indexed by the keys their first element can match.

    Matching is driven by the tokens: for each distinct (surface, stem) the index computes once which patterns
    can start there, and whether that one token already decides the first element (it does unless the element
    is a word class, whose phrases span several tokens). Those candidate lists are kept across texts, so a
    text costs one dictionary look-up per token plus a short walk for the few patterns that start there.
    """

    def __init__(self, patterns: Iterable[Pattern], classes: dict[str, list[tuple[str, ...]]]) -> None:
        self.classes = {name: _by_first_word(phrases) for name, phrases in classes.items()}
        self.by_key: dict[str, list[Pattern]] = {}
        self.generic: list[Pattern] = []
        self.patterns = list(patterns)
        self.number_of = {id(pattern): n for n, pattern in enumerate(self.patterns)}
        self.required = [pattern.required_words() for pattern in self.patterns]
        self.simple = [
            len(p.elements) == 1
            and not (p.elements[0].classes or p.elements[0].prefixes or p.elements[0].number)
            for p in self.patterns
        ]
        self.by_owner: dict[str, list[int]] = {}
        for n, pattern in enumerate(self.patterns):
            self.by_owner.setdefault(pattern.owner, []).append(n)
        self._limit_kind = [pattern.owner.partition(":")[0] for pattern in self.patterns]
        self._limit_of: dict[tuple, list[int | None]] = {}
        # The common shapes, matched by loops instead of the general walk: "a b c" and "a ~N b".
        self._shape: list[int] = []
        self._words: list[tuple[tuple[frozenset[str], frozenset[str]], ...]] = []
        for pattern in self.patterns:
            rest = pattern.elements[1:]
            if rest and all(_plain(e) for e in rest):
                self._shape.append(_WORDS)
                self._words.append(tuple((e.exact, e.stems) for e in rest))
            elif len(rest) == 2 and rest[0].gap and _plain(rest[1]):
                self._shape.append(_GAP_WORD)
                self._words.append(((rest[1].exact, rest[1].stems),))
            else:
                self._shape.append(_REST)
                self._words.append(())
        # Candidate patterns per (word, stem), merged once and reused by every text.
        self._candidates: dict[tuple[str, str, bool], tuple[tuple[int, Pattern], ...]] = {}
        self._starts: dict[tuple[str, str], tuple[tuple[int, Pattern, int, tuple], ...]] = {}
        for pattern in self.patterns:
            first = pattern.elements[0]
            if first.prefixes:
                self.generic.append(pattern)
                continue
            keys = set(first.stems) | set(first.exact)
            if first.number:
                keys.add(_NUMBER_KEY)
            for name in first.classes:
                keys |= set(self.classes[name])
            for key in keys:
                self.by_key.setdefault(key, []).append(pattern)

    def candidates(self, text: str, stem: str) -> tuple[tuple[int, "Pattern"], ...]:
        """Patterns indexed under the token's surface, stem, number-ness, and the prefix patterns, in order."""
        key = (text, stem, text.isdigit())
        found = self._candidates.get(key)
        if found is None:
            merged = list(self.by_key.get(text, _NONE))
            if stem != text:
                merged += [p for p in self.by_key.get(stem, _NONE) if p not in merged]
            if key[2]:
                merged += self.by_key.get(_NUMBER_KEY, _NONE)
            merged += self.generic
            found = tuple((self.number_of[id(p)], p) for p in merged)
            if len(self._candidates) < 200_000:
                self._candidates[key] = found
        return found

    def starts(self, text: str, stem: str) -> tuple[tuple[int, "Pattern", int, tuple], ...]:
        """The candidates whose first element can match a token (text, stem), with how each continues.

        Same order as `candidates` (the first pattern to match at a token wins); patterns whose first element
        cannot match this token are left out, which `_element_end` would have decided from the token alone.
        """
        found = self._starts.get((text, stem))
        if found is not None:
            return found
        is_number = text.isdigit()
        kept = []
        for number, pattern in self.candidates(text, stem):
            first = pattern.elements[0]
            if (
                text in first.exact
                or stem in first.stems
                or (first.number and is_number)
                or (first.prefixes and text.startswith(first.prefixes))
            ):
                mode = _SIMPLE if self.simple[number] else self._shape[number]
            elif first.classes:
                mode = _CLASS if len(pattern.elements) == 1 else _WALK
            else:
                continue
            # Required words this token does not already provide: checked against the text's words once.
            needed = tuple(
                words for words in self.required[number] if text not in words and stem not in words
            )
            kept.append((number, pattern, mode, needed))
        found = tuple(kept)
        if len(self._starts) < 200_000:
            self._starts[(text, stem)] = found
        return found

    def find(self, tokens: list[Token], limits: dict[str, int] | None = None) -> list[Match]:
        """Matches in text order. `limits` caps matches per owner, by owner prefix ("offer" -> 1: a cue counts
        once); a capped owner's patterns are skipped for the rest of the text."""
        limit_of = self._limits(limits or {})
        words = {t.text for t in tokens}
        words.update([t.stem for t in tokens])
        # A pattern whose required words are absent from the text never matches: decided once per pattern.
        viable: list[bool | None] = [None] * len(self.patterns)
        counts: dict[str, int] = {}
        found: list[Match] = []
        seen: set[tuple[str, int]] = set()  # (owner, first token): one match each, the first pattern's
        starts = self._starts
        sequences = self._words
        size = len(tokens)
        for i, token in enumerate(tokens):
            candidates = starts.get(token[:2])  # (text, stem)
            if candidates is None:
                candidates = self.starts(token.text, token.stem)
            for number, pattern, mode, needed in candidates:
                ok = viable[number]
                if ok is None:
                    ok = True
                    for required in needed:
                        if words.isdisjoint(required):
                            ok = False
                            break
                    viable[number] = ok
                if not ok:
                    continue
                gaps: tuple[int, ...] = ()
                if mode == _SIMPLE:
                    end = i + 1
                elif mode == _WORDS:
                    # Each next token matches the next word, and none of them starts a sentence.
                    end = i + 1
                    for exact, stems in sequences[number]:
                        following = tokens[end] if end < size else None
                        if (
                            following is None
                            or following.brk >= SENTENCE
                            or not (following.text in exact or following.stem in stems)
                        ):
                            end = 0
                            break
                        end += 1
                    if not end:
                        continue
                elif mode == _GAP_WORD:
                    # Smallest gap after which the word follows; neither gap nor word may start a sentence.
                    ((exact, stems),) = sequences[number]
                    end = 0
                    for j in range(i + 1, min(size, i + 2 + pattern.elements[1].gap)):
                        following = tokens[j]
                        if following.brk >= SENTENCE:
                            break
                        if following.text in exact or following.stem in stems:
                            end = j + 1
                            gaps = tuple(range(i + 1, j))
                            break
                    if not end:
                        continue
                elif mode == _CLASS:
                    end = 0
                    for name in pattern.elements[
                        0
                    ].classes:  # the first class with a phrase here, as the walk
                        end = self.class_span(name, tokens, i) or 0
                        if end:
                            break
                    if not end:
                        continue
                else:
                    result = self._match(
                        pattern.elements, 1 if mode == _REST else 0, tokens, i + (mode == _REST), ()
                    )
                    if result is None:
                        continue
                    end, gaps = result
                owner = pattern.owner
                if (owner, i) not in seen:
                    seen.add((owner, i))
                    found.append(_new(Match, (owner, pattern.source, i, end, gaps)))
                limit = limit_of[number]
                if limit is not None:
                    counts[owner] = counts.get(owner, 0) + 1
                    if counts[owner] >= limit:
                        for other in self.by_owner[owner]:
                            viable[other] = False
        return found

    def _limits(self, limits: dict[str, int]) -> list[int | None]:
        """Each pattern's cap for these limits (computed once per distinct limits)."""
        key = tuple(sorted(limits.items()))
        found = self._limit_of.get(key)
        if found is None:
            found = self._limit_of[key] = [limits.get(kind) for kind in self._limit_kind]
        return found

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
            # After a gap comes an element (patterns end with one). When it must match, a token it cannot
            # start on is ruled out here, without a call (most sizes of most gaps).
            following = elements[k + 1]
            required = not (following.gap or following.optional)
            for size in range(element.gap + 1):
                if size and (i + size > len(tokens) or tokens[i + size - 1].brk >= SENTENCE):
                    break
                if required:
                    if i + size >= len(tokens):
                        break
                    token = tokens[i + size]
                    if not (
                        token.text in following.exact
                        or token.stem in following.stems
                        or (following.number and token.text.isdigit())
                        or (following.prefixes and token.text.startswith(following.prefixes))
                        or any(token.text in self.classes[name] for name in following.classes)
                    ):
                        continue
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
