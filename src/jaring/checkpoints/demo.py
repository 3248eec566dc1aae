"""The office's TPIs and sample screenings for `jaring demo`.

The checkpoints are real: the three Batam ferry terminals where the office counts postponements (FACTS.md,
"Checkpoint screening"; kepri.antaranews.com). The screenings are invented, marked `is_sample`, with names
starting "CONTOH" and passports of the X000.... shape. The demo recruiter phone 0812-0000-1111 is the one of
the sample report, so the demo network shows a pier and a report in one cluster. Idempotent.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from jaring.accounts.models import Agency, Office, User
from jaring.checkpoints.models import Assignment, Checkpoint, Outcome, Screening
from jaring.checkpoints.services import screening_decide, screening_record

# (slug, name, kind, Kemendagri kecamatan code of the terminal)
CHECKPOINTS = [
    ("batam-center", "TPI Pelabuhan Batam Center", Checkpoint.Kind.SEAPORT, "21.71.10"),  # Batam Kota
    ("harbour-bay", "TPI Pelabuhan Harbour Bay", Checkpoint.Kind.SEAPORT, "21.71.02"),  # Batu Ampar
    ("sekupang", "TPI Pelabuhan Sekupang", Checkpoint.Kind.SEAPORT, "21.71.03"),  # Sekupang
]
ORIGINS = ["33.01", "33.29", "35.07", "52.01", "53.10", "12.12", "18.01", "21.71", "32.03", "73.71"]
SPONSOR_PHONE = "0812-0000-1111"


@transaction.atomic
def seed_checkpoints(office: Office) -> list[Checkpoint]:
    out = []
    for slug, name, kind, region in CHECKPOINTS:
        cp, _created = Checkpoint.objects.get_or_create(
            slug=slug, defaults={"office": office, "name": name, "kind": kind, "region_code": region}
        )
        out.append(cp)
    for username, slugs in (
        ("petugas", ["batam-center", "harbour-bay"]),
        ("supervisor", [c[0] for c in CHECKPOINTS]),
    ):
        user = User.objects.filter(username=username).first()
        if user is not None:
            for cp in out:
                if cp.slug in slugs:
                    Assignment.objects.get_or_create(checkpoint=cp, user=user)
    return out


def _data(rng: random.Random, n: int, at, outcome: str) -> dict:  # type: ignore[no-untyped-def]
    worker = outcome != Outcome.DIIZINKAN
    answers = {"tujuan": "bekerja" if worker and rng.random() < 0.5 else rng.choice(["wisata", "keluarga"])}
    answers["tiket_kembali"] = "no" if worker else "yes"
    if worker:
        answers["dibayar_orang_lain"] = rng.choice(["yes", "no"])
    parties = []
    if worker and rng.random() < 0.4:
        parties.append({"role": "sponsor", "kind": "phone", "value": SPONSOR_PHONE})
    return {
        "screened_at": at,
        "traveller_name": f"CONTOH Pelaku Perjalanan {n}",
        "passport_number": f"X{n:07d}",
        "sex": rng.choice(["L", "P"]),
        "birth_year": rng.randint(1975, 2006),
        "origin_region_code": rng.choice(ORIGINS),
        "destination": rng.choice(["MY", "MY", "SG", "KH", "TH"]) if worker else rng.choice(["SG", "MY"]),
        "purpose": answers["tujuan"],
        "ticket": "sekali_jalan" if worker else "pp",
        "paid_by": rng.choice(["sponsor", "tidak_tahu"]) if worker else "sendiri",
        "answers": answers,
        "parties": parties,
        "notes": "Data contoh (sample).",
    }


def seed(*, office: Office) -> None:
    checkpoints = seed_checkpoints(office)
    if Screening.objects.filter(is_sample=True).exists():
        return
    supervisor = User.objects.filter(username="supervisor").first()
    bp3mi = Agency.objects.filter(slug="bp3mi-kepri").first()
    if supervisor is None:
        return
    rng = random.Random(15)
    now = timezone.now()
    n = 0
    for day in (3, 2, 1):
        for cp in checkpoints:
            for i in range(6):
                n += 1
                at = now - timedelta(days=day, hours=rng.randint(0, 9), minutes=i * 7)
                outcome = rng.choice([Outcome.DIIZINKAN, Outcome.DIIZINKAN, Outcome.DITUNDA, Outcome.DITUNDA])
                if n in (7, 8, 26, 50):
                    outcome = Outcome.DITUNDA
                # 50: passport X0000007, postponed at Harbour Bay two days before, seen at Sekupang: a repeat
                data = _data(rng, 7 if n == 50 else n, at, outcome)
                screening = screening_record(checkpoint=cp, actor=supervisor, data=data, is_sample=True)
                reasons = ["tiket_sekali_jalan", "tujuan_tidak_jelas"] if outcome == Outcome.DITUNDA else []
                screening_decide(screening=screening, outcome=outcome, actor=supervisor, reasons=reasons)
                if n in (8, 26) and bp3mi is not None:
                    screening_decide(
                        screening=screening, outcome=Outcome.DIRUJUK, actor=supervisor, consent=True,
                        agency_slug=bp3mi.slug,
                    )  # fmt: skip
