"""`jaring periodic`: the scheduler of periodic jobs (what cron would run), one loop per host or for many.

Each due run is claimed with an atomic `cache.add` on the shared cache, so any number of schedulers on several
hosts run each job once per period (with Redis or the database cache; a local-memory cache claims per process).
"""

import io
import logging
import signal
import time
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    command: str
    every_seconds: int  # the period; a daily job with at_hour runs once a day from that local hour
    at_hour: int | None = None

    def slot(self, now: datetime) -> str | None:
        """The period `now` falls in, or None when the job is not due yet in it."""
        if self.at_hour is None:
            return str(int(now.timestamp()) // self.every_seconds)
        local = timezone.localtime(now)
        return local.date().isoformat() if local.hour >= self.at_hour else None


JOBS = [
    Job("whatsapp_retry", every_seconds=60),  # docs/whatsapp.md: due retries every minute
    Job("send_digest", every_seconds=86400, at_hour=7),  # docs/casework.md: officers' daily digest
    Job("checkpoints_retention", every_seconds=86400, at_hour=2),  # docs/checkpoints.md
    Job("insights_warm", every_seconds=240),  # docs/insights.md: dashboards cached for 5 minutes stay warm
    Job("insights_send_monthly", every_seconds=86400, at_hour=8),  # mails only on a month's first working day
]


class Command(BaseCommand):
    help = "Run the periodic jobs (WhatsApp retries, digest, TPI retention, Wawasan cache and report) until stopped."

    def add_arguments(self, parser) -> None:  # type: ignore[no-untyped-def]
        parser.add_argument("--once", action="store_true", help="run the due jobs once and exit")
        parser.add_argument("--tick", type=float, default=5.0, help="seconds between checks")

    def handle(self, *args, once: bool, tick: float, **options) -> None:  # type: ignore[no-untyped-def]
        stopping = []
        signal.signal(signal.SIGTERM, lambda signum, frame: stopping.append(signum))
        while not stopping:
            close_old_connections()  # a long-lived loop must not keep a connection the database has dropped
            run_due(timezone.now())
            if once:
                return
            time.sleep(tick)


def run_due(now: datetime) -> list[str]:
    """Runs each job whose period has not been claimed yet; returns the commands it ran."""
    ran = []
    for job in JOBS:
        slot = job.slot(now)
        if slot is None or not cache.add(f"periodic:{job.command}:{slot}", 1, timeout=2 * job.every_seconds):
            continue
        try:
            call_command(job.command, verbosity=0, stdout=io.StringIO())
            ran.append(job.command)
        except Exception:  # one failing job must not stop the others or the loop
            log.exception("periodic job %s failed", job.command)
    return ran
