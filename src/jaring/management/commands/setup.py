from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Everything a fresh or upgraded install needs, idempotent: migrations (with the cache table) and the "
        "compressed static files."
    )

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        verbosity = options["verbosity"]
        call_command("migrate", interactive=False, verbosity=max(0, verbosity - 1))
        call_command("collectstatic", interactive=False, verbosity=max(0, verbosity - 1))
        self.stdout.write(self.style.SUCCESS("Jaring is set up."))
