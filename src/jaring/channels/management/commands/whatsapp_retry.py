"""`jaring whatsapp_retry`: the periodic safety net of the WhatsApp channel (run it from cron every minute).

What it retries and why: jaring.channels.recovery.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from jaring.channels.recovery import retry_due


class Command(BaseCommand):
    help = "Retry due WhatsApp sends and process stored inbound messages that were not answered yet."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=500, help="at most this many of each per run")

    def handle(self, *args: Any, limit: int, **options: Any) -> None:
        run = retry_due(limit=limit)
        self.stdout.write(
            f"inbound processed: {run.processed}; outbound attempted: {run.attempted}, sent: {run.sent}"
        )
