"""Quality of the job-offer checker on the labelled sets in tests/screening/data/.

Prints precision, recall and F1 of `risk_level in {tinggi, sedang}` against label "risk", the accuracy of
`is_job_offer`, and the recall of each expected flag. The SAMPLE P3MI registry is loaded, as after
`jaring import_p3mi`. Usage: .venv/bin/python benchmarks/eval_screening.py [--set devset|heldout|all] [-v]
"""

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from jaring.screening.engine import LicensedCompany, StaticLookups, screen  # noqa: E402

DATA = ROOT / "tests" / "screening" / "data"
SAMPLE = ROOT / "src" / "jaring" / "screening" / "data" / "p3mi_SAMPLE.csv"


def sample_lookups() -> StaticLookups:
    with SAMPLE.open(encoding="utf-8") as stream:
        rows = [r for r in csv.DictReader(stream) if r["Status"] == "Aktif"]
    return StaticLookups([LicensedCompany(r["Nama P3MI"], r["Nomor SIP3MI"], is_sample=True) for r in rows])


def load(name: str) -> list[dict]:
    names = ["devset", "heldout"] if name == "all" else [name]
    items = []
    for each in names:
        with (DATA / f"{each}.jsonl").open(encoding="utf-8") as stream:
            items += [json.loads(line) for line in stream if line.strip()]
    return items


def evaluate(items: list[dict], verbose: bool = False) -> dict:
    lookups = sample_lookups()
    tp = fp = fn = tn = offer_ok = 0
    expected: Counter = Counter()
    found: Counter = Counter()
    for item in items:
        result = screen(item["text"], lookups=lookups)
        predicted = result["risk_level"] in ("tinggi", "sedang")
        actual = item["label"] == "risk"
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
        tn += not predicted and not actual
        offer_ok += result["is_job_offer"] == item["is_offer"]
        codes = {flag["code"] for flag in result["flags"]}
        for code in item["flags"]:
            expected[code] += 1
            found[code] += code in codes
        if verbose and (predicted != actual or result["is_job_offer"] != item["is_offer"]):
            print(
                f"  MISS {item['id']} label={item['label']} offer={item['is_offer']} -> {result['risk_level']} "
                f"{result['score']} offer={result['is_job_offer']} flags={sorted(codes)}\n     {item['text'][:140]}"
            )
        elif verbose and set(item["flags"]) - codes:
            print(f"  flag-miss {item['id']}: {sorted(set(item['flags']) - codes)}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": len(items),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "offer_accuracy": offer_ok / len(items),
        "flag_recall": {code: (found[code], expected[code]) for code in sorted(expected)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="devset", choices=["devset", "heldout", "all"])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misclassified items")
    args = parser.parse_args()
    report = evaluate(load(args.set), args.verbose)
    print(
        f"set={args.set} items={report['n']} (tp={report['tp']} fp={report['fp']} fn={report['fn']} tn={report['tn']})"
    )
    print(
        f"risk (tinggi|sedang vs label risk): precision={report['precision']:.3f} recall={report['recall']:.3f} "
        f"F1={report['f1']:.3f}"
    )
    print(f"is_job_offer accuracy: {report['offer_accuracy']:.3f}")
    print("per-flag recall:")
    for code, (hit, total) in report["flag_recall"].items():
        print(f"  {code:28s} {hit:3d}/{total:<3d} {hit / total:.2f}")
    sys.exit(0 if report["f1"] >= 0.9 else 1)


if __name__ == "__main__":
    main()
