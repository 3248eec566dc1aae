"""`jaring gen_network --records N --seed S --out FILE`: synthetic records with planted networks.

`--evasive SHARE` writes that share of the networks' phones, accounts and handles to dodge filters;
`--pairs N` writes N pairs (one identifier plain in one record, evasive in the other) instead (issue #20).
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = (
        "Write synthetic JSON Lines records with planted recruiter networks; truth goes to FILE.truth.jsonl."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--records", type=int, help="records with planted networks")
        parser.add_argument("--pairs", type=int, help="pairs of records: plain and evasive (no networks)")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--evasive", type=float, default=0.0, help="share of identifiers written evasively"
        )
        parser.add_argument("--out", required=True, help="records file (JSON Lines)")
        parser.add_argument("--truth", help="ground truth file (default: OUT with .truth.jsonl)")

    def handle(self, *args: Any, **options: Any) -> None:
        from jaring.network.evasive import write_pairs
        from jaring.network.synthetic import write

        if (options["records"] is None) == (options["pairs"] is None):
            raise CommandError("Give --records N or --pairs N.")
        if not 0 <= options["evasive"] <= 1:
            raise CommandError("--evasive is a share between 0 and 1.")
        out = Path(options["out"])
        truth = Path(options["truth"]) if options["truth"] else out.with_suffix(".truth.jsonl")
        with out.open("w", encoding="utf-8") as records, truth.open("w", encoding="utf-8") as truth_file:
            if options["pairs"] is not None:
                count = write_pairs(records, truth_file, options["pairs"], options["seed"])
            else:
                count = write(records, truth_file, options["records"], options["seed"], options["evasive"])
        self.stdout.write(f"{count} records -> {out}; ground truth -> {truth}")
