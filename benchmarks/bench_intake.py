"""Report intake over HTTP: sustained reports/s and p50/p99 latency at 32 concurrent clients, 0 lost.

Starts gunicorn (jaring.wsgi settings plus one bench-only view, benchmarks/intake_ceiling_*.py) with one gthread
worker per core (measured best on SQLite: more processes than cores only make the writer wait for a core while
it holds the write lock) on a temporary JARING_DATA_DIR (SQLite WAL, migrated, demo office), then for each target runs N
keep-alive clients posting JSON for a fixed time:
  - ceiling: POST /bench/insert, a bare Django view that parses the body and inserts one row;
  - intake:  POST /api/v1/reports, the real endpoint (validation, argon2 key hash, parties, status, audit),
    first as fast as answered (the sustained rate), then with the 32 clients together offering --rate reports/s,
    each request timed from when it was due (the latency at that load; common.Schedule). In the first run
    latency is mostly the clients' own queue: 32 clients at 150/s wait 32/150 = 213 ms on average (Little's law).
Afterwards every 201 is checked against the database (each returned tracking code exists; row counts match).
Rate limits stay on, as in production, with the hourly cap raised so that the clients' one shared address is
not refused: every report also counts itself in the cache (the database cache unless JARING_CACHE_URL is set).
--no-rate-limits switches them off (JARING_RATE_LIMITS=0) to see what that counting costs.
Budget (DESIGN.md): >= 150 reports/s sustained, p99 <= 200 ms at 32 concurrent clients, 0 lost.

    .venv/bin/python benchmarks/bench_intake.py [--clients 32] [--seconds 20] [--rate 150] [--workers CORES] [--threads 1]
        [--no-rate-limits]
"""

import argparse
import http.client
import json
import os
import random
import sqlite3
import tempfile
import threading
import time
from pathlib import Path

from common import (  # noqa: E402
    Schedule,
    add_server_arguments,
    ceiling_server,
    count_present,
    cpu_seconds,
    latency_summary,
    machine,
    run_threads,
)

CATEGORIES = [
    "tppo",
    "pmi_nonprosedural",
    "perekrut",
    "orang_asing",
    "dokumen",
    "layanan",
    "aspirasi",
    "pertanyaan",
]
SENTENCES = [
    "Ada akun media sosial menawarkan kerja admin di Kamboja dengan gaji {n} juta tanpa pengalaman.",
    "Tetangga saya akan berangkat ke Malaysia lewat pelabuhan tikus malam ini bersama {n} orang.",
    "Agen meminta biaya proses Rp{n}.000.000 dan paspor akan dipegang oleh perusahaan.",
    "Orang asing bekerja di proyek dekat Batam Center tanpa izin, sekitar {n} orang.",
    "Pelayanan paspor kemarin sangat lama, antre {n} jam tanpa kejelasan.",
]


def payload(rng: random.Random) -> bytes:
    n = rng.randint(2, 99)
    body = {
        "category": rng.choice(CATEGORIES),
        "description": " ".join(s.format(n=n) for s in rng.sample(SENTENCES, 2)),
        "identity_mode": "anonim",
        "location_text": "Batam",
        "parties": [{"kind": "phone", "value": f"0812-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"}],
    }
    return json.dumps(body).encode()


