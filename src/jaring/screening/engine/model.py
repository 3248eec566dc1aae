"""The learned scorer: a linear model over word and character n-grams, read from a JSON file (no pickle).

Trained by `jaring screening_train` (screening/training.py, scikit-learn at training time only). At run time
it is plain Python: a text's features are strings, each weight a dict look-up. Two heads (is it a risky offer,
is it an offer at all) feed small calibration models together with the rules' own evidence (stacking), so the
final `score` is a calibrated probability. Nearest corpus cases (same word features, idf-weighted cosine) are
shipped in the file to explain an alarm by documented, sourced cases instead of a bare number.
"""

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from .tokens import CLAUSE, Token

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "model.json"
# A flag head must be this sure (log-odds; 1.0 = 73 %) before the model adds a flag of its own.
FLAG_MARGIN = 0.0
MIN_KNOWN_WORDS = 3  # distinct corpus words (letters only, 3+ long) a text needs
_GRAMS: dict[str, tuple[str, tuple[str, ...]]] = {}  # surface -> (digit-folded word, char 4-grams); bounded
_GRAMS_CACHED = 50_000
_UNITS = 10_000  # flag-head weights are stored rounded to 1e-4
_OFFSET = 1 << 20  # |weight| * _UNITS stays below this (|weight| < 104)
_LANE = 36  # bits per flag head in a packed sum
_MASK = (1 << _LANE) - 1
_NONE: set[str] = set()
DIGITS = str.maketrans("0123456789", "0000000000")


def features(tokens: list[Token], negators: frozenset[str] = frozenset()) -> set[str]:
    """Word unigrams and bigrams (chat spelling expanded, digits as 0; a word up to 3 tokens after a negator in
    the same clause is marked "!": "bukan visa turis" is not "visa turis") and word-bounded char 4-grams."""
    words, grams = split_features(tokens, negators)
    return words | grams


def split_features(tokens: list[Token], negators: frozenset[str] = frozenset()) -> tuple[set[str], set[str]]:
    """features() as (word unigrams and bigrams, char 4-grams): the flag heads and neighbours read words only."""
    words = []
    negated_until = -1
    cache = _GRAMS
    grams: set[str] = set()
    for i, token in enumerate(tokens[:600]):
        if token.brk >= CLAUSE:
            negated_until = -1
        # A surface form's digit-folded word and char 4-grams are computed once and kept across texts.
        cached = cache.get(token.text)
        if cached is None:
            cached = _word_grams(token.text)
        word = cached[0]
        if token.text in negators:
            negated_until = i + 3
        elif i <= negated_until:
            word = "!" + word
        words.append(word)
        grams.update(cached[1])
    pairs = set(words)
    pairs.update([f"{a} {b}" for a, b in zip(words, words[1:], strict=False)])
    return pairs, grams


def _word_grams(surface: str) -> tuple[str, tuple[str, ...]]:
    word = surface.translate(DIGITS)
    padded = f"<{word}>"
    grams = (
        ("#" + padded,)
        if len(padded) <= 4
        else tuple("#" + padded[i : i + 4] for i in range(len(padded) - 3))
    )
    if len(_GRAMS) < _GRAMS_CACHED:
        _GRAMS[surface] = (word, grams)
    return word, grams


def word_features(feats: set[str]) -> set[str]:
    return {f for f in feats if not f.startswith("#")}


def _sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    if z > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class Evidence:
    """What the rules found, in the numbers the calibration models read."""

    rule_score: float  # noisy-OR of every flag found, as if the text were an offer
    hard_score: float  # noisy-OR of the hard (never discounted) flags alone
    offer_margin: float  # offer cue points minus warning/news cue points
    rule_offer: bool


