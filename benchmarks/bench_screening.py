"""Speed of the job-offer checker: texts/s in process on one core (500-character texts), and HTTP p50 of
POST /api/v1/screenings against a real gunicorn server on 127.0.0.1 (one worker, SQLite in a temp dir).

Budgets (DESIGN.md): >= 1,000 texts/s on one core; HTTP p50 <= 20 ms. The machine may be shared: the figures
come with the load average and a fixed reference loop, and the HTTP part also reports the worker's CPU time per
request (what the request costs, whatever the waiting).
Usage: .venv/bin/python benchmarks/bench_screening.py [--texts 3000 (in 6 rounds, cores in turn)] [--requests 300] [--no-http]
       [--conn-max-age SECONDS]
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from common import cpu_model, free_port, wait_until_up  # noqa: E402

from jaring.screening.engine import screen  # noqa: E402

DEVSET = ROOT / "tests" / "screening" / "data" / "devset.jsonl"
BIN = Path(sys.executable).parent


def machine() -> str:
    cpu = cpu_model()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cpu}; {os.cpu_count()} cpus; load {load:.2f}; Python {platform.python_version()}; "
        f"{datetime.datetime.now().isoformat(timespec='seconds')}"
    )


def reference_loop() -> float:
    """CPU seconds of a fixed pure-Python loop: compares figures taken on busy or different machines
    (about 0.4 s on an idle current x86 core)."""
    started = time.process_time()
    total = 0
    for number in range(10_000_000):
        total += number
    return time.process_time() - started


def texts_of_500() -> list[str]:
    """Dev-set offers, warnings and news glued and cut into 500-character texts (realistic vocabulary)."""
    items = [
        json.loads(line)["text"] for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    texts, current = [], ""
    for index in range(len(items) * 4):
        current += items[index % len(items)] + " "
        if len(current) >= 500:
            texts.append(current[:500])
            current = current[500:]
    return texts


def bench_in_process(count: int, rounds: int = 6, rules_only: bool = False) -> list[tuple[int, float]]:
    """(core, texts/s of CPU time) per round, each round pinned to one core, taking the cores in turn.

    On this kind of machine the speed of a core changes with the host's other tenants (the same loop ran at 900
    and 1,330 texts/s on one core a minute apart), so one long run on one core measures that core's moment.
    """
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_setaffinity") else []
    texts = texts_of_500()
    options = {"model": None} if rules_only else {}  # default: rules + the learned scorer (data/model.json)
    for text in texts:  # warm the stemmer cache, as a running server is
        screen(text, **options)
    per_round = max(1, count // rounds)
    results = []
    try:
        for number in range(rounds):
            core = cores[number % len(cores)] if cores else -1
            if cores:
                os.sched_setaffinity(0, {core})
            started = time.process_time()
            for index in range(per_round):
                screen(texts[(number * per_round + index) % len(texts)], **options)
            results.append((core, per_round / (time.process_time() - started)))
    finally:
        if cores:
            # Back to every core: the HTTP client and the gunicorn it starts must not share the pinned one.
            os.sched_setaffinity(0, set(cores))
    return results


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children that were waited for (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:13]) / os.sysconf("SC_CLK_TCK")


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def bench_http(requests: int, conn_max_age: int | None = None) -> tuple[float, float, float]:
    texts = texts_of_500()
    with tempfile.TemporaryDirectory() as data_dir:
        env = os.environ | {"JARING_DATA_DIR": data_dir, "JARING_LOG_LEVEL": "ERROR"}
        if conn_max_age is not None:
            # What-if: the shipped settings close the SQLite connection after each request (CONN_MAX_AGE 0).
            Path(data_dir, "bench_settings.py").write_text(
                f'from jaring.settings import *  # noqa\nDATABASES["default"]["CONN_MAX_AGE"] = {conn_max_age}\n'
            )
            env |= {"DJANGO_SETTINGS_MODULE": "bench_settings", "PYTHONPATH": data_dir}
        subprocess.run([str(BIN / "jaring"), "migrate", "--verbosity", "0"], env=env, check=True)
        port = free_port()
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "jaring.wsgi:application",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                "1",
                "--log-level",
                "error",
            ],
            env=env,
        )
        try:
            url = f"http://127.0.0.1:{port}/api/v1/screenings"
            wait_until_up(port, server, seconds=10)
            latencies = []
            workers = worker_pids(server.pid)
            cpu_before = 0.0
            # One pass over the texts warms the worker (imports, registry, stemmer cache), as the in-process
            # figure does and as a server that has been up for a while is; then `requests` are timed.
            warm = len(texts)
            for index in range(warm + requests):
                if index == warm:
                    cpu_before = sum(cpu_seconds(pid) for pid in workers)
                body = json.dumps({"text": texts[index % len(texts)]}).encode()
                request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
                started = time.perf_counter()
                with urllib.request.urlopen(request, timeout=10) as response:
                    response.read()
                if index >= warm:
                    latencies.append((time.perf_counter() - started) * 1000)
            cpu_per_request = (sum(cpu_seconds(pid) for pid in workers) - cpu_before) / requests * 1000
        finally:
            server.terminate()
            server.wait(timeout=10)
    latencies.sort()
    return statistics.median(latencies), latencies[int(len(latencies) * 0.95) - 1], cpu_per_request


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=3000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--no-http", action="store_true")
    parser.add_argument(
        "--rules-only", action="store_true", help="without the learned scorer, for comparison"
    )
    parser.add_argument(
        "--conn-max-age", type=int, help="run the server with this CONN_MAX_AGE (persistent DB connections)"
    )
    args = parser.parse_args()
    print(f"machine: {machine()}")
    rounds = bench_in_process(args.texts, rules_only=args.rules_only)
    print("checker: " + ("rules only" if args.rules_only else "rules + learned scorer (data/model.json)"))
    print(f"reference loop (10M additions): {reference_loop():.2f} CPU s")
    rates = [rate for _core, rate in rounds]
    print(
        "in process, one core at a time, 500-char texts, per round (core: texts/s): "
        + ", ".join(f"{core}: {rate:,.0f}" for core, rate in rounds)
    )
    print(f"in process, one core: median {statistics.median(rates):,.0f} texts/s (budget >= 1,000)")
    if not args.no_http:
        p50, p95, cpu = bench_http(args.requests, args.conn_max_age)
        setting = "" if args.conn_max_age is None else f", CONN_MAX_AGE {args.conn_max_age}"
        print(
            f"HTTP POST /api/v1/screenings, gunicorn 1 worker{setting}, sequential: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
            f"(budget p50 <= 20 ms); worker CPU {cpu:.1f} ms per request"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "")


if __name__ == "__main__":
    main()
