"""`jaring gen_network --records N --seed S --out FILE`: synthetic records with planted networks.

`--evasive SHARE` writes that share of the networks' phones, accounts and handles to dodge filters;
`--pairs N` writes N pairs (one identifier plain in one record, evasive in the other) instead (issue #20).
`--parts N` writes a large file as N parts with seeds of their own, in parallel (synthetic.part_plan): 10M
records in minutes instead of an hour; the file depends on the number of parts, not on the processes.
"""

import os
import shutil
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
        parser.add_argument(
            "--parts", type=int, default=1, help="write --records as this many parts, in parallel"
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
        if options["parts"] < 1:
            raise CommandError("--parts is at least 1.")
        out = Path(options["out"])
        truth = Path(options["truth"]) if options["truth"] else out.with_suffix(".truth.jsonl")
        if options["records"] is not None and options["parts"] > 1:
            count = _write_parts(
                out, truth, options["records"], options["seed"], options["evasive"], options["parts"]
            )
            self.stdout.write(f"{count} records -> {out}; ground truth -> {truth}")
            return
        with out.open("w", encoding="utf-8") as records, truth.open("w", encoding="utf-8") as truth_file:
            if options["pairs"] is not None:
                count = write_pairs(records, truth_file, options["pairs"], options["seed"])
            else:
                count = write(records, truth_file, options["records"], options["seed"], options["evasive"])
        self.stdout.write(f"{count} records -> {out}; ground truth -> {truth}")


def _write_part(job: tuple[Path, Path, int, int, float, int, int]) -> int:
    from jaring.network.synthetic import write

    out, truth, count, seed, evasive, first_record, first_network = job
    with out.open("w", encoding="utf-8") as records, truth.open("w", encoding="utf-8") as truth_file:
        return write(records, truth_file, count, seed, evasive, first_record, first_network)


def _write_parts(out: Path, truth: Path, count: int, seed: int, evasive: float, parts: int) -> int:
    """Each part to files of its own in parallel, then the parts appended in order."""
    import multiprocessing

    from jaring.network.synthetic import part_plan

    jobs = [
        (
            out.with_name(f"{out.name}.part{n}"),
            truth.with_name(f"{truth.name}.part{n}"),
            size,
            part_seed,
            evasive,
            first,
            network,
        )
        for n, (size, part_seed, first, network) in enumerate(part_plan(count, seed, parts))
    ]
    try:
        with multiprocessing.get_context("fork").Pool(min(len(jobs), os.cpu_count() or 1)) as pool:
            written = sum(pool.map(_write_part, jobs, chunksize=1))
        for target, index in ((out, 0), (truth, 1)):
            with target.open("wb") as whole:
                for job in jobs:
                    with job[index].open("rb") as part:
                        shutil.copyfileobj(part, whole, 16 << 20)
    finally:
        for job in jobs:
            job[0].unlink(missing_ok=True)
            job[1].unlink(missing_ok=True)
    return written
