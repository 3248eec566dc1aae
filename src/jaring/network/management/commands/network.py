"""`jaring network link IN.jsonl --out OUT.jsonl`: cluster records by shared identifiers, no database.

Imports stay light (no models) so that analysts can run it on data from other systems on any machine.
"""

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser


class Command(BaseCommand):
    help = "Link records that share identifiers into clusters (network link IN --out OUT)."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        link = sub.add_parser("link", help="IN.jsonl (or -) -> one cluster a line in OUT.jsonl")
        link.add_argument("input")
        link.add_argument("--out", required=True, help="output file, or - for stdout")
        link.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help="processes extracting identifiers (default: all cores)",
        )
        link.add_argument("--stoplist", help="extra stoplist file ('kind value' lines)")
        link.add_argument(
            "--progress",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="progress lines on stderr (default: when stderr is a terminal)",
        )
        link.add_argument(
            "--max-share",
            type=float,
            default=None,
            help="identifiers in more than this share of records never link (default 0.001)",
        )
        link.add_argument(
            "--min-stop-records",
            type=int,
            default=None,
            help="...and only when in more than this many records (default 100)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from jaring.network import batch, engine

        extra = engine.read_stoplist(Path(options["stoplist"])) if options["stoplist"] else []
        tuning = {}
        if options["max_share"] is not None:
            tuning["max_share"] = options["max_share"]
        if options["min_stop_records"] is not None:
            tuning["min_records"] = options["min_stop_records"]
        stoplist = engine.Stoplist.default(extra, **tuning)
        try:
            source = sys.stdin if options["input"] == "-" else open(options["input"], encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"cannot read {options['input']}: {exc.strerror}") from None
        out = sys.stdout if options["out"] == "-" else open(options["out"], "w", encoding="utf-8")  # noqa: SIM115
        try:
            # Progress on a terminal unless asked otherwise: a pipe or a log gets the summary only.
            following = options["progress"] if options["progress"] is not None else self.stderr.isatty()
            result = batch.link(
                source, out, stoplist, jobs=options["jobs"], progress=self._note if following else None
            )
        finally:
            if source is not sys.stdin:
                source.close()
            if out is not sys.stdout:
                out.close()
        for problem in result.problems:
            self.stderr.write(problem)
        summary = f"{result.records} records, {result.identifiers} identifiers, {result.clusters} clusters, {result.malformed} malformed lines skipped"
        self._note(summary)
        if result.malformed:
            raise CommandError(f"{result.malformed} malformed lines", returncode=2)

    def _note(self, line: str) -> None:
        """A line on stderr that is not an error: plain, where Django would colour stderr red on a terminal."""
        self.stderr.write(line, style_func=str)