def client_loop(
    port: int, path: str, stop_at: float, seed: int, out: list, codes: list, errors: list, schedule: Schedule
) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while True:
        start = schedule.next_start()
        if start >= stop_at:
            break
        body = payload(rng)
        try:
            conn.request("POST", path, body=body, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as exc:
            errors.append(repr(exc))
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        elapsed = time.perf_counter() - start
        if response.status == 201:
            out.append(elapsed)
            if path.startswith("/api/"):
                codes.append(json.loads(data)["tracking_code"])
        else:
            errors.append(f"{response.status} {data[:200]!r}")
    conn.close()


def run(
    port: int, path: str, clients: int, seconds: float, server_pid: int, rate: float | None = None
) -> dict:
    # Warm-up: every worker thread imports, connects and fills its caches (stemmer, regions) first.
    run_for(port, path, clients, 2.0)
    before = cpu_seconds(server_pid)
    result = run_for(port, path, clients, seconds, rate)
    used = cpu_seconds(server_pid) - before
    result["cpu_ms"] = used / max(1, result["ok"]) * 1000
    return result


def run_for(port: int, path: str, clients: int, seconds: float, rate: float | None = None) -> dict:
    latencies: list[float] = []
    codes: list[str] = []
    errors: list[str] = []
    stop_at = time.perf_counter() + seconds
    seed = int(time.time() * 1000) % 100_000
    threads = [
        threading.Thread(
            target=client_loop,
            args=(port, path, stop_at, seed + i, latencies, codes, errors, Schedule(rate, clients, i)),
        )
        for i in range(clients)
    ]
    wall = run_threads(threads)
    return {**latency_summary(latencies, wall), "errors": errors, "codes": codes}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--rate", type=float, default=150, help="offered reports/s of the fixed-rate run")
    parser.add_argument("--no-rate-limits", action="store_true", help="switch rate limiting off")
    add_server_arguments(parser)
    args = parser.parse_args()
    print(machine())
    if args.no_rate_limits:
        env = {"JARING_RATE_LIMITS": "0"}
        print("rate limits off")
    else:
        env = {"JARING_RATE_LIMITS": "1", "JARING_RATE_REPORTS_PER_HOUR": str(10**9)}
        print(
            "rate limits on (each report counted in the cache), cap raised to 10^9 an hour: one shared address"
        )
    with tempfile.TemporaryDirectory() as data_dir:
        with ceiling_server(data_dir, args, env) as (port, server_pid):
            results = {
                "ceiling (bare view, 1 row)": run(
                    port, "/bench/insert", args.clients, args.seconds, server_pid
                ),
                "intake (POST /api/v1/reports)": run(
                    port, "/api/v1/reports", args.clients, args.seconds, server_pid
                ),
                f"intake at {args.rate:.0f}/s offered": run(
                    port, "/api/v1/reports", args.clients, args.seconds, server_pid, args.rate
                ),
            }
        intake = results["intake (POST /api/v1/reports)"]
        paced = results[f"intake at {args.rate:.0f}/s offered"]
        codes = intake["codes"] + paced["codes"]
        with sqlite3.connect(Path(data_dir) / "jaring.sqlite3") as db:
            stored_reports = db.execute("SELECT COUNT(*) FROM reports_report").fetchone()[0]
            stored_rows = db.execute("SELECT COUNT(*) FROM bench_row").fetchone()[0]
            found = count_present(db, "reports_report", "tracking_code", codes)
    print(
        f"{args.clients} clients, {args.seconds:.0f} s each, gunicorn {args.workers} {args.worker_class} workers x {args.threads} threads"
    )
    for name, r in results.items():
        print(
            f"{name:32s} {r['rate']:7.1f} req/s  p50 {r['p50']:6.1f} ms  p99 {r['p99']:6.1f} ms  "
            f"201s {r['ok']}  errors {len(r['errors'])}  server CPU {r['cpu_ms']:.1f} ms/req "
            f"(= {os.cpu_count() * 1000 / max(r['cpu_ms'], 0.01):.0f} req/s if every core were free)"
        )
        for error in r["errors"][:3]:
            print("   ", error)
    ceiling_ok = results["ceiling (bare view, 1 row)"]["ok"]
    accepted = len(codes)
    # Warm-up rounds also created rows: compare the codes returned in the measured run, then totals.
    lost = accepted - found
    print(f"accepted reports (measured) {accepted}, found in database {found}, lost {lost}")
    print(
        f"rows in database: reports {stored_reports}, bare rows {stored_rows} (incl. warm-up; ceiling 201s {ceiling_ok})"
    )
    sustained = intake["rate"] >= 150 and paced["rate"] >= 0.98 * args.rate >= 147
    budget = sustained and paced["p99"] <= 200 and lost == 0
    print(
        "budget (>= 150 reports/s sustained, p99 <= 200 ms at 150/s offered, 0 lost):",
        "met" if budget else "NOT met",
    )


if __name__ == "__main__":
    main()
