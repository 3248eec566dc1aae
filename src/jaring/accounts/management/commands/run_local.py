import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Single-machine setup: the web server and a background task worker together (what `make run` starts)."
    )

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--bind", default="127.0.0.1:8000")

    def handle(self, *args, bind: str, **options) -> None:  # type: ignore[no-untyped-def]
        # The worker runs the background tasks (WhatsApp replies, digests); it stops with the server.
        worker = subprocess.Popen([sys.executable, "-m", "jaring", "db_worker"])  # noqa: S603
        try:
            call_command("runserver", bind, use_reloader=False, use_threading=True)
        finally:
            worker.terminate()
            worker.wait(timeout=10)
