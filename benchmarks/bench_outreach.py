"""Outreach read paths at a province's scale: programme coverage, monthly summary and one event's quiz results.

    .venv/bin/python benchmarks/bench_outreach.py [--villages 71] [--events 600] [--answers 40] [--repeat 10]
    BENCH_PROFILE=1 .venv/bin/python benchmarks/bench_outreach.py --repeat 1   # cProfile of the coverage

Uses a temporary JARING_DATA_DIR (its own SQLite file) seeded through the ORM in bulk: one programme with
`--villages` target villages (Kepri's Desa Binaan targets 71), `--events` past events spread over a year and over
the villages, `--answers` anonymous quiz answers per event and phase, and one report per event naming its code.
Prints wall-clock medians; no budget in DESIGN.md, the aim is a page under about half a second.
"""

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from common import cpu_model  # noqa: E402


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--villages", type=int, default=71)
    parser.add_argument("--events", type=int, default=600)
    parser.add_argument("--answers", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    os.environ["JARING_DATA_DIR"] = tempfile.mkdtemp(prefix="jaring-bench-outreach-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jaring.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0)
    from jaring.accounts import demo as accounts_demo
    from jaring.lib import regions
    from jaring.outreach import quiz
    from jaring.outreach.models import Event, Programme, ProgrammeVillage, QuizResponse
    from jaring.outreach.selectors import monthly_summary, programme_coverage, quiz_results
    from jaring.outreach.validation import office_zone
    from jaring.reports.models import Report

    office, _users = accounts_demo.seed(password="bench-password-123")  # noqa: S106 - throwaway database
    villages = [r.code for k in regions.children("21.71") for r in regions.children(k.code)]
    villages += [r.code for k in regions.children("21.72") for r in regions.children(k.code)]
    office.region_code = "21"  # the province, so the targets may span Batam and Tanjung Pinang
    office.save()
    villages = villages[: args.villages]
    rng = random.Random(1)
    zone = office_zone(office)
    programme = Programme.objects.create(
        office=office, name="Bench", starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31)
    )
    ProgrammeVillage.objects.bulk_create(
        ProgrammeVillage(programme=programme, region_code=c) for c in villages
    )
    ids = quiz.pick_for_topics(["tppo", "pmi_prosedural"])
    events = Event.objects.bulk_create(
        Event(
            office=office,
            programme=programme,
            code=f"SOS-{i:04d}",
            title=f"Event {i}",
            kind="penyuluhan",
            starts_at=(start := datetime(2026, 1, 1, 9, tzinfo=zone) + timedelta(days=rng.randrange(360))),
            ends_at=start + timedelta(hours=2),
            region_code=rng.choice(villages),
            topics=["tppo", "pmi_prosedural"],
            quiz_questions=ids,
            attendance_total=30,
            male=15,
            female=15,
            age_26_40=30,
        )
        for i in range(args.events)
    )
    answers = []
    for event in events:
        for phase, accuracy in (("pre", 0.45), ("post", 0.8)):
            for j in range(args.answers):
                record = {q: {"choice": "a", "correct": rng.random() < accuracy} for q in ids}
                score = sum(r["correct"] for r in record.values())
                answers.append(
                    QuizResponse(
                        event=event,
                        phase=phase,
                        device_hash=f"{event.pk}-{phase}-{j}",
                        score=score,
                        total=len(ids),
                        answers=record,
                    )
                )
    QuizResponse.objects.bulk_create(answers, batch_size=5000)
    Report.objects.bulk_create(
        Report(
            office=office,
            tracking_code=f"B{i:07d}",
            follow_up_key_hash="x",
            category="tppo",
            description="bench",
            heard_from=e.code.lower(),
            region_code=e.region_code,
        )
        for i, e in enumerate(events)
    )

    if os.environ.get("BENCH_PROFILE"):
        import cProfile

        cProfile.runctx("programme_coverage(programme)", globals(), locals(), sort="cumtime")
    coverage_ms = timed(lambda: programme_coverage(programme), args.repeat)
    summary_ms = timed(lambda: monthly_summary(office, date(2026, 6, 1)), args.repeat)
    event_ms = timed(lambda: quiz_results(events[0]), args.repeat)
    print(
        f"date: {datetime.now():%Y-%m-%d %H:%M}  cpu: {cpu_model()}  cores: {os.cpu_count()}  "
        f"python: {platform.python_version()}  db: SQLite"
    )
    print(
        f"data: {len(villages)} villages, {len(events)} events, {len(answers)} quiz answers, {len(events)} reports"
    )
    print(f"programme coverage (all villages): {coverage_ms:.0f} ms median of {args.repeat}")
    print(f"monthly summary (one month):       {summary_ms:.0f} ms median of {args.repeat}")
    print(f"one event's quiz results:          {event_ms:.1f} ms median of {args.repeat}")


if __name__ == "__main__":
    main()
