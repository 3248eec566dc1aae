"""`jaring gen_network --records N --seed S --out FILE`: synthetic records with planted networks."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = (
        "Write synthetic JSON Lines records with planted recruiter networks; truth goes to FILE.truth.jsonl."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--records", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--out", required=True, help="records file (JSON Lines)")
        parser.add_argument("--truth", help="ground truth file (default: OUT with .truth.jsonl)")

    def handle(self, *args: Any, **options: Any) -> None:
        from jaring.network.synthetic import write

        out = Path(options["out"])
        truth = Path(options["truth"]) if options["truth"] else out.with_suffix(".truth.jsonl")
        with out.open("w", encoding="utf-8") as records, truth.open("w", encoding="utf-8") as truth_file:
            count = write(records, truth_file, options["records"], options["seed"])
        self.stdout.write(f"{count} records -> {out}; ground truth -> {truth}")
