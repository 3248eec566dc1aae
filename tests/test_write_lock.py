import threading
import time

from jaring.lib import write_lock


def test_writers_queue_one_after_another_on_a_sqlite_file(settings, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(write_lock, "_fd", None)
    settings.DATABASES = {
        **settings.DATABASES,
        "default": {**settings.DATABASES["default"], "NAME": str(tmp_path / "db.sqlite3")},
    }
    monkeypatch.setattr(write_lock, "connection", type("C", (), {"vendor": "sqlite"})())
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
