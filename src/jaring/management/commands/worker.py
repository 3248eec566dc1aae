"""`jaring worker`: the task worker (django-tasks' db_worker) that first takes back what a killed worker left.

A worker killed mid-task (kill -9, a crashed host process) leaves its task RUNNING forever: db_worker never
looks at it again, so a report would never be linked. Each worker here has the id `<host>-<pid>`; on start it
puts back to READY the RUNNING tasks of this host's workers whose process is gone. Tasks are idempotent
(network.record_link, outbound sends), so running one again after a crash does its work once.
"""

import os
import socket

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def _host() -> str:
    return socket.gethostname()[:40]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover_abandoned_tasks() -> int:
    """READY again: RUNNING tasks whose worker on this host no longer runs. Returns how many."""
    prefix = f"{_host()}-"
    recovered = 0
    with transaction.atomic():
        for result in DBTaskResult.objects.select_for_update().filter(status=TaskResultStatus.RUNNING):
            last = (result.worker_ids or [""])[-1]
            pid = last.removeprefix(prefix)
            if last.startswith(prefix) and pid.isdigit() and not _alive(int(pid)):
                result.status = TaskResultStatus.READY
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
                recovered += 1
    return recovered


class Command(BaseCommand):
    help = "Run the task worker, after taking back tasks that killed workers on this host left running."

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        recovered = recover_abandoned_tasks()
        if recovered:
            self.stdout.write(f"{recovered} tasks left by a stopped worker are ready again")
        call_command(
            "db_worker",
            worker_id=f"{_host()}-{os.getpid()}",
            reload=False,
            startup_delay=False,
            verbosity=options["verbosity"],
        )
