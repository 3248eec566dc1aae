"""Linking runs after a report or message commits, in the task worker: intake never waits for it.

Task arguments are row ids only (the queue never holds report text).
"""

from django_tasks import task

from jaring.network.services import message_link, report_link


@task()
def link_report(report_id: int) -> None:
    report_link(report_id=report_id)


@task()
def link_message(message_id: int) -> None:
    message_link(message_id=message_id)


def enqueue_report(report_id: int) -> None:
    link_report.enqueue(report_id)


def enqueue_message(message_id: int) -> None:
    link_message.enqueue(message_id)
