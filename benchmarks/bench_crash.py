"""Crash drill: 32 clients send reports to two web processes and a task worker; mid-run web process A and the
worker are killed with SIGKILL and restarted. Shows: 0 acknowledged reports lost, every report's network
linking task done exactly once, and an Idempotency-Key retry after the crash creates no duplicate.

    .venv/bin/python benchmarks/bench_crash.py [--seconds 30] [--clients 32] [--database-url postgres://...]

Without --database-url: SQLite in a temporary data dir. Prints the figures and the machine facts.
"""

import argparse
import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from cryptography.fernet import Fernet

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BIN, ROOT, free_port, machine, wait_until_up  # noqa: E402

RUNNING = """
from django_tasks_db.models import DBTaskResult
print(DBTaskResult.objects.filter(status="RUNNING").count(), DBTaskResult.objects.filter(status="READY").count())
"""
CHECK = """
import json
from django_tasks_db.models import DBTaskResult
from jaring.network.models import LinkedRecord
from jaring.reports.models import Report
codes = json.load(open({codes!r}))
reports = dict(Report.objects.filter(tracking_code__in=codes).values_list("tracking_code", "pk"))
records = list(LinkedRecord.objects.filter(record_type="report").values_list("record_id", flat=True))
tasks = list(DBTaskResult.objects.filter(task_path__endswith="link_report").values_list("args_kwargs", "status"))
descriptions = list(Report.objects.values_list("description", flat=True))
print(json.dumps({{"found": len(reports), "report_ids": list(reports.values()), "records": records,
    "tasks": tasks, "descriptions": descriptions}}))
"""


class Host:
    def __init__(self, name: str, env: dict[str, str]) -> None:
        self.name, self.env, self.port = name, env, free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [str(BIN / "gunicorn"), "jaring.wsgi", "-w", "1", "-k", "gthread", "--threads", "4",
                   "-b", f"127.0.0.1:{self.port}", "--log-level", "warning"]  # fmt: skip
        self.process = subprocess.Popen(command, env=self.env, cwd=ROOT, start_new_session=True)  # noqa: S603
        wait_until_up(self.port, self.process, seconds=60)

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


