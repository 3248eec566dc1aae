import importlib
import os
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from jaring.accounts import demo

DEFAULT_PASSWORD = "jaring-demo-2026"  # noqa: S105 - demo only; JARING_DEMO_PASSWORD overrides it
APP_SEEDS = ["content", "screening", "reports", "casework", "outreach", "network", "checkpoints", "insights"]


class Command(BaseCommand):
    help = "Migrate and seed the Batam demo: office, agencies, one user per role, content. Idempotent."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)  # creates the cache table too
        password = os.environ.get("JARING_DEMO_PASSWORD") or DEFAULT_PASSWORD
        office, users = demo.seed(password=password)
        for app in APP_SEEDS:
            try:
                module = importlib.import_module(f"jaring.{app}.demo")
            except ModuleNotFoundError:
                continue
            module.seed(office=office)
        self.stdout.write(self.style.SUCCESS(f"Demo ready: {office.name}"))
        self.stdout.write(f"Demo logins at {settings.SITE_URL}/petugas/masuk/ :")
        for username, created in users:
            note = password if created else "(existing user: password unchanged)"
            self.stdout.write(f"  {username:<12} {note}")
