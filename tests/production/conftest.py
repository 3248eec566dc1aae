"""Real servers for production tests: Redis (started by .ci/run or the machine) and an S3-compatible server
(moto's standalone server, a dev dependency) started here."""

import os
import sys
import uuid
from pathlib import Path

import boto3
import pytest
import redis

from jaring.lib.storage import s3_storage
from tests.production.procs import free_port, get, start, stop, wait_for

REDIS_URL = os.environ.get("JARING_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
S3_KEYS = {"JARING_S3_ACCESS_KEY_ID": "jaring-test", "JARING_S3_SECRET_ACCESS_KEY": "jaring-test-secret"}


@pytest.fixture
def redis_url(settings):
    """A Redis cache for this test only: its own key prefix, its keys removed afterwards (never FLUSHDB)."""
    prefix = f"jaring-test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    client = redis.Redis.from_url(REDIS_URL)
    yield prefix
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory) -> str:
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    server = start(
        [str(Path(sys.executable).with_name("moto_server")), "-H", "127.0.0.1", "-p", str(port)],
        dict(os.environ),
        log,
    )
    url = f"http://127.0.0.1:{port}"
    if not wait_for(lambda: get(f"{url}/moto-api/")[0] < 500, 60):
        stop(server)
        raise AssertionError(log.read_text())
    yield url
    stop(server)


def s3_client(endpoint: str):  # type: ignore[no-untyped-def]
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=S3_KEYS["JARING_S3_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_KEYS["JARING_S3_SECRET_ACCESS_KEY"],
    )


@pytest.fixture
def s3_bucket(s3_endpoint) -> str:
    name = f"jaring-{uuid.uuid4().hex[:12]}"
    s3_client(s3_endpoint).create_bucket(Bucket=name)
    return name


@pytest.fixture
def s3_files(settings, s3_endpoint, s3_bucket) -> str:
    """Attachments and photos in the S3 bucket for this test, configured as JARING_S3_* would."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_storage(
            bucket=s3_bucket,
            endpoint_url=s3_endpoint,
            region="us-east-1",
            access_key=S3_KEYS["JARING_S3_ACCESS_KEY_ID"],
            secret_key=S3_KEYS["JARING_S3_SECRET_ACCESS_KEY"],
        ),
    }
    return s3_bucket
