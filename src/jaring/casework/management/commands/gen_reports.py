"""`jaring gen_reports --count N --seed S`: realistic synthetic reports for benchmarks, inserted in bulk.

Descriptions are assembled from phrases seen in Batam cases (FACTS.md: Cambodia scam hubs, boat crossings,
fees, passport retention); their stems are precomputed per phrase so a million reports take minutes.
Reporter identity is left empty (anonymous): synthetic data never needs real-looking personal data.
Rows go in with executemany in transactions of BATCH rows; on SQLite the command switches the connection to
`PRAGMA synchronous=OFF` with a large page cache (a crash may corrupt the file: benchmark databases only).
"""

import itertools
import json
import random
import time
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone

from jaring.accounts.models import Office
from jaring.accounts.selectors import staff_users_of_office
from jaring.lib.text import search_terms
from jaring.reports.deadlines import deadlines_for
from jaring.reports.statuses import OPEN_STATUSES, is_closed
from jaring.reports.urgency import detect

OPENERS = [
    "Saya ingin melaporkan",
    "Mohon ditindaklanjuti,",
    "Adik saya",
    "Tetangga saya di Batu Aji",
    "Teman saya dari Pulau Abang",
    "Ada orang di grup Facebook",
    "Seorang agen di Tanjung Uncang",
    "Suami saya",
]
MIDDLES = [
    "ditawari bekerja sebagai admin di Kamboja dengan gaji 20 juta per bulan",
    "diminta membayar biaya pendaftaran 5 juta ke rekening pribadi",
    "akan diberangkatkan lewat pelabuhan tikus ke Johor malam ini",
    "dijanjikan pekerjaan di pabrik Malaysia tanpa kontrak kerja",
    "paspornya ditahan oleh majikan dan tidak boleh pulang",
    "direkrut lewat TikTok untuk kerja online di Myanmar",
    "disuruh mengaku turis kepada petugas imigrasi di Batam Center",
    "berangkat gratis tetapi gaji dipotong selama enam bulan",
    "mendapat tawaran magang ke Jepang yang harus dibayar sendiri",
    "dipekerjakan di kapal ikan tanpa dokumen resmi",
    "melihat orang asing bekerja tanpa izin tinggal di Nongsa",
    "menanyakan cara membuat paspor lewat M-Paspor",
]
CLOSERS = [
    "Nomor perekrutnya 0812 7788 {n}.",
    "Akunnya bernama @lowongan_{n}.",
    "Perusahaannya PT Maju Sejahtera {n}.",
    "Kejadiannya minggu lalu.",
    "Tolong segera dibantu.",
    "Saya takut keluarga saya menjadi korban.",
]
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
CATEGORY_WEIGHTS = [8, 20, 30, 6, 6, 10, 10, 10]
CHANNELS = ["web", "whatsapp", "api", "petugas"]
CHANNEL_WEIGHTS = [55, 35, 5, 5]
PRIORITIES = ["rendah", "normal", "tinggi", "darurat"]
PRIORITY_WEIGHTS = [15, 60, 20, 5]
REGIONS = [
    "21.71.01",
    "21.71.02",
    "21.71.03",
    "21.71.04",
    "21.71.05",
    "21.71.06",
    "21.71.08",
    "21.71.08.1007",
]
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
BATCH = 50_000

COLUMNS = [
    "office_id", "tracking_code", "follow_up_key_hash", "channel", "category", "description", "region_code",
    "location_text", "heard_from", "identity_mode", "reporter_name", "reporter_contact",
    "share_identity_with_partners", "status", "priority", "verify_due", "follow_up_due", "closed_at",
    "close_reason", "search_text", "created_at", "updated_at", "assignee_id", "responded_on", "closed_on",
    "urgent", "urgency_reasons",
]  # fmt: skip


def _stemmed(phrases: list[str]) -> list[tuple[str, str]]:
    # "{n}" (a number filled in per report) is stemmed as the placeholder word "zqz" and replaced later.
    return [(p, search_terms(p.replace("{n}", "zqz"))) for p in phrases]