def post_report(port: int, body: bytes, key: str) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"Content-Type": "application/json", "Idempotency-Key": key}
        conn.request("POST", "/api/v1/reports", body=body, headers=headers)
        response = conn.getresponse()
        return response.status, json.loads(response.read() or b"{}")
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="jaring-crash-")
    env = {
        **os.environ, "JARING_DATA_DIR": data_dir, "JARING_RATE_LIMITS": "0", "JARING_LOG_LEVEL": "ERROR",
        "JARING_SECRET_KEY": uuid.uuid4().hex * 2, "JARING_FIELD_KEYS": Fernet.generate_key().decode(),
    }  # fmt: skip
    if args.database_url:
        env["JARING_DATABASE_URL"] = args.database_url
    jaring = [str(BIN / "jaring")]
    subprocess.run([*jaring, "migrate", "-v", "0"], env=env, check=True)  # noqa: S603
    seed = "from jaring.accounts.models import Office; from jaring.accounts.demo import BATAM; " \
        "Office.objects.get_or_create(slug='batam', defaults=BATAM)"  # fmt: skip
    subprocess.run([*jaring, "shell", "-c", seed], env=env, check=True)  # noqa: S603
    a, b = Host("A", env), Host("B", env)
    a.start()
    b.start()

    acknowledged: dict[str, tuple[bytes, str, str]] = {}  # tracking code -> (body, key, first answer's host)
    lock = threading.Lock()
    stats = {"sent": 0, "errors": 0, "retried": 0, "retry_same_receipt": 0, "retry_other": 0}
    stop_at = time.monotonic() + args.seconds

    def client(index: int) -> None:
        n = 0
        while time.monotonic() < stop_at:
            n += 1
            body = json.dumps({"category": "perekrut", "identity_mode": "anonim",
                               "description": f"crash-{index}-{n} agen kapal menawarkan kerja +62812{index:04d}{n:04d}"}).encode()  # fmt: skip
            key = uuid.uuid4().hex
            hosts = [a, b] if (index + n) % 2 else [b, a]
            for attempt, host in enumerate(hosts * 3):
                try:
                    status, answer = post_report(host.port, body, key)
                except OSError:
                    with lock:
                        stats["errors"] += 1
                    time.sleep(0.2)
                    continue
                if attempt:
                    with lock:
                        stats["retried"] += 1
                if status == 201:
                    with lock:
                        stats["sent"] += 1
                        acknowledged[answer["tracking_code"]] = (body, key, host.name)
                break

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    # The worker starts late so that it works through a backlog when it is killed: the kill then most likely
    # lands inside a task, which stays RUNNING until the restarted worker takes it back.
    time.sleep(args.seconds / 6)
    worker = subprocess.Popen([*jaring, "worker", "-v", "0"], env=env, start_new_session=True)  # noqa: S603
    time.sleep(args.seconds / 3)  # the worker's start-up takes seconds on a loaded machine
    a.kill()
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait()
    killed_at = time.monotonic() - started
    running_at_kill = subprocess.run(  # noqa: S603
        [*jaring, "shell", "-c", RUNNING], env=env, capture_output=True, text=True, check=True
    ).stdout.split()[-2:]
    time.sleep(2)
    a.start()
    worker_log = Path(data_dir) / "worker-after-crash.log"
    worker = subprocess.Popen(  # noqa: S603
        [*jaring, "worker", "-v", "0"], env=env, start_new_session=True, stdout=worker_log.open("w")
    )
    restarted_at = time.monotonic() - started
    for thread in threads:
        thread.join()

    # An Idempotency-Key retry after the crash: the same body and key again, on either host.
    sample = random.Random(17).sample(sorted(acknowledged), min(100, len(acknowledged)))
    for code in sample:
        body, key, _host = acknowledged[code]
        status, answer = post_report(random.choice([a, b]).port, body, key)  # noqa: S311
        same = status in (200, 201, 409) and answer.get("tracking_code", code) == code
        stats["retry_same_receipt" if same else "retry_other"] += 1

    codes_file = Path(data_dir) / "codes.json"
    codes_file.write_text(json.dumps(sorted(acknowledged)))
    deadline = time.monotonic() + 300
    while True:  # the restarted worker drains the queue, the abandoned task included
        out = subprocess.run([*jaring, "shell", "-c", CHECK.format(codes=str(codes_file))], env=env,  # noqa: S603
                             capture_output=True, text=True, check=True).stdout  # fmt: skip
        result = json.loads(out.strip().splitlines()[-1])
        pending = [t for t in result["tasks"] if t[1] in ("READY", "RUNNING")]
        if not pending or time.monotonic() > deadline:
            break
        time.sleep(2)
    for process in (a.process, b.process, worker):
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)

    ids = [str(i) for i in result["report_ids"]]
    per_report = {i: result["records"].count(i) for i in ids}
    task_ids = [
        json.loads(t[0])["args"][0] if isinstance(t[0], str) else t[0]["args"][0] for t in result["tasks"]
    ]
    statuses = [t[1] for t in result["tasks"]]
    descriptions = result["descriptions"]
    print(f"machine: {machine()}")
    print(f"engine: {'PostgreSQL' if args.database_url else 'SQLite'}; {args.clients} clients, {args.seconds:.0f} s; "
          f"kill -9 of web A and the worker at {killed_at:.1f} s, restarted at {restarted_at:.1f} s")  # fmt: skip
    print(f"acknowledged: {len(acknowledged)}; found in the database: {result['found']}; "
          f"lost: {len(acknowledged) - result['found']}")  # fmt: skip
    print(
        f"connection errors seen by clients: {stats['errors']}; requests answered on a retry: {stats['retried']}"
    )
    print(f"linking: reports with exactly one linked record: {sum(1 for v in per_report.values() if v == 1)}"
          f"/{len(ids)}; link tasks {len(task_ids)} for {len(set(task_ids))} reports; "
          f"statuses {sorted(set(statuses))}")  # fmt: skip
    recovered = re.findall(r"(\d+) tasks left by a stopped worker", worker_log.read_text())
    print(f"tasks right after the kill: {running_at_kill[0]} RUNNING, {running_at_kill[1]} waiting; "
          f"taken back by the restarted worker: "
          f"{recovered[0] if recovered else 0}")  # fmt: skip
    print(f"Idempotency-Key retries after the crash: {stats['retry_same_receipt']} same receipt, "
          f"{stats['retry_other']} other; duplicate descriptions stored: {len(descriptions) - len(set(descriptions))}")  # fmt: skip
    ok = (
        result["found"] == len(acknowledged)
        and all(v == 1 for v in per_report.values())
        and set(statuses) <= {"SUCCESSFUL"}
        and stats["retry_other"] == 0
        and len(descriptions) == len(set(descriptions))
    )
    print("RESULT:", "OK" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
