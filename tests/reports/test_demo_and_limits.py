"""Demo reports are idempotent; the client identifier used by rate limits never carries the address."""

from datetime import UTC, datetime, timedelta

from django.db import connection
from django.test import RequestFactory

from jaring.lib import ratelimit
from jaring.reports import demo
from jaring.reports.models import Party, Report


def test_demo_seed_twice_changes_nothing(office):
    demo.seed(office=office)
    counts = (Report.objects.count(), Party.objects.count())
    demo.seed(office=office)
    assert counts == (Report.objects.count(), Party.objects.count()) == (3, 3)
    assert Report.objects.filter(identity_mode="rahasia").get().reporter_name == "Warga Demo"


def test_client_id_is_a_keyed_hash_that_differs_per_address(settings):
    factory = RequestFactory()
    first = ratelimit.client_id(factory.get("/", REMOTE_ADDR="203.0.113.5"))
    second = ratelimit.client_id(factory.get("/", REMOTE_ADDR="203.0.113.6"))
    assert first != second and "203.0.113" not in first
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    assert ratelimit.client_id(factory.get("/", REMOTE_ADDR="203.0.113.5")) != first


def test_behind_a_proxy_the_last_forwarded_hop_is_the_client(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.7")
    assert ratelimit.client_address(request) == "198.51.100.7"


def test_the_shipped_database_cache_keeps_every_clients_counter(settings, db):
    """Django's default (300 entries) would cull live counters once 300 clients had one: a lock-out or a limit
    could then be reset by creating entries from other addresses."""
    from jaring import settings as shipped

    settings.CACHES = shipped.CACHES
    limit = ratelimit.Limit("test-many-clients", 2, 3600)
    ratelimit.hit(limit, "first-client")
    for number in range(400):
        ratelimit.hit(limit, f"client-{number}")
    assert ratelimit.hit(limit, "first-client") == 2
    assert ratelimit.count(limit, "client-0") == 1


def test_counters_in_the_shipped_database_cache_keep_their_own_expiry(settings, db):
    """Django's DatabaseCache.incr() re-sets a value with the default 300 s: an hour's limit, or a 15-minute
    lock-out, would end after five quiet minutes."""
    from jaring import settings as shipped
    from jaring.accounts.services import login_failure_record

    settings.CACHES = shipped.CACHES
    limit = ratelimit.Limit("test-expiry", 10, 3600)
    for _ in range(3):
        ratelimit.hit(limit, "one-client")
        login_failure_record(username="someone")
    assert ratelimit.count(limit, "one-client") == 3
    now = datetime.now(UTC)
    assert _expires("rl:test-expiry:") - now > timedelta(seconds=3600 - 60)
    assert _expires("login-failures:") - now > timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS - 60)


def _expires(key_part: str) -> datetime:
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM jaring_cache WHERE cache_key LIKE %s", [f"%{key_part}%"])
        (expires,) = cursor.fetchone()
    if isinstance(expires, str):  # SQLite hands back text
        expires = datetime.fromisoformat(expires)
    return expires if expires.tzinfo else expires.replace(tzinfo=UTC)
