"""WhatsApp webhook over HTTP: signed webhooks/s accepted and acknowledgement latency, gunicorn + SQLite WAL.

Starts gunicorn (jaring.wsgi, production settings, the django-tasks database backend: the web process only
stores the message and enqueues its task; no worker runs during the measurement) on a temporary
JARING_DATA_DIR, then N keep-alive clients POST signed Cloud-API text messages from 500 different senders, twice
for a fixed time: first each client sends as soon as it has its answer (the sustained rate), then together they
offer --rate webhooks/s, each request timed from when it was due (the latency at that load; common.Schedule).
One request in ten redelivers an earlier message id (Meta does that); it must be acknowledged and
not stored twice. Afterwards the database must hold exactly one message and one queued task per distinct id
acknowledged (0 lost, 0 duplicated).
Budget (issue #7): >= 200 webhooks/s, acknowledgement p99 <= 100 ms (at 200/s offered).

    .venv/bin/python benchmarks/bench_webhook.py [--clients 16] [--seconds 15] [--rate 200] [--workers CORES] [--threads 1]

Afterwards, on the same server: GET /robots.txt (no database) and POST /bench/insert (bench_intake.py's bare view
inserting one row: the SQLite ceiling). On a shared, loaded machine compare the webhook against those figures.
"""

import argparse
import hashlib
import hmac
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

SECRET = "bench-app-secret"  # noqa: S105 - a throw-away app secret for the benchmark server
TEXTS = ["halo", "1", "2", "menu", "Lowongan kerja admin di Kamboja gaji 25 juta, berangkat minggu depan."]


def webhook(wa_id: str, wamid: str, text: str) -> bytes:
    body = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "102290129340398", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "628117002019", "phone_number_id": "106540352242922"},
            "contacts": [{"profile": {"name": "Bench"}, "wa_id": wa_id}],
            "messages": [{"from": wa_id, "id": wamid, "timestamp": str(int(time.time())), "type": "text",
                          "text": {"body": text}}],
        }}]}],
    }  # fmt: skip
    return json.dumps(body).encode()


def client_loop(
    port: int, stop_at: float, seed: int, out: list, ids: set, errors: list, lock: threading.Lock,
    schedule: Schedule,
) -> None:  # fmt: skip
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    mine: list[str] = []
    n = 0
    while True:
        start = schedule.next_start()
        if start >= stop_at:
            break
        n += 1
        # One request in ten redelivers an earlier id, as Meta does.
        wamid = rng.choice(mine) if mine and n % 10 == 0 else f"wamid.BENCH{seed:03d}{n:08d}"
        raw = webhook(f"62812{rng.randint(0, 499):07d}", wamid, rng.choice(TEXTS))
        signature = "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()
        headers = {"Content-Type": "application/json", "X-Hub-Signature-256": signature}
        try:
            conn.request("POST", "/channels/whatsapp/webhook", body=raw, headers=headers)
            response = conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as exc:
            errors.append(repr(exc))
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        elapsed = time.perf_counter() - start
        if response.status == 200:
            out.append(elapsed)
            mine.append(wamid)
            with lock:
                ids.add(wamid)
        else:
            errors.append(f"{response.status} {data[:200]!r}")
    conn.close()


