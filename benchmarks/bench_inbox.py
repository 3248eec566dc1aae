"""Inbox list and search latency (p50/p95) with N synthetic reports, through the full Django stack.

    .venv/bin/python benchmarks/bench_inbox.py --count 100000 --count 1000000 --data-dir /tmp/jaring-inbox
    JARING_DATABASE_URL=postgres://postgres@127.0.0.1:5432/jaring_bench \\
        .venv/bin/python benchmarks/bench_inbox.py --count 100000

Each size gets its own database (SQLite: <data-dir>/n<count>/jaring.sqlite3, kept for the next run;
PostgreSQL: the database of JARING_DATABASE_URL with `_<count>` appended), seeded by `jaring gen_reports`, and
is measured in its own child process, one size after the other, so the table at the end compares the sizes
under the same machine load. Each figure includes the query, the page rendering and middleware (Django test
client logged in as the demo officer). The machine is shared: the load average and a fixed pure-Python
workload ("calibration") are printed per size. Budget (DESIGN.md): p95 <= 100 ms at 1,000,000 reports.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from common import cpu_model  # noqa: E402

QUERIES = [
    ("inbox (open, new first)", ""),
    ("inbox page 2", "@next"),
    ("all statuses", "status=semua"),
    ("closed only", "status=selesai"),
    ("category tppo", "category=tppo"),
    ("overdue", "due=overdue"),
    ("unassigned, region Galang", "assignee=unassigned&region=21.71.08"),
    ("mine, all statuses", "assignee=mine&status=semua"),
    ("search: kamboja (all statuses)", "q=kamboja&status=semua"),
    ("search: kamboja, open", "q=kamboja"),
    ("search: dipekerjakan kapal (all)", "q=dipekerjakan+kapal&status=semua"),
    ("search: paspor ditahan, open, tppo", "q=paspor+ditahan&category=tppo"),
    ("search: rare phone digits (all)", "q=7788+4321&status=semua"),
    ("search: no match (all)", "q=singapura&status=semua"),
    ("staff home /petugas/ (the officer's day)", "@home"),
]
ROOT = Path(__file__).resolve().parents[1]


def calibration_ms() -> tuple[float, float]:
    """(wall, cpu) ms of a fixed pure-Python workload: wall rises with the load other processes put on the
    shared cores; cpu shows how much the contention slows the work itself. Compare them between runs."""
    t0, c0 = time.perf_counter(), time.process_time()
    total = 0
    for i in range(2_000_000):
        total += i % 7
    return (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000


def p95(timings: list[float]) -> float:
    ordered = sorted(timings)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def measure(count: int, seed: int, repeat: int, data_dir: str) -> dict:
    """Child process: seed one database to `count` reports and time every query."""
    os.environ["JARING_DATA_DIR"] = data_dir
    url = os.environ.get("JARING_DATABASE_URL", "")
    if url.startswith("postgres"):
        os.environ["JARING_DATABASE_URL"] = f"{url.rstrip('/')}_{count}"
        _create_pg_database(os.environ["JARING_DATABASE_URL"])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jaring.settings")
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from jaring.accounts import demo
    from jaring.accounts.models import User
    from jaring.reports.models import Report

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    demo.seed(password="bench-password-1")  # noqa: S106 - throwaway benchmark database
    existing = Report.objects.count()
    generation = None
    if existing < count:
        started = time.perf_counter()
        call_command("gen_reports", count=count - existing, seed=seed)
        generation = time.perf_counter() - started
    client = Client()
    client.force_login(User.objects.get(username="petugas"))
    result = {
        "count": Report.objects.count(),
        "vendor": connection.vendor,
        "generation_s": generation,
        "load_before": os.getloadavg(),
        "calibration_ms": calibration_ms(),
        "rows": {},
    }
    for label, query in QUERIES:
        if query == "@next":
            first = client.get("/petugas/laporan/").content.decode()
            marker = "setelah="
            query = first[first.index(marker) :].split('"', 1)[0] if marker in first else ""
        url = "/petugas/" if query == "@home" else f"/petugas/laporan/?{query}"
        client.get(url)  # warm the database page cache
        timings, cpu = [], []
        for _ in range(repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            assert response.status_code == 200, response.status_code
        rows = response.content.decode().count('class="inbox-row')
        result["rows"][label] = (statistics.median(timings), p95(timings), statistics.median(cpu), rows)
    result["load_after"] = os.getloadavg()
    return result


def _create_pg_database(url: str) -> None:
    import psycopg

    base, _sep, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, action="append", help="reports; repeat for several sizes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--data-dir", help="keep the generated databases here between runs")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    counts = args.count or [100_000]
    base = args.data_dir or tempfile.mkdtemp(prefix="jaring-bench-")

    if args.child:
        data_dir = str(Path(base) / f"n{counts[0]}")
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        print(json.dumps(measure(counts[0], args.seed, args.repeat, data_dir)))
        return

    results = []
    for count in counts:
        cmd = [sys.executable, __file__, "--child", "--count", str(count), "--seed", str(args.seed)]
        cmd += ["--repeat", str(args.repeat), "--data-dir", base]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout  # noqa: S603
        result = json.loads(out.strip().splitlines()[-1])
        results.append(result)
        gen = f"; generated in {result['generation_s']:.0f} s" if result["generation_s"] else ""
        print(
            f"{result['count']:,} reports ({result['vendor']}){gen}; load average "
            f"{result['load_before'][0]:.1f} -> {result['load_after'][0]:.1f}; "
            "calibration {:.0f} ms wall, {:.0f} ms cpu".format(*result["calibration_ms"]),
            flush=True,
        )
    print(
        f"date: {datetime.now():%Y-%m-%d %H:%M}; CPU: {cpu_model()}; cores: {os.cpu_count()}; "
        f"python {platform.python_version()}; repeat {args.repeat}"
    )
    # cpu: this process's CPU time per request (query + rendering on SQLite; PostgreSQL's own work is not in
    # it): much less sensitive to the other processes on the machine than the wall-clock p50/p95.
    header = f"{'query':38}" + "".join(f" | {r['count']:>9,}: p50 / p95 (cpu) ms rows" for r in results)
    print(header)
    worst = {r["count"]: 0.0 for r in results}
    for label, _query in QUERIES:
        line = f"{label:38}"
        for r in results:
            p50, p95_ms, cpu_ms, rows = r["rows"][label]
            worst[r["count"]] = max(worst[r["count"]], p95_ms)
            line += f" | {p50:16.1f} / {p95_ms:6.1f} ({cpu_ms:5.1f}) {rows:4d}"
        print(line)
    print(
        "worst p95: " + ", ".join(f"{n:,}: {w:.1f} ms" for n, w in worst.items()) + " (budget 100 ms at 1M)"
    )
    print(f"data dir: {base}")


if __name__ == "__main__":
    main()
