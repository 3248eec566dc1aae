"""jaring import_p3mi FILE: load the official list of licensed P3MI (CSV or XLSX export) into the registry."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jaring.screening.registry_file import RegistryFileError, read_registry
from jaring.screening.services import p3mi_import


class Command(BaseCommand):
    help = "Import licensed P3MI (SIP3MI) from a CSV or XLSX export; upserts by licence number."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--replace", action="store_true", help="mark licences missing from this file as inactive"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        try:
            rows = read_registry(path)
        except (RegistryFileError, UnicodeDecodeError, OSError) as error:
            raise CommandError(f"{path}: {error}") from error
        except Exception as error:  # openpyxl raises several types for a file that is not a workbook
            raise CommandError(
                f"{path}: not a readable CSV/XLSX file ({error.__class__.__name__})"
            ) from error
        result = p3mi_import(rows=rows, source=path.name, replace=options["replace"])
        sample = sum(1 for row in rows if row["is_sample"])
        self.stdout.write(
            f"{path.name}: {len(rows)} rows, {result.created} created, {result.updated} updated, "
            f"{result.deactivated} deactivated" + (f" ({sample} SAMPLE rows)" if sample else "")
        )
