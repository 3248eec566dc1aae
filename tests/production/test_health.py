"""/healthz and /readyz as a load balancer polls them."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jaring.channels.tasks import send_outbound
from jaring.lib.storage import s3_storage

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_checks_database_cache_storage_and_tasks(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "storage": "ok", "tasks": "ok"}


def test_readyz_fails_when_tasks_wait_too_long_for_a_worker(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.READY_MAX_TASK_AGE_SECONDS = 60
    send_outbound.enqueue(outbound_id=1)
    assert client.get("/readyz").status_code == 200  # just enqueued: fine
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=5))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["tasks"] == "failed"


def test_readyz_fails_when_the_storage_is_unreachable(client, settings):

    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_storage(
            bucket="no-such-bucket",
            endpoint_url="http://127.0.0.1:9",
            access_key="x",
            secret_key="y",
            region="us-east-1",
        ),
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "failed"
    assert response.json()["checks"]["database"] == "ok"
