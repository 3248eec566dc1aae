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
from pathlib import Path

from .tokens import CLAUSE, Token

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "model.json"
# A flag head must be this sure (log-odds; 1.0 = 73 %) before the model adds a flag of its own.
FLAG_MARGIN = 0.0
MIN_KNOWN_WORDS = 3  # distinct corpus words (letters only, 3+ long) a text needs
_GRAMS: dict[str, tuple[str, ...]] = {}  # a word's char 4-grams, kept across texts (bounded)
_GRAMS_CACHED = 50_000
DIGITS = str.maketrans("0123456789", "0000000000")


def features(tokens: list[Token], negators: frozenset[str] = frozenset()) -> set[str]:
    """Word unigrams and bigrams (chat spelling expanded, digits as 0; a word up to 3 tokens after a negator in
    the same clause is marked "!": "bukan visa turis" is not "visa turis") and word-bounded char 4-grams."""
    words = []
    negated_until = -1
    for i, token in enumerate(tokens[:600]):
        if token.brk >= CLAUSE:
            negated_until = -1
        word = token.text.translate(DIGITS)
        if token.text in negators:
            negated_until = i + 3
        elif i <= negated_until:
            word = "!" + word
        words.append(word)
    feats = set(words)
    feats.update([f"{a} {b}" for a, b in zip(words, words[1:], strict=False)])
    grams = _GRAMS
    for word in set(words):
        cached = grams.get(word)
        if cached is None:
            padded = f"<{word.lstrip('!')}>"
            cached = (
                ("#" + padded,)
                if len(padded) <= 4
                else tuple("#" + padded[i : i + 4] for i in range(len(padded) - 3))
            )
            if len(grams) < _GRAMS_CACHED:
                grams[word] = cached
        feats.update(cached)
    return feats


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
        self.flag_heads = [
            (code, head["bias"], head["weights"], frozenset(head["weights"]))
            for code, head in sorted(flag_heads.items())
        ]
        self.main_heads = [
            (name, bias, weights, frozenset(weights)) for name, (bias, weights) in sorted(self.heads.items())
        ]
        self.known_words = frozenset(f for f in self.heads["risk"][1] if len(f) > 2 and f.isalpha())
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

    def margins(self, feats: set[str]) -> dict[str, float] | None:
        """Each head's log-odds for this text (binary features, L2-normalised as in training); None when the
        text shares too few words with the corpus to judge (junk, another script, a one-word text)."""
        if len(feats & self.known_words) < MIN_KNOWN_WORDS:
            return None
        scale = 1.0 / math.sqrt(len(feats))
        # Set intersections and map() over a dict's __getitem__ run in C: a text costs a few microseconds per head.
        return {
            name: bias + scale * sum(map(weights.__getitem__, feats & keys))
            for name, bias, weights, keys in self.main_heads
        }

    def flags(self, feats: set[str]) -> list[tuple[str, list[str]]]:
        """Red flags the per-flag heads see (log-odds > FLAG_MARGIN), each with its strongest words present."""
        words = {f for f in feats if f[0] != "#"}  # the flag heads read word features only
        scale = 1.0 / math.sqrt(len(words)) if words else 0.0
        out = []
        for code, bias, weights, keys in self.flag_heads:
            hits = words & keys
            if bias + scale * sum(map(weights.__getitem__, hits)) > FLAG_MARGIN:
                plain = sorted(
                    (-weights[f], f) for f in hits if f[0] not in "#!" and "!" not in f and weights[f] > 0
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
