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
