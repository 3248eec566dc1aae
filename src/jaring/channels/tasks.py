"""Background work of the WhatsApp channel (django_tasks: the database worker in production, immediate in tests).

Task arguments are row ids only: the task queue never holds a phone number or a message text.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db import transaction
from django_tasks import task, task_backends
from django_tasks_db import DatabaseBackend

# Filled by ChannelsConfig.ready: processing.inbound_process and services.outbound_deliver.
_handlers: dict[str, Callable[..., Any]] = {}


def handle(*, inbound: Callable[..., Any], outbound: Callable[..., Any]) -> None:
    _handlers.update(inbound=inbound, outbound=outbound)


@task()
def process_inbound(inbound_id: int) -> None:
    _handlers["inbound"](inbound_id=inbound_id)


@task()
def send_outbound(outbound_id: int) -> None:
    _handlers["outbound"](outbound_id=outbound_id)


def enqueue_inbound(inbound_id: int) -> None:
    process_inbound.enqueue(inbound_id)


def enqueue_inbound_with_commit(inbound_id: int) -> None:
    """Inside the storing transaction. The database backend writes the task row in that same transaction, so a
    stored message never lacks its task (and the webhook takes one write transaction, not two). Other backends
    (the immediate one in tests, an external broker) run after commit, when the message is visible."""
    if isinstance(task_backends[process_inbound.backend], DatabaseBackend):
        process_inbound.enqueue(inbound_id)
    else:
        transaction.on_commit(lambda: enqueue_inbound(inbound_id), robust=True)


def enqueue_send(outbound_id: int, *, run_after: datetime | None = None) -> None:
    """Queues a send; a delayed retry needs a backend that can defer, otherwise `jaring whatsapp_retry` does it."""
    if run_after is None:
        send_outbound.enqueue(outbound_id)
    elif task_backends[send_outbound.backend].supports_defer:
        send_outbound.using(run_after=run_after).enqueue(outbound_id)