def baseline_loop(port: int, stop_at: float, out: list, method: str, path: str) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = json.dumps({"description": "x" * 600}).encode() if method == "POST" else None
    while time.perf_counter() < stop_at:
        start = time.perf_counter()
        conn.request(method, path, body=body, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        if response.status < 300:
            out.append(time.perf_counter() - start)
    conn.close()


def baseline(port: int, clients: int, seconds: float, method: str, path: str) -> float:
    """Requests/s of a reference view through the same server: what this machine allows right now."""
    latencies: list[float] = []
    stop_at = time.perf_counter() + seconds
    threads = [
        threading.Thread(target=baseline_loop, args=(port, stop_at, latencies, method, path))
        for _ in range(clients)
    ]
    wall = run_threads(threads)  # before len(): the threads fill the list
    return len(latencies) / wall


def run_for(port: int, clients: int, seconds: float, rate: float | None = None) -> dict:
    latencies: list[float] = []
    ids: set[str] = set()
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds
    seed_base = int(time.time() * 1000) % 100_000  # warm-up and measured runs use different ids
    threads = [
        threading.Thread(
            target=client_loop,
            args=(port, stop_at, seed_base + i, latencies, ids, errors, lock, Schedule(rate, clients, i)),
        )
        for i in range(clients)
    ]
    return {**latency_summary(latencies, run_threads(threads)), "ids": ids, "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--rate", type=float, default=200, help="offered webhooks/s of the fixed-rate run")
    add_server_arguments(parser)
    args = parser.parse_args()
    print(machine())
    with tempfile.TemporaryDirectory() as data_dir:
        env = {
            "JARING_WHATSAPP_APP_SECRET": SECRET,
            "JARING_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        }
        with ceiling_server(data_dir, args, env) as (port, server_pid):
            run_for(port, args.clients, 2.0)  # warm-up: imports, connections
            before = cpu_seconds(server_pid)
            result = run_for(port, args.clients, args.seconds)
            paced = run_for(port, args.clients, args.seconds, rate=args.rate)
            server_cpu_ms = (cpu_seconds(server_pid) - before) * 1000 / max(1, result["ok"] + paced["ok"])
            floor = baseline(port, args.clients, min(args.seconds, 5.0), "GET", "/robots.txt")
            ceiling = baseline(port, args.clients, min(args.seconds, 10.0), "POST", "/bench/insert")
        ids = sorted(result["ids"] | paced["ids"])
        with sqlite3.connect(Path(data_dir) / "jaring.sqlite3") as db:
            found = count_present(db, "channels_inboundmessage", "wamid", ids)
            stored = db.execute("SELECT COUNT(*) FROM channels_inboundmessage").fetchone()[0]
            tasks = db.execute("SELECT COUNT(*) FROM django_tasks_database_dbtaskresult").fetchone()[0]
    print(
        f"{args.clients} clients, {args.seconds:.0f} s, gunicorn {args.workers} {args.worker_class} workers x {args.threads} threads"
    )
    for name, r in (
        (f"as fast as answered ({args.clients} clients)", result),
        (f"offered {args.rate:.0f}/s", paced),
    ):
        print(
            f"signed webhooks, {name}: {r['rate']:.1f}/s accepted  p50 {r['p50']:.1f} ms  p99 {r['p99']:.1f} ms  "
            f"200s {r['ok']}  errors {len(r['errors'])}"
        )
    print(
        f"server CPU {server_cpu_ms:.1f} ms a webhook "
        f"(= {os.cpu_count() * 1000 / max(server_cpu_ms, 0.01):.0f}/s if every core were free)"
    )
    print(f"same server, GET /robots.txt (no database): {floor:.1f}/s")
    print(
        f"same server, POST /bench/insert (bare view inserting one row, the SQLite ceiling): {ceiling:.1f}/s"
    )
    for error in (result["errors"] + paced["errors"])[:3]:
        print("   ", error)
    lost = len(ids) - found
    print(f"distinct message ids acknowledged {len(ids)}, stored {found}, lost {lost}; "
          f"all stored messages {stored} (incl. warm-up), queued tasks {tasks} (one per stored message)")  # fmt: skip
    sustained = result["rate"] >= 200 and paced["rate"] >= 0.98 * args.rate >= 196
    budget = sustained and paced["p99"] <= 100 and lost == 0 and stored == tasks
    print(
        "budget (>= 200 webhooks/s sustained, p99 <= 100 ms at 200/s offered, 0 lost, 1 task each):",
        "met" if budget else "NOT met",
    )


if __name__ == "__main__":
    main()
