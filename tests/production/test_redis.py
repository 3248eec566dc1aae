"""Redis as the cache: rate limits and lock-outs on the real server (JARING_TEST_REDIS_URL, DB 5 by default)."""

import json

import pytest
import redis

from tests.production.conftest import REDIS_URL
from tests.production.procs import base_env, jaring

pytestmark = pytest.mark.django_db
REPORT = {
    "category": "perekrut",
    "description": "Agen menawarkan kerja di kapal ikan.",
    "identity_mode": "anonim",
}


def test_a_redis_cache_url_starts_and_works(tmp_path):
    """Used to fail on every request: ModuleNotFoundError: No module named 'redis'."""
    probe = "from django.core.cache import cache; cache.set('jaring-probe', 41, 5); print(cache.incr('jaring-probe'))"
    done = jaring(base_env(tmp_path, JARING_CACHE_URL=REDIS_URL), "shell", "-c", probe)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "42"


def test_report_rate_limit_counts_in_redis_with_its_window(client, office, settings, redis_url):
    settings.RATE_REPORTS_PER_HOUR = 2
    codes = [
        client.post("/api/v1/reports", json.dumps(REPORT), content_type="application/json").status_code
        for _ in range(3)
    ]
    assert codes == [201, 201, 429]
    server = redis.Redis.from_url(REDIS_URL)
    counters = [key for key in server.scan_iter(f"{redis_url}:*") if b":rl:" in key]
    assert counters, "the counter lives in Redis"
    assert 0 < server.ttl(counters[0]) <= 3600 + 5  # expires with its window, not Django's 300 s default


def test_login_lock_out_holds_in_redis(client, office, settings, redis_url):
    settings.LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        client.post("/petugas/masuk/", {"username": "petugas", "password": "salah-sekali"})
    response = client.post("/petugas/masuk/", {"username": "petugas", "password": "test-password-123"})
    assert response.status_code == 200  # the form again, not the redirect of a successful login
    assert "_auth_user_id" not in client.session
    server = redis.Redis.from_url(REDIS_URL)
    assert any(b"login-failures" in key for key in server.scan_iter(f"{redis_url}:*"))
