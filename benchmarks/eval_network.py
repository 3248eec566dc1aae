"""Quality of network linking against the generator's ground truth.

Pairwise precision/recall/F1 of the clusters from `jaring network link` (exact identifiers), and the
precision of the fuzzy-name proposals (near-identical company/person names), reported separately.

    .venv/bin/python benchmarks/eval_network.py [--records 20000] [--seed 7]
"""

import argparse
import datetime
import io
import json
import os
import platform
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from jaring.lib.identifiers import extract  # noqa: E402
from jaring.network import batch, synthetic  # noqa: E402
from jaring.network.fuzzy import THRESHOLD, similar_pairs  # noqa: E402


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{datetime.datetime.now().isoformat(timespec='minutes')}"
    )


def pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(predicted: dict[str, int], truth: dict[str, str]) -> tuple[float, float, float]:
    overlap = Counter((predicted[i], truth[i]) for i in truth)
    true_positive = sum(pairs(n) for n in overlap.values())
    predicted_pairs = sum(pairs(n) for n in Counter(predicted.values()).values())
    true_pairs = sum(pairs(n) for n in Counter(truth.values()).values())
    precision = true_positive / predicted_pairs if predicted_pairs else 1.0
    recall = true_positive / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="fuzzy-name similarity (0-100)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        records_path, truth_path = Path(tmp) / "records.jsonl", Path(tmp) / "truth.jsonl"
        with records_path.open("w") as out, truth_path.open("w") as truth_out:
            synthetic.write(out, truth_out, args.records, args.seed)
        truth = {row["id"]: row["network"] for row in map(json.loads, truth_path.open())}
        output = io.StringIO()
        with records_path.open() as lines:
            result = batch.link(lines, output)
        predicted = {}
        for line in output.getvalue().splitlines():
            cluster = json.loads(line)
            for record_id in cluster["ids"]:
                predicted[record_id] = cluster["cluster"]
        precision, recall, f1 = pairwise(predicted, truth)
        print(f"machine: {machine()}")
        print(
            f"records {result.records}, clusters {result.clusters}, true networks "
            f"{len({v for v in truth.values() if v.startswith('n')})}"
        )
        print(f"exact identifiers: pairwise precision {precision:.4f} recall {recall:.4f} F1 {f1:.4f}")

        # Fuzzy names: which records hold each normalised company/person name.
        holders: dict[tuple[str, str], set[str]] = defaultdict(set)
        with records_path.open() as lines:
            for line in lines:
                record = json.loads(line)
                for found in extract(record.get("text"), record.get("parties")):
                    if found.kind in ("company", "person"):
                        holders[(found.kind, found.value)].add(record["id"])
        total = correct = new_links = new_correct = 0
        for kind in ("company", "person"):
            names = [value for k, value in holders if k == kind]
            for a, b, _score in similar_pairs(names, args.threshold):
                ra, rb = holders[(kind, a)], holders[(kind, b)]
                same = bool({truth[r] for r in ra} & {truth[r] for r in rb})
                total += 1
                correct += same
                if not {predicted[r] for r in ra} & {predicted[r] for r in rb}:
                    new_links += 1
                    new_correct += same
        print(
            f"fuzzy-name proposals: {total}, precision {correct / total if total else 1:.4f}; "
            f"across different clusters: {new_links}, precision {new_correct / new_links if new_links else 1:.4f}"
        )


if __name__ == "__main__":
    main()
