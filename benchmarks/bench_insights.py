"""Wawasan dashboard latency (p50/p95) for a month and a year with N reports and N checkpoint records.

    .venv/bin/python benchmarks/bench_insights.py --reports 1000000 --screenings 1000000
    JARING_DATABASE_URL=postgres://postgres@127.0.0.1:5432/jaring_bench_insights \\
        .venv/bin/python benchmarks/bench_insights.py --reports 1000000 --screenings 1000000

Data: `jaring gen_reports` (reports over the past 1,095 days) and bench_checkpoints.bulk_rows (screenings over
the past year, a fifth postponed), in a temporary SQLite file unless JARING_DATABASE_URL is set (that database
is migrated and must be empty). Each figure is one GET /petugas/wawasan/?... as the demo supervisor through the
Django test client (middleware, queries, pygal charts, template; no socket). "cold" clears the cache before each
request (every figure computed); "cached" is what users get within the page's stated cache period
(insights.dashboard.CACHE_SECONDS). Budget (DESIGN.md): p95 <= 300 ms for a month and for a year.
"""

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bench_checkpoints import bulk_rows
from common import machine


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--screenings", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--data-dir", default="", help="SQLite: keep the data here and reuse it next time")
    args = parser.parse_args()
    if not os.environ.get("JARING_DATABASE_URL"):
        os.environ["JARING_DATA_DIR"] = args.data_dir or tempfile.mkdtemp(prefix="jaring-bench-insights-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jaring.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from jaring.accounts import demo
    from jaring.accounts.models import User
    from jaring.checkpoints.demo import seed_checkpoints
    from jaring.checkpoints.models import Screening
    from jaring.reports.models import Report

    print(machine())
    print(f"database: {connection.vendor}")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    office, _users = demo.seed(password=secrets.token_urlsafe(12))
    supervisor = User.objects.get(username="supervisor")
    if Report.objects.count() < args.reports:
        started = time.perf_counter()
        call_command("gen_reports", count=args.reports - Report.objects.count(), seed=16)
        print(f"reports: {args.reports:,} in {time.perf_counter() - started:.0f} s")
    if Screening.objects.count() < args.screenings:
        started = time.perf_counter()
        bulk_rows(
            args.screenings - Screening.objects.count(),
            [c.pk for c in seed_checkpoints(office)],
            supervisor.pk,
        )
        print(f"screenings: {args.screenings:,} in {time.perf_counter() - started:.0f} s")
    print(f"rows: {Report.objects.count():,} reports, {Screening.objects.count():,} screenings")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    client = Client()
    client.force_login(supervisor)
    today = date.today()
    cases = [("month", f"bulan={today:%Y-%m}"), ("year", f"tahun={today.year}")]
    print(f"{'period':<8} {'mode':<7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, query in cases:
        for mode in ("cold", "cached"):
            timings = []
            for _ in range(args.samples):
                if mode == "cold":
                    cache.clear()
                t0 = time.perf_counter()
                response = client.get(f"/petugas/wawasan/?{query}")
                timings.append(time.perf_counter() - t0)
                assert response.status_code == 200, response.status_code
            print(
                f"{name:<8} {mode:<7} {statistics.median(timings) * 1000:8.0f} {pct(timings, 0.95):8.0f} "
                f"{max(timings) * 1000:8.0f}"
            )


if __name__ == "__main__":
    main()
