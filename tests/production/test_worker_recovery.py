"""`jaring worker` takes back the tasks a killed worker on this host left RUNNING (never another host's)."""

import os
import subprocess

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jaring.management.commands.worker import _host, recover_abandoned_tasks
from jaring.network.tasks import link_report

pytestmark = pytest.mark.django_db


def _running(worker_id: str) -> DBTaskResult:
    result = DBTaskResult.objects.get(id=link_report.using(backend="default").enqueue(1).id)
    result.claim(worker_id)
    return result


def test_tasks_of_a_dead_worker_on_this_host_are_ready_again(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    dead = subprocess.Popen(["true"])  # noqa: S607 - a pid that has just ended
    dead.wait()
    abandoned = _running(f"{_host()}-{dead.pid}")
    alive = _running(f"{_host()}-{os.getpid()}")
    elsewhere = _running(f"another-host-{dead.pid}")
    assert recover_abandoned_tasks() == 1
    statuses = dict(DBTaskResult.objects.values_list("id", "status"))
    assert statuses[abandoned.id] == TaskResultStatus.READY
    assert statuses[alive.id] == TaskResultStatus.RUNNING
    assert statuses[elsewhere.id] == TaskResultStatus.RUNNING
