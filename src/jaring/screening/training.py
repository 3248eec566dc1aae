"""Training the learned scorer on the sourced corpus (scikit-learn, a dev/training dependency only).

`train(items)` returns the JSON-ready model data that engine/model.py reads: two logistic-regression heads over
the n-gram features (risk vs not, offer vs not), two small calibration models stacked on the heads' out-of-fold
margins and the rules' evidence, and the nearest-neighbour index of the risk cases with their sources.
Deterministic: folds come from a hash of the source URL and the solver (lbfgs) has no randomness.
"""

import hashlib
import math
from collections import Counter
from dataclasses import dataclass

from .corpus import FLAGS, group_of
from .engine.core import features_and_evidence
from .engine.lookups import Lookups
from .engine.model import Evidence, offer_inputs, risk_inputs, word_features

MODEL_VERSION = "1"
C = 4.0  # inverse regularisation of the n-gram heads (chosen by grouped CV on the training split)
MIN_DF = 2  # a feature must occur in at least this many training texts
INNER_FOLDS = 5
FLAG_MIN_POSITIVES = 5  # a flag needs this many training examples for a head of its own
FLAG_WEIGHTS_KEPT = 600  # largest weights kept per flag head (the file stays small, the look-ups few)
SUMMARY_LENGTH = 110


@dataclass
class Example:
    item: dict
    feats: set[str]
    evidence: Evidence

    @property
    def risk(self) -> bool:
        return self.item["label"] == "risk"

    @property
    def offer(self) -> bool:
        return self.item["label"] != "not_offer"


def prepare(items: list[dict], lookups: Lookups | None = None) -> list[Example]:
    out = []
    for item in items:
        feats, evidence = features_and_evidence(item["text"], lookups=lookups)
        out.append(Example(item, feats, evidence))
    return out


def fold_of(item: dict, folds: int, salt: str = "") -> int:
    digest = hashlib.sha256((salt + group_of(item)).encode("utf-8")).digest()
    return int.from_bytes(digest[4:8], "big") % folds


def _matrix(examples: list[Example], vocab: dict[str, int]):  # noqa: ANN202 - scipy type
    from scipy.sparse import csr_matrix

    rows, cols, values = [], [], []
    for row, example in enumerate(examples):
        scale = 1.0 / math.sqrt(len(example.feats)) if example.feats else 0.0
        for feat in example.feats:
            column = vocab.get(feat)
            if column is not None:
                rows.append(row)
                cols.append(column)
                values.append(scale)
    return csr_matrix((values, (rows, cols)), shape=(len(examples), len(vocab)))


def fit_heads(examples: list[Example]) -> dict:
    from sklearn.linear_model import LogisticRegression

    df = Counter(f for e in examples for f in e.feats)
    names = sorted(f for f, n in df.items() if n >= MIN_DF)
    vocab = {f: i for i, f in enumerate(names)}
    matrix = _matrix(examples, vocab)
    heads = {}
    for name, labels in (("risk", [e.risk for e in examples]), ("offer", [e.offer for e in examples])):
        if len(set(labels)) < 2:
            heads[name] = {"bias": 4.0 if labels[0] else -4.0, "weights": {}}
            continue
        fit = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(matrix, labels)
        weights = {f: round(float(w), 4) for f, w in zip(names, fit.coef_[0], strict=True) if abs(w) >= 5e-4}
        heads[name] = {"bias": round(float(fit.intercept_[0]), 4), "weights": weights}
    return heads


