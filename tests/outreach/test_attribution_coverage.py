"""Attribution (reports and checks naming an event code) and programme coverage per target village."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jaring.outreach.selectors import attribution_for_event, programme_coverage
from jaring.outreach.services import event_attendance_set
from jaring.reports.models import Report
from jaring.screening.models import ScreeningStat
from tests.outreach.conftest import KARAS, PULAU_ABANG, local


def _report(office, *, heard_from: str = "", region_code: str = "", n: int = 1) -> None:
    for _ in range(n):
        Report.objects.create(
            office=office,
            tracking_code=f"T{Report.objects.count():07d}",
            follow_up_key_hash="x",
            category="tppo",
            description="Ada perekrut",
            heard_from=heard_from,
            region_code=region_code,
        )


def test_reports_naming_the_event_code_are_counted_case_insensitively(
    office, other_office, make_event
) -> None:
    event = make_event()
    _report(office, heard_from=event.code)
    _report(office, heard_from=f" {event.code.lower()} ")
    _report(office, heard_from="teman")
    _report(other_office, heard_from=event.code)  # another office's report is not this event's effect
    assert attribution_for_event(event).reports == 2


def test_checks_are_summed_from_the_risk_level_counters_only(make_event) -> None:
    event = make_event()
    ScreeningStat.objects.create(
        week="2026-W10", risk_level="high", flag="", channel="web", ref=event.code, count=3
    )
    ScreeningStat.objects.create(
        week="2026-W11", risk_level="low", flag="", channel="web", ref=event.code.lower(), count=2
    )
    # Flag rows count the same checks again, once per red flag: they must not be added.
    ScreeningStat.objects.create(
        week="2026-W10", risk_level="high", flag="fee_or_debt", channel="web", ref=event.code, count=3
    )
    ScreeningStat.objects.create(
        week="2026-W10", risk_level="high", flag="", channel="web", ref="SOS-ZZZZ", count=9
    )
    assert attribution_for_event(event).checks == 5


@pytest.fixture
def visited(programme, make_event, office, petugas):
    """Two events at Pulau Abang during the programme, one before it started, one in the future; Karas unvisited."""
    first = make_event(start=local(office, 2026, 2, 1), programme=programme)
    second = make_event(
        start=local(office, 2026, 3, 5)
    )  # not filed under the programme: still reaches the village
    make_event(start=local(office, 2025, 12, 1))  # before the programme period
    event_attendance_set(actor=petugas, event=first, total=10, male=4, female=6, ages={"age_18_25": 10})
    event_attendance_set(actor=petugas, event=second, total=5, male=5, female=0, ages={"age_26_40": 5})
    return first, second


def test_coverage_marks_reached_villages_with_last_visit_and_attendance(programme, visited) -> None:
    first, second = visited
    rows = {r.village.region_code: r for r in programme_coverage(programme, now=timezone.now())}
    abang, karas = rows[PULAU_ABANG], rows[KARAS]
    assert abang.reached and abang.events == 2 and abang.attendance == 15
    assert abang.last_visit == second.starts_at
    assert not karas.reached and karas.events == 0 and karas.last_visit is None
    assert karas.village.officer_label == "Pak Rahman"


def test_coverage_counts_reports_by_code_and_from_the_village_since_the_first_visit(
    programme, visited, office
) -> None:
    first, second = visited
    _report(office, heard_from=second.code)
    _report(office, region_code=PULAU_ABANG, n=2)
    Report.objects.filter(region_code=PULAU_ABANG).update(created_at=first.starts_at + timedelta(days=1))
    _report(office, region_code=PULAU_ABANG)
    Report.objects.filter(region_code=PULAU_ABANG, created_at__gt=first.starts_at + timedelta(days=2)).update(
        created_at=first.starts_at - timedelta(days=3)
    )
    abang = next(r for r in programme_coverage(programme) if r.village.region_code == PULAU_ABANG)
    assert abang.reports_attributed == 1
    assert abang.reports_since == 2


def test_future_events_do_not_count_as_visits_yet(programme, make_event, office) -> None:
    now = local(office, 2026, 6, 1)
    make_event(start=local(office, 2026, 6, 20), region_code=KARAS, programme=programme)
    karas = next(r for r in programme_coverage(programme, now=now) if r.village.region_code == KARAS)
    assert not karas.reached


def test_coverage_page_lists_every_village_and_says_how_many_were_reached(
    petugas_client, programme, visited
) -> None:
    html = petugas_client.get(f"/petugas/sosialisasi/program/{programme.pk}/").content.decode()
    assert "1 dari 2 desa sasaran sudah dikunjungi." in html
    assert "Pulau Abang" in html and "Karas" in html
    # No coordinates entered: the page says why there is no map instead of showing an empty one.
    assert "leaflet.js" not in html and "koordinat desa diisi" in html
