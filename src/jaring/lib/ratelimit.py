"""Fixed-window rate limits kept in the shared cache, so that they hold across web processes.

Clients are identified by a salted hash of their address: the salt is derived from SECRET_KEY and the UTC date,
so the identifier changes every day and the address itself never leaves the request (DESIGN.md: no IP stored).
The cache is the database by default or Redis when configured; both are shared by every gunicorn worker.
"""

import hashlib
import hmac
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from jaring.lib.write_lock import cache_writer, database_cache


@dataclass(frozen=True)
class Limit:
    scope: str
    limit: int
    window: int  # seconds

    def retry_after(self, now: float | None = None) -> int:
        now = time.time() if now is None else now
        return max(1, int(self.window - now % self.window))


class RateLimited(Exception):  # noqa: N818 - reads as a state, like Django's PermissionDenied
    def __init__(self, limit: Limit) -> None:
        super().__init__(limit.scope)
        self.limit = limit
        self.retry_after = limit.retry_after()


def _digest(*parts: str) -> str:
    message = "\x1f".join(parts).encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def client_address(request: HttpRequest) -> str:
    """The peer address; behind our own proxy (JARING_BEHIND_PROXY) the last X-Forwarded-For hop it added."""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")


def client_id(request: HttpRequest) -> str:
    """A daily-rotating, salted hash of the client address: usable as a cache key, useless to recover the IP."""
    day = datetime.now(UTC).strftime("%Y-%m-%d")
    return _digest("client", day, client_address(request))


def subject_id(kind: str, value: str) -> str:
    """A hashed key for a non-client subject (e.g. a tracking code), so the cache holds no readable values."""
    return _digest(kind, value)


def _enabled(limit: Limit) -> bool:
    return settings.RATE_LIMITS_ENABLED and limit.limit > 0


def _key(limit: Limit, ident: str, now: float) -> str:
    return f"rl:{limit.scope}:{ident}:{int(now // limit.window)}"


def count(limit: Limit, ident: str) -> int:
    return int(cache.get(_key(limit, ident, time.time()), 0))


def is_limited(limit: Limit, ident: str) -> bool:
    """True when `ident` has used up `limit` in the current window (checked before doing the work)."""
    return _enabled(limit) and count(limit, ident) >= limit.limit


def hit(limit: Limit, ident: str) -> int:
    """Counts one event; returns the count in the current window."""
    if not _enabled(limit):
        return 0
    return count_event(_key(limit, ident, time.time()), timeout=limit.window + 5)


def count_event(key: str, *, timeout: int) -> int:
    """Adds one to the counter at key, which expires `timeout` seconds after its last event; returns the count.

    Django's DatabaseCache.incr() is get + set() with the cache's default timeout (300 s): an hour's counter
    would vanish after five quiet minutes. There the count is set again with its own timeout, queued behind
    the writer lock (atomic on SQLite); Redis' incr() is atomic and keeps the expiry.
    """
    with cache_writer():
        if cache.add(key, 1, timeout=timeout):  # a client's first event: one write
            return 1
        if database_cache():
            count = int(cache.get(key, 0)) + 1
            cache.set(key, count, timeout=timeout)
            return count
        try:
            return int(cache.incr(key))
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=timeout)
            return 1


def check(limit: Limit, ident: str) -> None:
    """Raises RateLimited if the limit is used up; does not count."""
    if is_limited(limit, ident):
        raise RateLimited(limit)


def consume(limit: Limit, ident: str) -> None:
    """Counts one event and raises RateLimited if that went over the limit."""
    if _enabled(limit) and hit(limit, ident) > limit.limit:
        raise RateLimited(limit)
