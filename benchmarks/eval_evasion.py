"""Evasive identifiers: how many plain/evasive pairs link, and how many readings are a wrong number (issue #20).

Pairs come from `jaring gen_network --pairs N --seed S` (network/evasive.py, seeds of its own): one identifier
written plainly in one record and evasively in the other (spelled out in Indonesian or English, partly spelled,
letters for digits, keycap emoji, full-width digits, "*", " . ", "_" separators; the same for bank accounts;
handles with spaces or dots inserted), with false friends ("satu dua hari lagi", "B2B", "Rp 8.5jt", plates,
dates, model numbers) around it. Linking is `jaring network link`'s (network.batch.link, one process).

A reading is every identifier read from an evasive record's contact and its false friends
(lib.identifiers.read, proposals included); it is wrong when it is a phone, account or handle other than the
pair's. Targets: >= 95% of pairs linked, < 1 wrong reading in 1,000.

    .venv/bin/python benchmarks/eval_evasion.py [--pairs 5000] [--seeds 101 202 303] [--ambiguous-pairs 2000]

Ambiguous pairs (three look-alike letters; the last digits as words, "0812 3456 78 sembilan nol") must not link:
their readings are proposed to an officer (the right number among them); none may link a wrong number.
"""

import argparse
import io
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine  # noqa: E402

from jaring.lib.identifiers import LINK_CONFIDENCE, read  # noqa: E402
from jaring.network import batch  # noqa: E402
from jaring.network.evasive import pairs  # noqa: E402

CONTACT_KINDS = ("phone", "account", "handle")


def evaluate(count: int, seed: int, ambiguous: bool = False) -> dict:
    made = pairs(count, seed, ambiguous)
    lines = [
        json.dumps(record, ensure_ascii=False) for plain, evasive, _ in made for record in (plain, evasive)
    ]
    out = io.StringIO()
    batch.link(lines, out)
    cluster_of = {}
    for line in out.getvalue().splitlines():
        cluster = json.loads(line)
        for record_id in cluster["ids"]:
            cluster_of[record_id] = cluster["cluster"]
    linked: Counter[str] = Counter()
    total: Counter[str] = Counter()
    readings = wrong = wrong_linking = proposed = truth_proposed = 0
    examples: list[str] = []
    for plain, evasive, truth in made:
        form = f"{truth['kind']}:{truth['form']}{' (party)' if truth['party'] else ''}"
        total[form] += 1
        linked[form] += cluster_of[plain["id"]] == cluster_of[evasive["id"]]
        for identifier in read(evasive["text"], evasive["parties"]):
            if identifier.kind not in CONTACT_KINDS:
                continue
            readings += 1
            proposed += identifier.confidence < LINK_CONFIDENCE
            truth_proposed += identifier.confidence < LINK_CONFIDENCE and identifier.value == truth["value"]
            value = identifier.value
            if identifier.kind == "handle":  # "instagram:name" and "@name" are the same handle here
                value = "@" + value.split(":")[-1].lstrip("@")
            if value != truth["value"]:
                wrong += 1
                wrong_linking += identifier.confidence >= LINK_CONFIDENCE
                if len(examples) < 10:
                    examples.append(f"{identifier.raw!r} -> {identifier.value} (truth {truth['value']})")
    return {
        "seed": seed,
        "pairs": count,
        "linked": sum(linked.values()),
        "readings": readings,
        "wrong": wrong,
        "wrong_linking": wrong_linking,
        "proposed": proposed,
        "truth_proposed": truth_proposed,
        "by_form": {form: (linked[form], total[form]) for form in sorted(total)},
        "examples": examples,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pairs", type=int, default=5000)
    parser.add_argument("--seeds", type=int, nargs="+", default=[101, 202, 303])
    parser.add_argument(
        "--ambiguous-pairs", type=int, default=2000, help="pairs in forms that must be proposed"
    )
    args = parser.parse_args()
    print(f"machine: {machine()}")
    if args.ambiguous_pairs:
        for seed in args.seeds:
            result = evaluate(args.ambiguous_pairs, seed + 1, ambiguous=True)
            print(
                f"ambiguous forms, seed {seed + 1}: {result['linked']}/{result['pairs']} pairs linked, "
                f"{result['truth_proposed']} with the right number proposed to an officer; "
                f"{result['wrong_linking']} wrong readings linking, {result['wrong'] - result['wrong_linking']} "
                f"wrong readings proposed, of {result['readings']}"
            )
            for example in result["examples"][:3]:
                print(f"  wrong: {example}")
    results = [evaluate(args.pairs, seed) for seed in args.seeds]
    by_form: Counter[str] = Counter()
    by_form_total: Counter[str] = Counter()
    for result in results:
        print(
            f"seed {result['seed']}: {result['linked']}/{result['pairs']} pairs linked "
            f"({100 * result['linked'] / result['pairs']:.2f}%); {result['wrong']} wrong of {result['readings']} "
            f"readings ({result['wrong_linking']} of them linking); {result['proposed']} proposed to an officer"
        )
        for example in result["examples"]:
            print(f"  wrong: {example}")
        for form, (done, total) in result["by_form"].items():
            by_form[form] += done
            by_form_total[form] += total
    pairs_total = sum(r["pairs"] for r in results)
    linked = sum(r["linked"] for r in results)
    readings = sum(r["readings"] for r in results)
    wrong = sum(r["wrong"] for r in results)
    print(f"all: {linked}/{pairs_total} pairs linked ({100 * linked / pairs_total:.2f}%), target >= 95%")
    print(
        f"all: {wrong} wrong readings of {readings} ({1000 * wrong / max(readings, 1):.3f} per 1,000), target < 1"
    )
    print("linked by form:")
    for form in sorted(by_form_total):
        print(
            f"  {form:28} {by_form[form]:6}/{by_form_total[form]:<6} {100 * by_form[form] / by_form_total[form]:6.2f}%"
        )


if __name__ == "__main__":
    main()
