"""Recording a TPI screening with a large table: p50/p95 of `screening_record` and of the staff API call.

    .venv/bin/python benchmarks/bench_checkpoints.py [--rows 1000000] [--samples 300]
    JARING_DATABASE_URL=postgres://... .venv/bin/python benchmarks/bench_checkpoints.py   # on PostgreSQL

Uses a temporary JARING_DATA_DIR (its own SQLite file, WAL) unless JARING_DATABASE_URL is set (then that
database must be empty: the script migrates it). `--rows` screenings are written in bulk with raw INSERTs (one
Fernet token reused for the encrypted columns, random digests, outcomes and times over a year across the three
Batam TPIs; a fifth postponed). Then `--samples` screenings are recorded through the service, as the counter
form does (validation, repeat lookup on the passport and person digests, insert, parties, audit row, the
linking task queued in the database backend), every tenth with a passport postponed earlier at another TPI
(a repeat alert), and `--samples` more through `POST /api/v1/staff/checkpoints/screenings` with Django's test
client (middleware, token auth, schema; no socket). Budget (DESIGN.md): p95 <= 150 ms with 1,000,000 records.
"""

import argparse
import os
import random
import secrets
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import machine

BATCH = 20_000


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] * 1000


def bulk_rows(rows: int, checkpoint_ids: list[int], officer_id: int) -> list[str]:
    """Inserts `rows` screenings; returns some postponed passports' digests' sources for repeat samples."""
    from django.db import connection, transaction

    from jaring.checkpoints.services import _digest, person_digest
    from jaring.lib.crypto import encrypt_text

    rng = random.Random(15)
    name, passport, phone = encrypt_text("CONTOH NAMA"), encrypt_text("X0000000"), encrypt_text("")
    now = datetime.now(UTC)
    columns = (
        "checkpoint_id, officer_id, screened_at, submission_token, traveller_name, passport_number, "
        "traveller_phone, passport_digest, person_digest, sex, birth_year, origin_region_code, "
        "identity_erased_at, destination, purpose, ticket, paid_by, answers, self_answers, flags, outcome, "
        "reasons, notes, decided_at, repeat_of_id, report_id, handover_consent, is_sample, created_at"
    )
    sql = f"INSERT INTO checkpoints_screening ({columns}) VALUES ({', '.join(['%s'] * 29)})"  # noqa: S608
    postponed: list[str] = []
    outcomes = ["diizinkan"] * 7 + ["ditunda"] * 2 + ["dirujuk"]
    done = 0
    while done < rows:
        batch = []
        for i in range(done, min(rows, done + BATCH)):
            number = f"B{i:07d}"
            outcome = rng.choice(outcomes)
            if outcome == "ditunda" and len(postponed) < 1_000:
                postponed.append(number)
            at = now - timedelta(minutes=rng.randint(60, 365 * 24 * 60))
            batch.append((
                rng.choice(checkpoint_ids), officer_id, at, None, name, passport, phone,
                _digest("passport", number), person_digest(f"CONTOH {i}", 1990), rng.choice("LP"),
                rng.randint(1970, 2006), "33.01", None, rng.choice(["MY", "SG", "KH", "TH"]), "wisata",
                "sekali_jalan", "sponsor", "{}", "{}", "[]", outcome,
                '["tiket_sekali_jalan"]' if outcome == "ditunda" else "[]", "", at, None, None, False, True, at,
            ))  # fmt: skip
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, batch)
        done += len(batch)
        print(f"  {done:,} rows", end="\r", flush=True)
    print()
    return postponed


def postponed_of_earlier_run(rows: int) -> list[str]:
    """Passports of bulk rows that were postponed (their numbers follow the bulk row's index)."""
    from jaring.checkpoints.models import Screening
    from jaring.checkpoints.services import _digest

    rng = random.Random(17)
    found: list[str] = []
    while len(found) < 200:
        number = f"B{rng.randrange(rows):07d}"
        if Screening.objects.filter(passport_digest=_digest("passport", number), outcome="ditunda").exists():
            found.append(number)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--data-dir", help="reuse the SQLite data dir of an earlier run (its rows are kept)")
    args = parser.parse_args()
    if not os.environ.get("JARING_DATABASE_URL"):
        os.environ["JARING_DATA_DIR"] = args.data_dir or tempfile.mkdtemp(prefix="jaring-bench-checkpoints-")
    print(f"data dir: {os.environ.get('JARING_DATA_DIR')}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jaring.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from jaring.accounts import demo
    from jaring.accounts.models import User
    from jaring.accounts.services import api_token_create
    from jaring.checkpoints.demo import seed_checkpoints
    from jaring.checkpoints.models import Screening
    from jaring.checkpoints.services import screening_record

    print(machine())
    print(f"database: {connection.vendor}")
    call_command("migrate", interactive=False, verbosity=0)
    office, _users = demo.seed(password=secrets.token_urlsafe(12))
    checkpoints = seed_checkpoints(office)
    supervisor = User.objects.get(username="supervisor")
    started = time.perf_counter()
    existing = Screening.objects.filter(is_sample=True).count()
    if existing >= args.rows:
        postponed = postponed_of_earlier_run(existing)
    else:
        postponed = bulk_rows(args.rows, [c.pk for c in checkpoints], supervisor.pk)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE checkpoints_screening")
    print(f"bulk insert: {args.rows:,} rows in {time.perf_counter() - started:.0f} s")
    rng = random.Random(16)
    offset = secrets.randbelow(10**8)  # new passports on every run, also when a data dir is reused

    def data(i: int) -> dict:
        repeat = i % 10 == 0 and postponed
        return {
            "traveller_name": f"Pelaku Uji {i}",
            "passport_number": rng.choice(postponed) if repeat else f"Z{(offset + i) % 10**8:08d}",
            "sex": "P",
            "birth_year": 1999,
            "origin_region_code": "33.01",
            "destination": "MY",
            "purpose": "bekerja",
            "ticket": "sekali_jalan",
            "paid_by": "sponsor",
            "answers": {"tiket_kembali": "no", "dibayar_orang_lain": "yes"},
            "parties": [{"role": "sponsor", "kind": "phone", "value": f"0812{i:08d}"}],
        }

    service: list[float] = []
    repeats = 0
    for i in range(args.samples):
        t0 = time.perf_counter()
        s = screening_record(checkpoint=checkpoints[i % 3], actor=supervisor, data=data(i))
        service.append(time.perf_counter() - t0)
        repeats += s.repeat_of_id is not None
    _token, plain = api_token_create(user=supervisor, name="bench")
    client = Client()
    api: list[float] = []
    for i in range(args.samples, 2 * args.samples):
        body = {**data(i), "checkpoint": checkpoints[i % 3].slug}
        t0 = time.perf_counter()
        response = client.post(
            "/api/v1/staff/checkpoints/screenings",
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {plain}",
            HTTP_IDEMPOTENCY_KEY=f"bench-{i}",
        )
        api.append(time.perf_counter() - t0)
        assert response.status_code == 201, response.content[:300]
    total = Screening.objects.count()
    print(f"table: {total:,} screenings; repeat alerts raised in the service samples: {repeats}")
    for label, values in (("service screening_record", service), ("API POST (test client)", api)):
        print(
            f"{label}: n={len(values)} p50 {statistics.median(values) * 1000:.1f} ms, "
            f"p95 {pct(values, 0.95):.1f} ms, max {max(values) * 1000:.1f} ms"
        )
    print("budget: p95 <= 150 ms with 1,000,000 records")


if __name__ == "__main__":
    main()
