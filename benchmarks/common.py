"""Helpers shared by the benchmark scripts: machine facts, a free port, waiting for a server to answer."""

import datetime
import http.client
import os
import platform
import socket
import statistics
import subprocess
import time
from pathlib import Path


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