def fit_flag_heads(examples: list[Example]) -> dict:
    """One head per red flag (the flag vs every other text), over the word features (cheap at run time and
    nameable as evidence), pruned to its top weights."""
    from sklearn.linear_model import LogisticRegression

    examples = [Example(e.item, word_features(e.feats), e.evidence) for e in examples]
    df = Counter(f for e in examples for f in e.feats)
    names = sorted(f for f, n in df.items() if n >= MIN_DF)
    vocab = {f: i for i, f in enumerate(names)}
    matrix = _matrix(examples, vocab)
    heads = {}
    for code in FLAGS:
        labels = [code in e.item["flags"] for e in examples]
        if sum(labels) < FLAG_MIN_POSITIVES:
            continue
        fit = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(matrix, labels)
        ranked = sorted(zip(names, fit.coef_[0], strict=True), key=lambda fw: (-abs(fw[1]), fw[0]))
        heads[code] = {
            "bias": round(float(fit.intercept_[0]), 4),
            "weights": {f: round(float(w), 4) for f, w in ranked[:FLAG_WEIGHTS_KEPT]},
        }
    return heads


def margins_with(heads: dict, feats: set[str]) -> dict[str, float]:
    scale = 1.0 / math.sqrt(len(feats)) if feats else 0.0
    return {
        name: head["bias"] + scale * sum(head["weights"].get(f, 0.0) for f in feats)
        for name, head in heads.items()
    }


def fit_stack(examples: list[Example]) -> dict:
    """Calibration models on out-of-fold head margins (grouped folds), so they see honest margins."""
    from sklearn.linear_model import LogisticRegression

    margins: list[dict[str, float]] = [{}] * len(examples)
    for fold in range(INNER_FOLDS):
        inside = [i for i, e in enumerate(examples) if fold_of(e.item, INNER_FOLDS, "inner") == fold]
        outside = [examples[i] for i in range(len(examples)) if i not in set(inside)]
        if not inside or not outside:
            continue
        heads = fit_heads(outside)
        for i in inside:
            margins[i] = margins_with(heads, examples[i].feats)
    stack = {}
    for name, inputs, labels in (
        ("risk", risk_inputs, [e.risk for e in examples]),
        ("offer", offer_inputs, [e.offer for e in examples]),
    ):
        rows = [inputs(m, e.evidence) for m, e in zip(margins, examples, strict=True) if m]
        ys = [y for m, y in zip(margins, labels, strict=True) if m]
        fit = LogisticRegression(C=1.0, max_iter=5000).fit(rows, ys)
        stack[name] = {
            "bias": round(float(fit.intercept_[0]), 4),
            "weights": [round(float(w), 4) for w in fit.coef_[0]],
        }
    return stack


def neighbour_index(examples: list[Example]) -> dict:
    """Word features of the risk cases, with idf, for the "mirip kasus" explanation."""
    cases = [e for e in examples if e.risk]
    df = Counter(f for e in cases for f in word_features(e.feats))
    vocab = sorted(f for f, n in df.items() if n >= 2 and n <= 0.5 * len(cases))
    index = {f: i for i, f in enumerate(vocab)}
    idf = [round(math.log((1 + len(cases)) / (1 + df[f])) + 1, 3) for f in vocab]
    out = []
    for e in cases:
        source = e.item["source"]
        text = " ".join(e.item["text"].split())
        out.append(
            {
                "id": e.item["id"],
                "summary": text
                if len(text) <= SUMMARY_LENGTH
                else text[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + " …",
                "title": source["title"],
                "outlet": source["outlet"],
                "date": source.get("date", ""),
                "url": source["url"],
                "terms": sorted(index[f] for f in word_features(e.feats) if f in index),
            }
        )
    return {"vocab": vocab, "idf": idf, "cases": out}


def train_examples(examples: list[Example]) -> dict:
    return {
        "version": MODEL_VERSION
        + "-"
        + hashlib.sha256("\n".join(sorted(e.item["id"] for e in examples)).encode()).hexdigest()[:10],
        "trained_on": len(examples),
        "heads": fit_heads(examples),
        "stack": fit_stack(examples),
        "flag_heads": fit_flag_heads(examples),
        "neighbours": neighbour_index(examples),
    }


def train(items: list[dict], lookups: Lookups | None = None) -> dict:
    return train_examples(prepare(items, lookups))
