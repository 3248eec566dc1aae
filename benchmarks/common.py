"""Helpers shared by the benchmark scripts: machine facts, a free port, waiting for a server to answer, and the
gunicorn server with its bare one-row view that the intake and webhook benches load."""

import argparse
import datetime
import http.client
import os
import platform
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> str:
    """CPU, cores, Python, load average and time: printed with every figure (machines here are noisy)."""
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu_model()}; {os.cpu_count()} cores; Python {platform.python_version()}; load {load}; "
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(
    port: int, server: subprocess.Popen, path: str = "/robots.txt", seconds: float = 30
) -> None:
    for _ in range(int(seconds * 10)):
        if server.poll() is not None:
            raise SystemExit("the server exited; see its output above")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", path)
            conn.getresponse().read()
            conn.close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"the server did not answer in {seconds:.0f} s")


def latency_summary(latencies: list[float], wall: float) -> dict:
    """Rate and p50/p99 in ms of successful requests (latencies in seconds, sorted in place)."""
    latencies.sort()
    n = len(latencies)
    return {
        "ok": n,
        "rate": n / wall,
        "p50": statistics.median(latencies) * 1000 if n else 0,
        "p99": latencies[max(int(n * 0.99) - 1, 0)] * 1000 if n else 0,
    }


def cpu_seconds(root_pid: int) -> float:
    """User + system CPU time of gunicorn's master and workers (from /proc), to price one request."""
    pids = [root_pid]
    children = Path(f"/proc/{root_pid}/task/{root_pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


class Schedule:
    """When one of N clients sends its next request.

    Closed loop (rate None): at once, as soon as the last answer came; the latency then mostly measures the
    queue that N clients build (Little's law: N / throughput), not the server. At a fixed rate (wrk2's
    method): client i sends its k-th request at start + (i + k * N) / rate, so N clients together offer
    `rate` requests/s; a request is timed from when it was due, so a late server is charged for the wait
    (no coordinated omission).
    """

    def __init__(self, rate: float | None, clients: int, index: int) -> None:
        self.step = clients / rate if rate else 0.0
        self.due = time.perf_counter() + (index / rate if rate else 0.0)

    def next_start(self) -> float:
        """Sleeps until the next request is due; returns the time it was due (the latency's start)."""
        if not self.step:
            return time.perf_counter()
        due = self.due
        self.due += self.step
        wait = due - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        return due


def run_threads(threads: list[threading.Thread]) -> float:
    """Starts the client threads, waits for all of them; returns the wall time they took."""
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def add_server_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="default: one per core")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--worker-class", default="gthread", help="gunicorn worker class (gthread or sync)")


@contextmanager
def ceiling_server(data_dir: str, args: argparse.Namespace, env: dict[str, str]) -> Iterator[tuple[int, int]]:
    """(port, gunicorn's pid) of a production-like server on a new SQLite database in `data_dir`: migrated, the
    demo office, and the bench-only `bench_row` table behind POST /bench/insert (benchmarks/intake_ceiling_*.py,
    the framework's one-row ceiling). `env` adds to the environment; stopped on exit."""
    env = {
        **os.environ,
        "JARING_DATA_DIR": data_dir,
        "JARING_DEBUG": "0",
        "JARING_LOG_LEVEL": "ERROR",
        "DJANGO_SETTINGS_MODULE": "intake_ceiling_settings",
        "PYTHONPATH": f"{ROOT / 'benchmarks'}:{os.environ.get('PYTHONPATH', '')}",
        **env,
    }
    jaring = [str(BIN / "jaring")]
    subprocess.run([*jaring, "migrate", "--verbosity", "0"], env=env, check=True)
    subprocess.run([*jaring, "createcachetable"], env=env, check=True)
    seed = "from jaring.accounts.models import Office; from jaring.accounts.demo import BATAM; " \
        "Office.objects.get_or_create(slug='batam', defaults=BATAM)"  # fmt: skip
    subprocess.run([*jaring, "shell", "-c", seed], env=env, check=True)
    with sqlite3.connect(Path(data_dir) / "jaring.sqlite3") as db:
        db.execute("CREATE TABLE bench_row (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL)")
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "jaring.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers),
         "--worker-class", args.worker_class, "--threads", str(args.threads), "--keep-alive", "30",
         "--log-level", "warning"],
        env=env, cwd=ROOT,
    )  # fmt: skip
    try:
        wait_until_up(port, server)
        yield port, server.pid
    finally:
        server.terminate()
        server.wait(timeout=20)


def count_present(db: sqlite3.Connection, table: str, column: str, values: list[str]) -> int:
    """How many of `values` are stored in table.column (the lost-or-not check after a run)."""
    found = 0
    for i in range(0, len(values), 500):
        chunk = values[i : i + 500]
        marks = ",".join("?" * len(chunk))
        query = f"SELECT COUNT(*) FROM {table} WHERE {column} IN ({marks})"  # noqa: S608 - names are ours
        found += db.execute(query, chunk).fetchone()[0]
    return found
