import contextlib
import os
import signal
import subprocess
import sys
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = (
        "Single-machine setup: the web server and a background task worker together (what `make run` starts)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")

    def handle(self, *args: Any, bind: str, **options: Any) -> None:
        # The worker runs the background tasks (WhatsApp replies, digests); it stops with the server. In its own
        # process group, stopped as a group: in DEBUG it runs behind an autoreloader, whose child would
        # otherwise outlive a server stopped by SIGTERM.
        worker = subprocess.Popen([sys.executable, "-m", "jaring", "db_worker"], start_new_session=True)  # noqa: S603
        signal.signal(signal.SIGTERM, _exit)  # run the clean-up below on SIGTERM too, not only on Ctrl+C
        try:
            call_command("runserver", bind, use_reloader=False, use_threading=True)
        finally:
            _stop_group(worker)


def _stop_group(worker: subprocess.Popen) -> None:
    """SIGTERM to the worker's process group; SIGKILL if it has not ended within 10 seconds."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(worker.pid, sig)
        try:
            worker.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue


def _exit(signum: int, frame: object) -> None:
    raise SystemExit(0)