class Model:
    def __init__(self, data: dict) -> None:
        self.version = data["version"]
        self.heads = {name: (head["bias"], head["weights"]) for name, head in data["heads"].items()}
        flag_heads = data.get("flag_heads", {})
        # The two main heads in one dict of complex weights (risk + offer*j): one set intersection and one C-level
        # sum per text instead of two of each.
        risk, offer = self.heads["risk"], self.heads["offer"]
        joint = {f: complex(w, 0.0) for f, w in risk[1].items()}
        for f, w in offer[1].items():
            joint[f] = complex(joint[f].real if f in joint else 0.0, w)
        self.biases = (risk[0], offer[0])
        self.joint = joint
        self.joint_keys = frozenset(joint)
        # Flag heads packed into one integer per word ("lanes"): weights are stored to 1e-4, so each is a small
        # integer; shifted by _OFFSET it is positive and lane h holds head h's weight in bits 36h..36h+35. A
        # text's words then cost one set intersection and one sum (in C) for all heads at once, and each lane
        # of the sum is read back exactly: a lane holds the sum of 2^15 words (a text has at most 1,199).
        flag_heads = data.get("flag_heads", {})
        self.flag_codes = sorted(flag_heads)
        self.flag_biases = [flag_heads[code]["bias"] for code in self.flag_codes]
        self.flag_weights = [flag_heads[code]["weights"] for code in self.flag_codes]
        packed: dict[str, int] = {}
        for number, weights in enumerate(self.flag_weights):
            for f, w in weights.items():
                units = round(w * _UNITS)
                if not -_OFFSET < units < _OFFSET:
                    raise ValueError(f"flag head weight {w} out of range")
                packed[f] = packed.get(f, 0) + (units << (_LANE * number))
        everything = sum(_OFFSET << (_LANE * n) for n in range(len(self.flag_codes)))
        self.flag_packed = {f: v + everything for f, v in packed.items()}
        self.flag_keys = frozenset(packed)
        self.known_words = frozenset(f for f in risk[1] if len(f) > 2 and f.isalpha())
        self.stack = data["stack"]
        nn = data["neighbours"]
        self.nn_vocab = {term: i for i, term in enumerate(nn["vocab"])}
        self.nn_idf = nn["idf"]
        self.nn_keys = frozenset(self.nn_vocab)
        self.nn_cases = nn["cases"]
        self.nn_postings: list[list[int]] = [[] for _ in nn["vocab"]]
        self.nn_norms = []
        for number, case in enumerate(self.nn_cases):
            for term in case["terms"]:
                self.nn_postings[term].append(number)
            self.nn_norms.append(math.sqrt(sum(self.nn_idf[t] ** 2 for t in case["terms"])) or 1.0)

    def margins(self, feats: set[str], grams: set[str] = _NONE) -> dict[str, float] | None:
        """Each head's log-odds for this text (binary features, L2-normalised as in training); None when the
        text shares too few words with the corpus to judge (junk, another script, a one-word text).
        feats: all features, or the word features with the char grams apart (split_features)."""
        if len(self.known_words.intersection(feats)) < MIN_KNOWN_WORDS:
            return None
        scale = 1.0 / math.sqrt(len(feats) + len(grams))
        # complex weights (risk + offer*j) summed in C; an unknown feature weighs 0
        weight = self.joint.get
        total = sum(map(weight, feats, repeat(0j))) + sum(map(weight, grams, repeat(0j)))
        return {"risk": self.biases[0] + scale * total.real, "offer": self.biases[1] + scale * total.imag}

    def flags(self, words: set[str], codes: frozenset[str] | None = None) -> list[tuple[str, list[str]]]:
        """Red flags the per-flag heads see (log-odds > FLAG_MARGIN), each with its strongest words present.
        words: the text's word features (split_features); codes: the flags the caller may add (None: all)."""
        if not words:
            return []
        scale = 1.0 / math.sqrt(len(words))
        hits = self.flag_keys.intersection(words)
        total = sum(map(self.flag_packed.__getitem__, hits))
        base = len(hits) * _OFFSET
        out = []
        for number, code in enumerate(self.flag_codes):
            if codes is not None and code not in codes:
                continue
            units = ((total >> (_LANE * number)) & _MASK) - base
            if self.flag_biases[number] + scale * units / _UNITS <= FLAG_MARGIN:
                continue
            weights = self.flag_weights[number]
            plain = sorted(
                (-weights[f], f) for f in hits if weights.get(f, 0.0) > 0 and f[0] != "!" and "!" not in f
            )
            out.append((code, [f for _w, f in plain[:3]]))
        return out

    def stacked(self, name: str, inputs: list[float]) -> float:
        head = self.stack[name]
        return _sigmoid(head["bias"] + sum(w * x for w, x in zip(head["weights"], inputs, strict=True)))

    def offer_probability(self, margins: dict[str, float], evidence: Evidence) -> float:
        return self.stacked("offer", offer_inputs(margins, evidence))

    def risk_probability(self, margins: dict[str, float], evidence: Evidence) -> float:
        return self.stacked("risk", risk_inputs(margins, evidence))

    def similar(self, feats: set[str], limit: int = 3) -> list[dict]:
        """The documented risk cases nearest to this text (idf-weighted cosine over word features)."""
        vocab, idf = self.nn_vocab, self.nn_idf
        # The rarest words say most about a case; 40 of them are enough to find it, and keep this fast.
        terms = sorted((vocab[f] for f in feats & self.nn_keys), key=lambda t: (-idf[t], t))[:40]
        if not terms:
            return []
        dots: dict[int, float] = {}
        for term in terms:
            weight = idf[term] ** 2
            for case in self.nn_postings[term]:
                dots[case] = dots.get(case, 0.0) + weight
        norm = math.sqrt(sum(idf[t] ** 2 for t in terms))
        ranked = sorted(
            ((d / (norm * self.nn_norms[c]), c) for c, d in dots.items()), key=lambda x: (-x[0], x[1])
        )
        out = []
        for similarity, number in ranked[:limit]:
            if similarity < 0.08:
                break
            case = self.nn_cases[number]
            out.append(
                {k: case[k] for k in ("id", "summary", "title", "outlet", "date", "url")}
                | {"similarity": round(similarity, 3)}
            )
        return out


def offer_inputs(margins: dict[str, float], evidence: Evidence) -> list[float]:
    return [margins["offer"], max(-4.0, min(4.0, evidence.offer_margin)), float(evidence.rule_offer)]


def risk_inputs(margins: dict[str, float], evidence: Evidence) -> list[float]:
    margin = max(-4.0, min(4.0, evidence.offer_margin))
    return [margins["risk"], margins["offer"], evidence.rule_score, evidence.hard_score, margin]


def load_model(path: Path = DEFAULT_PATH) -> Model | None:
    if not path.exists():
        return None
    return Model(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=4)
def default_model(path: Path = DEFAULT_PATH) -> Model | None:
    return load_model(path)
