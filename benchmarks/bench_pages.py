"""Public pages: compressed transfer size, request count and server p50 latency over real HTTP.

Starts gunicorn (jaring.wsgi) on 127.0.0.1 with a temporary JARING_DATA_DIR seeded by `jaring demo`, then for
the home page, an article and the checklist: gzip size of the HTML plus every stylesheet and script it
references, the number of requests a first visit makes, and the latency of N sequential requests.
Budget (DESIGN.md): <= 60 KB, <= 10 requests per page, p50 <= 20 ms.

    .venv/bin/python benchmarks/bench_pages.py [--requests 200]
"""

import argparse
import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import free_port, machine, wait_until_up  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PAGES = {
    "home": "/",
    "article": "/edukasi/jalur-resmi-bekerja-ke-luar-negeri/",
    "checklist": "/siap-berangkat/",
    "emergency": "/darurat/",
}
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src|img[^>]+src)="([^"]+)"')


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def server_cpu_seconds(master_pid: int) -> float:
    """User + system CPU of gunicorn's workers: unlike latency, not inflated by other load on the machine."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    ticks = 0
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def measure(base: str, path: str, n: int, master_pid: int) -> dict:
    html = fetch(base + path)
    assets = list(dict.fromkeys(ASSET.findall(html.decode())))
    size = len(gzip.compress(html, 6)) + sum(len(gzip.compress(fetch(base + a), 6)) for a in assets)
    for _ in range(20):  # warm-up: template and query caches
        fetch(base + path)
    timings = []
    cpu_before = server_cpu_seconds(master_pid)
    for _ in range(n):
        start = time.perf_counter()
        fetch(base + path)
        timings.append((time.perf_counter() - start) * 1000)
    cpu_ms = (server_cpu_seconds(master_pid) - cpu_before) * 1000 / n
    timings.sort()
    return {
        "cpu": cpu_ms,
        "kb": size / 1024,
        "requests": 1 + len(assets),
        "p50": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--port", type=int, default=0, help="default: any free port")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "JARING_DATA_DIR": data_dir, "JARING_DEBUG": "0"}
        subprocess.run([BIN / "jaring", "demo"], env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        port = args.port or free_port()
        server = subprocess.Popen(
            [
                BIN / "gunicorn",
                "jaring.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(port, server, "/")
            print(f"machine: {machine()}")
            print(f"load average before: {os.getloadavg()[0]:.1f}")
            print(
                f"{'page':<10} {'KB gz':>7} {'requests':>9} {'p50 ms':>8} {'p95 ms':>8} {'CPU ms/req':>11}"
                f"   ({args.requests} sequential requests)"
            )
            for name, path in PAGES.items():
                r = measure(base, path, args.requests, server.pid)
                print(
                    f"{name:<10} {r['kb']:>7.1f} {r['requests']:>9} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['cpu']:>11.1f}"
                )
            # Noise floor on a shared machine: the same HTTP round trip to a view that does no work.
            r = measure(base, "/robots.txt", args.requests, server.pid)
            print(
                f"{'baseline':<10} {'':>7} {'':>9} {r['p50']:>8.1f} {r['p95']:>8.1f} {r['cpu']:>11.1f}   (/robots.txt)"
            )
            print(f"load average after: {os.getloadavg()[0]:.1f}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
