"""`jaring run_local`: everything one machine runs, as `make run` starts it.

Production (DEBUG off): gunicorn, a task worker and the periodic jobs, after `collectstatic` has written the
compressed static files WhiteNoise serves. With JARING_DEBUG=1 (`make dev`): Django's debug server and a worker.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

JARING = [sys.executable, "-m", "jaring"]


class Command(BaseCommand):
    help = "Single machine: the web server, a task worker and the periodic jobs together (what `make run` starts)."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="gunicorn processes")

    def handle(self, *args, bind: str, workers: int, **options) -> None:  # type: ignore[no-untyped-def]
        signal.signal(signal.SIGTERM, _exit)  # run the clean-up below on SIGTERM too, not only on Ctrl+C
        # Each child in its own process group, stopped as a group: the debug server's autoreloader and
        # gunicorn's workers must not outlive a stopped `make run`.
        children = [_start([*JARING, "worker"])]
        try:
            if settings.DEBUG:
                call_command("runserver", bind, use_reloader=False, use_threading=True)
                return
            call_command("collectstatic", interactive=False, verbosity=0)
            children.append(_start([*JARING, "periodic"]))
            # One thread per process: with SQLite the thread holding the write lock must not wait for the GIL
            # (docs/deployment.md). No access log: anonymous reporters' addresses must not be recorded.
            web = [sys.executable, "-m", "gunicorn", "jaring.wsgi", "-k", "gthread", "--threads", "1"]
            children.append(_start([*web, "-w", str(workers), "-b", bind, "--graceful-timeout", "10"]))
            while all(child.poll() is None for child in children):
                time.sleep(0.5)
            failed = [" ".join(c.args[-2:]) for c in children if c.poll() is not None]
            raise SystemExit(f"stopped: {', '.join(failed)} exited")
        finally:
            signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not cut the clean-up short
            for child in children:
                _stop_group(child)


def _start(command: list[str]) -> subprocess.Popen:
    return subprocess.Popen(command, start_new_session=True)  # noqa: S603


def _stop_group(child: subprocess.Popen) -> None:
    """SIGTERM to the child's process group; SIGKILL if it has not ended within 10 seconds."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, sig)
        try:
            child.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue


def _exit(signum: int, frame: object) -> None:
    raise SystemExit(0)
