from django.conf import settings
from django.core.management.base import BaseCommand

from jaring.checkpoints.retention import identity_erase_due


class Command(BaseCommand):
    help = (
        "Erase the traveller identity of cleared (diizinkan) screenings older than "
        "JARING_CHECKPOINT_RETENTION_DAYS (default 90) that opened no case. Audited. Run daily."
    )

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--days", type=int, default=None, help="override the retention period")

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        days = options["days"] if options["days"] is not None else settings.CHECKPOINT_RETENTION_DAYS
        if days < 1:
            self.stderr.write("--days must be at least 1")
            raise SystemExit(2)
        erased = identity_erase_due(days=days)
        self.stdout.write(f"{erased} identitas dihapus (diizinkan, lebih dari {days} hari, tanpa kasus).")
