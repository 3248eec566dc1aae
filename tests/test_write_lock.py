import threading
import time

from jaring.lib import write_lock

_in_transaction = threading.local()


class _SqliteConnection:
    """Stands in for django.db.connection: a SQLite file, and whether this thread is inside a transaction."""

    vendor = "sqlite"

    @property
    def in_atomic_block(self) -> bool:
        return getattr(_in_transaction, "active", False)


def test_writers_queue_one_after_another_on_a_sqlite_file(settings, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(write_lock, "_fd", None)
    settings.DATABASES = {
        **settings.DATABASES,
        "default": {**settings.DATABASES["default"], "NAME": str(tmp_path / "db.sqlite3")},
    }
    monkeypatch.setattr(write_lock, "connection", _SqliteConnection())
    spans: list[tuple[float, float]] = []

    def writer() -> None:
        with write_lock.one_writer():
            start = time.monotonic()
            time.sleep(0.05)
            spans.append((start, time.monotonic()))

    threads = [threading.Thread(target=writer) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    spans.sort()
    assert all(later[0] >= earlier[1] for earlier, later in zip(spans, spans[1:], strict=False))
    assert (tmp_path / "db.sqlite3.write-lock").exists()
    monkeypatch.setattr(write_lock, "_fd", None)


def _sqlite_file(settings, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(write_lock, "_fd", None)
    settings.DATABASES = {
        **settings.DATABASES,
        "default": {**settings.DATABASES["default"], "NAME": str(tmp_path / "db.sqlite3")},
    }
    monkeypatch.setattr(write_lock, "connection", _SqliteConnection())


def _spans_of(first, second) -> list[tuple[float, float]]:
    """Runs two writers at once (the second starts while the first holds its lock); their (start, end)."""
    spans: list[tuple[float, float]] = []

    def run(context, delay: float) -> None:
        time.sleep(delay)
        with context():
            start = time.monotonic()
            time.sleep(0.05)
            spans.append((start, time.monotonic()))

    threads = [
        threading.Thread(target=run, args=(first, 0)),
        threading.Thread(target=run, args=(second, 0.01)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=5)
    return sorted(spans)


def test_a_writer_may_queue_again_without_waiting_for_itself(settings, tmp_path, monkeypatch) -> None:
    _sqlite_file(settings, tmp_path, monkeypatch)
    done = threading.Event()

    def nested() -> None:
        with write_lock.one_writer(), write_lock.one_writer():
            pass
        with write_lock.one_writer():  # released: the next writer gets it
            done.set()

    thread = threading.Thread(target=nested, daemon=True)
    thread.start()
    assert done.wait(timeout=5)
    monkeypatch.setattr(write_lock, "_fd", None)


def test_database_cache_writes_queue_with_the_other_writers(settings, tmp_path, monkeypatch) -> None:
    _sqlite_file(settings, tmp_path, monkeypatch)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "c"}}
    spans = _spans_of(write_lock.one_writer, write_lock.cache_writer)
    assert len(spans) == 2 and spans[1][0] >= spans[0][1]
    monkeypatch.setattr(write_lock, "_fd", None)


def test_other_caches_do_not_wait_for_database_writers(settings, tmp_path, monkeypatch) -> None:
    _sqlite_file(settings, tmp_path, monkeypatch)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    spans = _spans_of(write_lock.one_writer, write_lock.cache_writer)
    assert len(spans) == 2 and spans[1][0] < spans[0][1]
    monkeypatch.setattr(write_lock, "_fd", None)


def test_a_transaction_does_not_wait_for_the_file_lock(settings, tmp_path, monkeypatch) -> None:
    """On SQLite an open transaction (BEGIN IMMEDIATE) holds the database's write lock: waiting for the file
    lock there could wait for a writer that itself waits for this transaction."""
    _sqlite_file(settings, tmp_path, monkeypatch)
    holding, release = threading.Event(), threading.Event()

    def writer() -> None:
        with write_lock.one_writer():
            holding.set()
            release.wait(timeout=5)

    thread = threading.Thread(target=writer)
    thread.start()
    assert holding.wait(timeout=5)
    _in_transaction.active = True
    try:
        started = time.monotonic()
        with write_lock.one_writer():
            waited = time.monotonic() - started
    finally:
        _in_transaction.active = False
        release.set()
        thread.join(timeout=5)
    assert waited < 1
    monkeypatch.setattr(write_lock, "_fd", None)
