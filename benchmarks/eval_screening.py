"""Quality of the job-offer checker on the sourced corpus (src/jaring/screening/data/corpus/).

Default (--cv): grouped cross-validation on the TRAINING split only: folds by a hash of the source URL (no
source in both training and test), the learned scorer retrained on each fold's training part exactly as
`jaring screening_train` does. --test: trained on the whole training split, measured once on the frozen test
split (about 20 % of the sources, chosen by a hash of the URL); every look at it is logged in
docs/benchmarks.md. Each run prints, on the same items: the rules plus model, the rules alone and a 15-word
keyword baseline: precision, recall and F1 of "risk_level in {tinggi, sedang}" against label risk, the
is_job_offer accuracy, per-flag recall and a calibration table of `score`.

Usage: .venv/bin/python benchmarks/eval_screening.py [--cv | --test] [--folds 5] [-v]
"""

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jaring.screening import corpus  # noqa: E402
from jaring.screening.engine import screen  # noqa: E402
from jaring.screening.engine.model import Model  # noqa: E402
from jaring.screening.training import fold_of, prepare, train_examples  # noqa: E402

# The baseline a reader could write in five minutes: any of these words -> risk; offer words -> offer.
KEYWORDS_RISK = ["kamboja", "cambodia", "myanmar", "tanpa pengalaman", "gaji besar", "visa turis",
                 "visa kunjungan", "biaya", "transfer", "paspor ditahan", "jalur belakang", "berangkat segera",
                 "dm", "online", "calo"]  # fmt: skip
KEYWORDS_OFFER = ["lowongan", "loker", "dibutuhkan", "gaji", "kerja", "hubungi", "daftar", "wa"]


def keyword_verdict(text: str) -> tuple[bool, bool]:
    words = " " + " ".join("".join(c if c.isalnum() else " " for c in text.lower()).split()) + " "
    return any(f" {k} " in words for k in KEYWORDS_RISK), any(f" {k} " in words for k in KEYWORDS_OFFER)


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.tn = self.offer_ok = self.n = 0
        self.expected: Counter = Counter()
        self.found: Counter = Counter()
        self.shown: Counter = Counter()
        self.right: Counter = Counter()
        self.bands: dict[str, list[int]] = {}

    def add(self, item: dict, risky: bool, offer: bool, codes: set[str], score: float | None = None) -> None:
        actual = item["label"] == "risk"
        self.n += 1
        self.tp += risky and actual
        self.fp += risky and not actual
        self.fn += actual and not risky
        self.tn += not risky and not actual
        self.offer_ok += offer == corpus.is_offer(item)
        for code in item["flags"]:
            self.expected[code] += 1
            self.found[code] += code in codes
        for code in codes:  # flag precision: shown flags that the item's label confirms
            self.shown[code] += 1
            self.right[code] += code in item["flags"]
        if score is not None:
            band = (
                "tinggi (>=0.7)" if score >= 0.7 else "sedang (0.4-0.7)" if score >= 0.4 else "rendah (<0.4)"
            )
            self.bands.setdefault(band, [0, 0])
            self.bands[band][0] += 1
            self.bands[band][1] += actual

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def line(self, name: str) -> str:
        p, r, f = self.prf()
        return (
            f"{name:16s} precision={p:.3f} recall={r:.3f} F1={f:.3f} is_job_offer accuracy="
            f"{self.offer_ok / max(1, self.n):.3f} (tp={self.tp} fp={self.fp} fn={self.fn} tn={self.tn})"
        )


def judge(items: list[dict], model: Model | None, tallies: dict[str, Tally], verbose: bool) -> None:
    for item in items:
        result = screen(item["text"], model=model)
        codes = {f["code"] for f in result["flags"]}
        risky = result["risk_level"] in ("tinggi", "sedang")
        tallies["rules+model"].add(item, risky, result["is_job_offer"], codes, result["score"])
        rules_only = screen(item["text"], model=None)
        tallies["rules only"].add(
            item,
            rules_only["risk_level"] in ("tinggi", "sedang"),
            rules_only["is_job_offer"],
            {f["code"] for f in rules_only["flags"]},
            rules_only["score"],
        )
        kw_risk, kw_offer = keyword_verdict(item["text"])
        tallies["keywords"].add(item, kw_risk, kw_offer, set())
        if verbose and (
            risky != (item["label"] == "risk") or result["is_job_offer"] != corpus.is_offer(item)
        ):
            print(
                f"  MISS {item['id']} {item['label']}/{item['form']} -> {result['risk_level']} {result['score']} "
                f"offer={result['is_job_offer']} flags={sorted(codes)}\n     {item['text'][:150]}"
            )
        elif verbose and set(item["flags"]) - codes:
            print(f"  flag-miss {item['id']}: {sorted(set(item['flags']) - codes)}  {item['text'][:90]}")


def report(tallies: dict[str, Tally], what: str) -> float:
    main = tallies["rules+model"]
    print(what)
    for name, tally in tallies.items():
        print("  " + tally.line(name))
    print("per-flag recall (rules+model | rules only) and precision of the flags shown (rules+model):")
    worst = 1.0
    for code in corpus.FLAGS:
        total = main.expected[code]
        if not total:
            continue
        recall = main.found[code] / total
        if total >= 10:
            worst = min(worst, recall)
        print(
            f"  {code:28s} {main.found[code]:3d}/{total:<3d} {recall:.2f}   "
            f"| {tallies['rules only'].found[code]:3d}/{total:<3d} | precision {main.right[code]:3d}/"
            f"{main.shown[code]:<3d}{'' if total >= 10 else '   (< 10 examples)'}"
        )
    print("calibration of score (rules+model): band, items, share labelled risk")
    for band in ("tinggi (>=0.7)", "sedang (0.4-0.7)", "rendah (<0.4)"):
        n, risk = main.bands.get(band, [0, 0])
        print(f"  {band:18s} {n:4d}  {risk / n if n else 0:.2f}")
    print(f"lowest per-flag recall among flags with >= 10 examples: {worst:.2f}")
    return main.prf()[2]


def fresh() -> dict[str, Tally]:
    return {"rules+model": Tally(), "rules only": Tally(), "keywords": Tally()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="store_true", help="measure on the frozen test split (logged use!)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("-v", "--verbose", action="store_true", help="list misclassified items")
    args = parser.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    items = corpus.load()
    errors = corpus.problems(items)
    if errors:
        sys.exit("corpus invalid:\n" + "\n".join(errors[:20]))
    train = [i for i in items if not corpus.is_test(i)]
    test = [i for i in items if corpus.is_test(i)]
    print(f"corpus: {len(items)} items, {len({corpus.group_of(i) for i in items})} sources; "
          f"training split {len(train)}, frozen test split {len(test)}")  # fmt: skip
    tallies = fresh()
    if args.test:
        model = Model(train_examples(prepare(train)))
        judge(test, model, tallies, args.verbose)
        f1 = report(tallies, f"FROZEN TEST SPLIT ({len(test)} items), model trained on the training split")
    else:
        examples = prepare(train)
        for fold in range(args.folds):
            inside = [e for e in examples if fold_of(e.item, args.folds) == fold]
            outside = [e for e in examples if fold_of(e.item, args.folds) != fold]
            assert not {corpus.group_of(e.item) for e in inside} & {corpus.group_of(e.item) for e in outside}
            judge([e.item for e in inside], Model(train_examples(outside)), tallies, args.verbose)
        f1 = report(tallies, f"GROUPED {args.folds}-FOLD CV on the training split ({len(train)} items)")
    sys.exit(0 if f1 >= 0.9 else 1)


if __name__ == "__main__":
    main()
