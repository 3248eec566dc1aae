from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jaring.lib.backup import BackupError, backup_write


class Command(BaseCommand):
    help = (
        "Write an encrypted backup (database via SQLite's backup API or pg_dump, and every stored file) to FILE. "
        "The keys are not in it: keep JARING_FIELD_KEYS elsewhere; restoring needs them."
    )

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:  # type: ignore[no-untyped-def]
        try:
            manifest = backup_write(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"backup written to {file}: {manifest['engine']} database, {len(manifest['files'])} files"
            + (
                f", {len(manifest['missing'])} referenced files missing from storage"
                if manifest["missing"]
                else ""
            )
        )
