"""One writer at a time on SQLite, queued by the kernel instead of SQLite's busy handler.

SQLite has a single write lock. A transaction that misses it sleeps in SQLite's busy handler in growing steps
(up to 100 ms) instead of queueing, so under concurrent intake most of the time is spent asleep while the lock
is free (measured: 12 ms CPU a report, enough for ~167 reports/s on two cores, yet 80/s with a p99 of 2.3 s).
Hot write paths take an exclusive flock on a file beside the database first: waiters wake as soon as it is
released. A thread lock orders the threads of one process (flock is shared by all threads of a process).
PostgreSQL locks rows, not the database: there this is a no-op (`transaction_lock` serialises a named
critical section on both). The database cache (the default, see
settings.CACHES) is a table of the same file, so its hot writes (rate-limit counters) queue here too.
"""

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection

_thread_lock = threading.Lock()
_fd: int | None = None
_held = threading.local()  # a writer may call code that queues again (e.g. a cache write): no self-deadlock


def _lock_file() -> int:
    global _fd
    if _fd is None:
        path = f"{settings.DATABASES['default']['NAME']}.write-lock"
        _fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    return _fd


@contextmanager
def one_writer() -> Iterator[None]:
    name = str(settings.DATABASES["default"]["NAME"])
    if connection.vendor != "sqlite" or name == ":memory:" or "mode=memory" in name:
        yield
        return
    if getattr(_held, "active", False) or connection.in_atomic_block:
        # Queued already, or inside a transaction, which on SQLite (BEGIN IMMEDIATE) holds the write lock
        # itself: waiting for the file lock there could wait for a writer that waits for this transaction.
        yield
        return
    with _thread_lock:
        fd = _lock_file()
        fcntl.flock(fd, fcntl.LOCK_EX)
        _held.active = True
        try:
            yield
        finally:
            _held.active = False
            fcntl.flock(fd, fcntl.LOCK_UN)


def transaction_lock(key: int) -> None:
    """Serialises the callers passing the same `key` until the current transaction ends.

    PostgreSQL: a transaction-scoped advisory lock. SQLite: nothing to do, the write transaction (BEGIN
    IMMEDIATE) already holds the database's only write lock.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def database_cache() -> bool:
    """True when the default cache is a table of the database (the default without JARING_CACHE_URL)."""
    return settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


@contextmanager
def cache_writer() -> Iterator[None]:
    """Around writes to the default cache: queued with the other writers when that cache is a database table."""
    if database_cache():
        with one_writer():
            yield
    else:
        yield