class Command(BaseCommand):
    help = "Insert N synthetic reports (bulk, fast) for benchmarks. Never run on a production database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--office", default="batam", help="office slug (default: batam)")
        parser.add_argument("--days", type=int, default=1095, help="spread over this many past days")

    def handle(self, *args: Any, count: int, seed: int, office: str, days: int, **options: Any) -> None:
        target = Office.objects.filter(slug=office).first()
        if target is None:
            raise CommandError(f"no office {office!r}: run `jaring demo` first")
        rng = random.Random(seed)
        openers, middles, closers = _stemmed(OPENERS), _stemmed(MIDDLES), _stemmed(CLOSERS)
        now = timezone.now()
        started = time.perf_counter()
        table = "reports_report"
        placeholders = ", ".join(["%s"] * len(COLUMNS))
        sql = f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({placeholders})"  # noqa: S608 - constants
        due_cache: dict = {}
        zone = ZoneInfo(target.time_zone or "Asia/Jakarta")
        # Urgency as intake would find it ("malam ini", "paspornya ditahan" are among the phrases); the phrases
        # hold no dates, so one answer per phrase combination.
        urgency_cache: dict = {}
        # Verified and closed reports have an officer, as in a working office; new ones mostly do not yet.
        officers = list(staff_users_of_office(target).values_list("pk", flat=True)) or [None]
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA synchronous=OFF")
                cursor.execute("PRAGMA cache_size=-262144")  # 256 MiB: index pages stay in memory
        channel_w, category_w, priority_w = (
            list(itertools.accumulate(w)) for w in (CHANNEL_WEIGHTS, CATEGORY_WEIGHTS, PRIORITY_WEIGHTS)
        )
        done = 0
        while done < count:
            rows = []
            for _ in range(min(BATCH, count - done)):
                i = done + len(rows)
                # Older reports are mostly closed; the last weeks hold the open queue.
                age = (count - i) / count * days
                created = now - timedelta(days=age, seconds=rng.randrange(86400))
                o, m, c = rng.choice(openers), rng.choice(middles), rng.choice(closers)
                m2 = rng.choice(middles)
                n = str(rng.randrange(1000, 9999))
                description = f"{o[0]} {m[0]}. Selain itu {m2[0]}. {c[0].format(n=n)}"
                search = f"{o[1]} {m[1]} selain itu {m2[1]} {c[1].replace('zqz', n)}"
                if age < 30:
                    status = rng.choice(OPEN_STATUSES)
                else:
                    status = "selesai" if rng.random() < 0.85 else "ditolak"
                day = created.date()
                combo = (o[0], m[0], m2[0], c[0])
                if combo not in urgency_cache:
                    reasons = detect(f"{o[0]} {m[0]}. Selain itu {m2[0]}. {c[0]}", today=day)
                    urgency_cache[combo] = (bool(reasons), json.dumps([r.as_dict() for r in reasons]))
                urgent, urgency_reasons = urgency_cache[combo]
                if (day, urgent) not in due_cache:
                    due_cache[day, urgent] = deadlines_for(target, day, urgent=urgent)
                verify_due, follow_up_due = due_cache[day, urgent]
                closed = is_closed(status)
                # Office-local days, as casework's report_transition keeps them: a first response within a
                # week for all but new reports, closing a week after receipt.
                local = created.astimezone(zone).date()
                responded_on = None if status == "baru" else local + timedelta(days=rng.randrange(7))
                closed_on = local + timedelta(days=7) if closed else None
                bits = rng.getrandbits(30)
                code = "".join(ALPHABET[(bits >> shift) & 31] for shift in (0, 5, 10, 15, 20, 25))
                rows.append(
                    (
                        target.pk, f"G{i:09d}{code}", "-", rng.choices(CHANNELS, cum_weights=channel_w)[0],
                        rng.choices(CATEGORIES, cum_weights=category_w)[0], description, rng.choice(REGIONS), "", "",
                        "anonim", "", "", False, status, rng.choices(PRIORITIES, cum_weights=priority_w)[0],
                        verify_due, follow_up_due, created + timedelta(days=7) if closed else None,
                        "Selesai ditangani" if status == "selesai" else ("spam" if closed else ""),
                        search, created, created,
                        None if status == "baru" and rng.random() < 0.8 else rng.choice(officers),
                        responded_on, closed_on, urgent, urgency_reasons,
                    )
                )  # fmt: skip
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(sql, rows)
            done += len(rows)
            if done % 100_000 == 0 or done == count:
                self.stdout.write(f"{done} reports, {time.perf_counter() - started:.0f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE reports_report")
        # SQLite is left without ANALYZE statistics on purpose: sqlite_stat1 only knows the average rows per
        # status (no skew), so it would trade the (office, status, id) index for a full scan on open reports.
        self.stdout.write(f"generated {count} reports in {time.perf_counter() - started:.1f} s")
