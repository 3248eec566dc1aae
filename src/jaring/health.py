"""Health endpoints for the load balancer: /healthz (the process answers) and /readyz (it can do its work)."""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import Min
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult, get_date_max

log = logging.getLogger(__name__)


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up; touches nothing else, so a slow database does not get web processes restarted."""
    return JsonResponse({"status": "ok"})


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def _cache() -> str:
    key = f"readyz:{time.monotonic_ns()}"
    cache.set(key, 1, timeout=10)
    if cache.get(key) != 1:
        raise RuntimeError("cache did not return what was written")
    cache.delete(key)
    return "ok"


def _storage() -> str:
    default_storage.exists("readyz-probe")  # a HEAD on S3, a stat on disk: reachable with our credentials
    return "ok"


def _task_backlog() -> str:
    """The oldest task waiting to run: workers down or overwhelmed show up here."""
    if not settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db"):
        return "ok"
    ready = DBTaskResult.objects.ready()
    waiting_since = [
        # Tasks to run at once carry the far-future date as run_after: they wait since they were enqueued.
        ready.filter(run_after=get_date_max()).aggregate(t=Min("enqueued_at"))["t"],
        ready.exclude(run_after=get_date_max()).aggregate(t=Min("run_after"))["t"],
    ]
    oldest = min((t for t in waiting_since if t), default=None)
    age = (timezone.now() - oldest) if oldest else timedelta(0)
    if age.total_seconds() > settings.READY_MAX_TASK_AGE_SECONDS:
        raise RuntimeError(f"oldest waiting task is {int(age.total_seconds())} s old")
    return "ok"


CHECKS = {"database": _database, "cache": _cache, "storage": _storage, "tasks": _task_backlog}


@require_GET
@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """200 when the database, the cache, the file storage and the task backlog are fine; 503 naming what is not
    (details go to the log, not to the caller)."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception:  # any failure of a dependency means "not ready", whatever its type
            log.exception("readiness check %s failed", name)
            results[name] = "failed"
    ready = all(value == "ok" for value in results.values())
    return JsonResponse(
        {"status": "ok" if ready else "failed", "checks": results}, status=200 if ready else 503
    )
