"""Incremental linking in the application at scale: `record_link` latency with N records already linked.

Run by bench_network.py with JARING_DATA_DIR pointing at a scratch directory (a fresh SQLite database):
    JARING_DATA_DIR=/tmp/x .venv/bin/python benchmarks/bench_network_db.py 1000000
Seeds N linked records in set-based SQL (N/2 clusters of two records sharing an account, each record with
its own phone), then links new records that join one cluster, merge two, start a new one, or join one through
a number spelled out to dodge filters, timing each call.

Seeding 10,000,000 records: on SQLite the load runs without a rollback journal or fsync (a scratch
database), with the four tables' indexes dropped and rebuilt afterwards (one sort each instead of ten
million B-tree inserts), then ANALYZE; the timed calls run with the application's own settings.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jaring.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from jaring.accounts.models import Office  # noqa: E402
from jaring.network.models import Cluster, Identifier, LinkedRecord, Occurrence  # noqa: E402
from jaring.network.services import record_link  # noqa: E402


def seed(n: int, office: Office) -> None:
    clusters = n // 2
    now = timezone.now().isoformat()
    c, i, r, o = (m._meta.db_table for m in (Cluster, Identifier, LinkedRecord, Occurrence))
    series = "WITH RECURSIVE s(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM s WHERE k < %s) "
    statements = [
        (f"{series} INSERT INTO {c} (id, office_id, record_count, serious_count, confirmed_count, risk, first_seen, "  # noqa: S608 - table names from the models, values are parameters
         f"last_seen, updated_at) SELECT k, %s, 2, 0, 0, 2, %s, %s, %s FROM s", [clusters, office.pk, now, now, now]),
        (f"{series} INSERT INTO {r} (id, record_type, record_id, office_id, cluster_id, category, label, seen_at) "  # noqa: S608 - table names from the models, values are parameters
         f"SELECT k, 'seed', k, %s, (k + 1) / 2, 'perekrut', '', %s FROM s", [n, office.pk, now]),
        (f"{series} INSERT INTO {i} (id, kind, normalized, cluster_id, record_count, stopped, created_at) "  # noqa: S608 - table names from the models, values are parameters
         f"SELECT k, 'phone', '+62812' || substr('0000000' || k, -7, 7), (k + 1) / 2, 1, 0, %s FROM s", [n, now]),
        (f"{series} INSERT INTO {i} (id, kind, normalized, cluster_id, record_count, stopped, created_at) "  # noqa: S608 - table names from the models, values are parameters
         f"SELECT %s + k, 'account', 'bca:' || substr('0000000000' || k, -10, 10), k, 2, 0, %s FROM s",
         [clusters, n, now]),
        (f"{series} INSERT INTO {o} (identifier_id, record_id, source, start, \"end\", raw) "  # noqa: S608 - table names from the models, values are parameters
         f"SELECT k, k, 'text', 0, 13, 'x' FROM s", [n]),
        (f"{series} INSERT INTO {o} (identifier_id, record_id, source, start, \"end\", raw) "  # noqa: S608 - table names from the models, values are parameters
         f"SELECT %s + (k + 1) / 2, k, 'text', 0, 13, 'x' FROM s", [n, n]),
    ]  # fmt: skip
    tables = (c, i, r, o)
    with connection.cursor() as cursor:
        indexes: list[str] = []
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA journal_mode")
            journal = cursor.fetchone()[0]
            cursor.execute("PRAGMA journal_mode=OFF")
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-1000000")  # 1 GB of page cache for the index builds
            marks = ",".join("%s" for _ in tables)
            cursor.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})",  # noqa: S608 - placeholders only
                tables,
            )
            for name, sql in cursor.fetchall():
                indexes.append(sql)
                cursor.execute(f'DROP INDEX "{name}"')
        for sql, params in statements:
            started = time.perf_counter()
            cursor.execute(sql, params)
            print(
                f"  {sql.split(' INSERT INTO ')[1].split(' ')[0]}: {time.perf_counter() - started:.1f} s",
                flush=True,
            )
        started = time.perf_counter()
        for sql in indexes:
            cursor.execute(sql)
        if indexes:
            print(f"  {len(indexes)} indexes rebuilt: {time.perf_counter() - started:.1f} s", flush=True)
        cursor.execute("ANALYZE")
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA journal_mode={journal}")
            cursor.execute("PRAGMA synchronous=NORMAL")


def main() -> None:
    n = int(sys.argv[1])
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    office = Office.objects.create(slug="bench", name="Bench", short_name="Bench", region_code="21.71")
    started, cpu = time.perf_counter(), time.process_time()
    seed(n, office)
    print(f"seeded {LinkedRecord.objects.count()} linked records, {Identifier.objects.count()} identifiers, "
          f"{Occurrence.objects.count()} occurrences in {time.perf_counter() - started:.1f} s "
          f"({time.process_time() - cpu:.1f} CPU s); load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    rng = random.Random(3)
    kinds = ("join", "merge", "new", "evasive")
    timings: dict[str, list[float]] = {kind: [] for kind in kinds}
    cpu_ms: dict[str, list[float]] = {kind: [] for kind in kinds}
    words = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
    for k in range(400):
        kind = kinds[k % 4]
        a, b = rng.randint(1, n), rng.randint(1, n // 2)
        if kind == "evasive":  # joins a cluster through a number spelled out (lib.identifier_readings)
            text = (
                f"Perekrut WA {' '.join(words[int(d)] for d in f'0812{a:07d}')} menawarkan kerja di Kamboja."
            )
        elif kind == "join":
            text = f"Perekrut WA 0812{a:07d} menawarkan kerja di Kamboja."
        elif kind == "merge":
            text = f"Perekrut WA 0812{a:07d}, DP ke BCA {b:010d}."
        else:
            text = f"Perekrut baru WA 0813{k:07d}, rekening BNI {k:010d}."
        started, cpu = time.perf_counter(), time.process_time()
        record_link(record_type="bench", record_id=k, text=text, office=office, category="perekrut")
        timings[kind].append((time.perf_counter() - started) * 1000)
        cpu_ms[kind].append((time.process_time() - cpu) * 1000)
    for kind, values in timings.items():
        ordered = sorted(values)
        print(f"record_link at {n} records ({kind}): p50 {statistics.median(values):.1f} ms, "
              f"p95 {ordered[int(0.95 * len(ordered))]:.1f} ms, max {ordered[-1]:.1f} ms, "
              f"CPU p50 {statistics.median(cpu_ms[kind]):.1f} ms; load average {os.getloadavg()[0]:.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
