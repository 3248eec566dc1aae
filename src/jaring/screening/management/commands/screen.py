"""jaring screen [FILE|-]: bulk checks. JSON Lines objects with a `text` key, or plain text lines, in; one JSON
object per input out, with the same fields as POST /api/v1/screenings plus the input's `id` if present."""

import json
import sys
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _

from jaring.screening.models import ScreeningStat
from jaring.screening.services import screening_check


class Command(BaseCommand):
    help = "Check job offers in bulk: JSON Lines (or plain lines) in, one JSON verdict per line out."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default="-", help="input file, or - for standard input")
        parser.add_argument("--language", choices=["id", "en"], default=None, help="language of explanations")
        parser.add_argument(
            "--record-stats",
            action="store_true",
            help="count the checks in the weekly statistics (off by default: bulk scans are not public checks)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self._ensure_database()
        if options["file"] == "-":
            self._run(sys.stdin, options)
        else:
            with open(options["file"], encoding="utf-8", errors="replace") as stream:
                self._run(stream, options)

    def _ensure_database(self) -> None:
        """The check reads the P3MI registry. A first `jaring screen` on a fresh machine sets up the embedded
        database itself, as `make run` would; a shared database is never migrated behind the operator's back."""
        executor = MigrationExecutor(connection)
        if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
            return
        if settings.SHARED_DATABASE:
            raise CommandError(_("Basis data belum disiapkan: jalankan `jaring migrate` dulu."))
        self.stderr.write(_("Menyiapkan basis data bawaan untuk pertama kali (jaring migrate)..."))
        call_command("migrate", interactive=False, verbosity=0)

    def _run(self, stream: IO[str], options: dict[str, Any]) -> None:
        out = self.stdout
        for line in stream:
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            item = _parse(line)
            output: dict[str, Any] = {"id": item["id"]} if "id" in item else {}
            try:
                output |= screening_check(
                    text=item.get("text") if isinstance(item.get("text"), str) else "",
                    language=options["language"] or item.get("language"),
                    channel=ScreeningStat.Channel.CLI,
                    record=options["record_stats"],
                )
            except ValidationError as error:
                output["error"] = error.messages[0]
            out.write(json.dumps(output, ensure_ascii=False))


def _parse(line: str) -> dict[str, Any]:
    """A JSON object with `text`, else the line itself as the text."""
    if line.lstrip().startswith("{"):
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            return {"text": line}
        if isinstance(value, dict):
            return value
    return {"text": line}
