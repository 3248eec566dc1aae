"""jaring screening_corpus: check the sourced corpus against its schema; --datasheet rewrites the counts in
data/corpus/DATASHEET.md (the test suite fails when they are stale)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jaring.screening import corpus

DATASHEET = corpus.CORPUS_DIR / "DATASHEET.md"


class Command(BaseCommand):
    help = "Validate the screening corpus; with --datasheet, regenerate the counts in its DATASHEET.md."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--datasheet", action="store_true", help="rewrite the generated counts")

    def handle(self, *args: Any, **options: Any) -> None:
        items = corpus.load()
        errors = corpus.problems(items)
        if errors:
            raise CommandError(f"{len(errors)} problems:\n" + "\n".join(errors[:50]))
        self.stdout.write(f"{len(items)} items, schema valid")
        if options["datasheet"]:
            text = DATASHEET.read_text(encoding="utf-8")
            DATASHEET.write_text(corpus.datasheet_with_counts(text, items), encoding="utf-8")
            self.stdout.write(f"counts written to {DATASHEET}")
