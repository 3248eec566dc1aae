"""Jaringan's answers to what reports announces (reports/events.py), connected in NetworkConfig.ready.

The linking task is queued in the announcing transaction (a row of the database task backend), so a stored
report always has its linking job; the worker runs it after commit.
"""

from typing import Any

from jaring.network import tasks
from jaring.reports.models import Message, Report


def queue_report_link(*, report: Report, **_kwargs: Any) -> None:
    tasks.enqueue_report(report.pk)


def queue_message_link(*, message: Message, **_kwargs: Any) -> None:
    """Only the reporter's words are evidence; officers' replies would link their own phrasing."""
    if message.body and message.author_kind == Message.Author.PELAPOR:
        tasks.enqueue_message(message.pk)
