"""Sample outreach data for `jaring demo`: a Desa Binaan programme in Kota Batam with Pulau Abang among its
villages, past events with attendance and quiz answers, and upcoming events. Marked as sample data (is_sample).
Idempotent: when the sample programme exists nothing is added.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from jaring.accounts.models import Agency, Office, User
from jaring.outreach import quiz
from jaring.outreach.models import AGE_FIELDS, Phase, Programme
from jaring.outreach.services import (
    EventInput,
    VillageTarget,
    event_attendance_set,
    event_create,
    programme_create,
    quiz_submit,
)
from jaring.outreach.validation import office_zone

NAME = "Desa Binaan Kota Batam"
# Coordinates are approximate and only place the sample points on the coverage map.
VILLAGES = [
    ("21.71.08.1007", "petugas", "", "0.5650", "104.2400"),  # Pulau Abang, Galang
    ("21.71.08.1002", None, "Pimpasa contoh Karas", "0.7600", "104.3900"),  # Karas, Galang
    ("21.71.01.1002", None, "Pimpasa contoh Pemping", "1.1200", "103.8900"),  # Pemping, Belakang Padang
    ("21.71.05.1002", None, "Pimpasa contoh Pulau Buluh", "1.0500", "103.9700"),  # Pulau Buluh, Bulang
    ("21.71.04.1004", None, "Pimpasa contoh Ngenang", "1.1300", "104.1900"),  # Ngenang, Nongsa
]
# (days from today, hour, title, kind, village, venue, topics, audiences, attendance (m, f), quiz answers (pre, post))
EVENTS = [
    (
        -40,
        9,
        "Penyuluhan bahaya TPPO di Pulau Abang",
        "penyuluhan",
        "21.71.08.1007",
        "Balai Kelurahan Pulau Abang",
        ["tppo", "pmi_prosedural"],
        ["nelayan", "ibu_rumah_tangga", "pencari_kerja"],
        (22, 19),
        (18, 16),
    ),
    (
        -25,
        13,
        "Sosialisasi PMI prosedural untuk pelajar SMA",
        "sosialisasi",
        "21.71.01.1002",
        "Aula sekolah",
        ["pmi_prosedural", "kanal_pengaduan"],
        ["pelajar"],
        (31, 35),
        (30, 28),
    ),
    (
        -12,
        10,
        "Jemput bola layanan M-Paspor di Pulau Buluh",
        "jemput_bola",
        "21.71.05.1002",
        "Kantor Kelurahan",
        ["m_paspor", "tppo"],
        ["umum"],
        (14, 11),
        (9, 8),
    ),
    (
        12,
        9,
        "Sosialisasi APOA untuk pengelola penginapan",
        "sosialisasi",
        "21.71.04.1004",
        "Balai warga",
        ["apoa", "izin_tinggal"],
        ["pengelola_penginapan"],
        None,
        None,
    ),
    (
        30,
        9,
        "Penyuluhan TPPO dan kanal pengaduan di Karas",
        "penyuluhan",
        "21.71.08.1002",
        "Balai Kelurahan Karas",
        ["tppo", "kanal_pengaduan"],
        ["nelayan", "perangkat_desa"],
        None,
        None,
    ),
]


def _answers(questions: list[quiz.Question], rng: random.Random, accuracy: float) -> dict[str, str]:
    answers = {}
    for q in questions:
        wrong = [o.key for o in q.options if not o.correct]
        answers[q.id] = q.correct_key if rng.random() < accuracy else rng.choice(wrong)
    return answers


def _ages(total: int, rng: random.Random) -> dict[str, int]:
    weights = [1, 3, 4, 3, 1]
    counts = [total * w // sum(weights) for w in weights]
    counts[2] += total - sum(counts)
    return dict(zip(AGE_FIELDS, counts, strict=True))


@transaction.atomic
def seed(*, office: Office) -> None:
    if Programme.objects.filter(office=office, name=NAME, is_sample=True).exists():
        return
    rng = random.Random(2026)
    today = timezone.localdate()
    officers = {u.username: u for u in User.objects.filter(office=office)}
    agencies = list(Agency.objects.filter(offices=office).values_list("pk", flat=True))
    programme = programme_create(
        actor=None,
        office=office,
        name=NAME,
        starts_on=today - timedelta(days=180),
        ends_on=today + timedelta(days=180),
        goals="Data contoh: setiap desa sasaran dikunjungi minimal sekali, warga mengenal jalur resmi bekerja ke "
        "luar negeri dan kanal pengaduan.",
        agency_ids=agencies,
        is_sample=True,
        villages=[
            VillageTarget(code, officers.get(user or ""), name, Decimal(lat), Decimal(lng))
            for code, user, name, lat, lng in VILLAGES
        ],
    )
    zone = office_zone(office)
    for days, hour, title, kind, village, venue, topics, audiences, attendance, answers in EVENTS:
        start = datetime.combine(today + timedelta(days=days), time(hour), tzinfo=zone)
        event = event_create(
            actor=None,
            office=office,
            is_sample=True,
            data=EventInput(
                title=title,
                kind=kind,
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                region_code=village,
                venue=venue,
                programme_id=programme.pk,
                topics=topics,
                audiences=audiences,
                agency_ids=agencies[:1],
                materials="Leaflet jalur resmi PMI, poster kode kegiatan",
            ),
        )
        if attendance:
            male, female = attendance
            event_attendance_set(
                actor=None,
                event=event,
                total=male + female,
                male=male,
                female=female,
                ages=_ages(male + female, rng),
            )
        if answers:
            questions = quiz.questions_of(event.quiz_questions)
            for phase, count, accuracy in ((Phase.PRE, answers[0], 0.45), (Phase.POST, answers[1], 0.8)):
                for i in range(count):
                    quiz_submit(
                        event=event,
                        phase=phase,
                        device_token=f"demo-device-{event.code}-{i:04d}",
                        answers=_answers(questions, rng, accuracy),
                    )
