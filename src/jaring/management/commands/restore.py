from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jaring.lib.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Restore a `jaring backup` archive: replaces the database and writes the stored files back. Stop the web "
        "processes and workers first; the same JARING_FIELD_KEYS must be set."
    )

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:  # type: ignore[no-untyped-def]
        try:
            manifest = backup_restore(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"restored {manifest['engine']} database and {len(manifest['files'])} files from {file}"
        )
