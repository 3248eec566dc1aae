"""Which target villages of a programme were reached, and with what effect."""

from dataclasses import dataclass
from datetime import datetime, time

from django.db.models import Case, Count, DateTimeField, F, Value, When
from django.utils import timezone

from jaring.lib import regions
from jaring.outreach.models import Event, Programme, ProgrammeVillage
from jaring.outreach.selectors.attribution import checks_by_code, reports_by_code
from jaring.outreach.selectors.impact import QuizResults, moments_by_event, pooled_gain
from jaring.outreach.validation import office_zone
from jaring.reports.models import Report


@dataclass(frozen=True)
class VillageCoverage:
    village: ProgrammeVillage
    region: regions.Region | None
    events: int
    last_visit: datetime | None
    attendance: int
    results: QuizResults
    reports_attributed: int  # reports naming one of the village's event codes
    checks_attributed: int
    reports_since: int  # reports located in the village since the first visit

    @property
    def reached(self) -> bool:
        return self.events > 0


def programme_window(programme: Programme) -> tuple[datetime, datetime]:
    zone = office_zone(programme.office)
    start = datetime.combine(programme.starts_on, time.min, tzinfo=zone)
    end = datetime.combine(programme.ends_on, time.max, tzinfo=zone)
    return start, end


def programme_coverage(programme: Programme, *, now: datetime | None = None) -> list[VillageCoverage]:
    """One row per target village. A village counts as reached by any of the office's events held there
    during the programme period (not only those filed under the programme): the people were reached either way.
    """
    now = now or timezone.now()
    start, end = programme_window(programme)
    villages = list(programme.villages.select_related("officer"))
    held = Event.objects.filter(
        office=programme.office,
        region_code__in=[v.region_code for v in villages],
        starts_at__gte=start,
        starts_at__lte=min(end, now),
    ).order_by("starts_at")
    by_village: dict[str, list[Event]] = {}
    for event in held:
        by_village.setdefault(event.region_code, []).append(event)
    codes = [e.code for events in by_village.values() for e in events]
    reports = reports_by_code(programme.office_id, codes)
    checks = checks_by_code(codes)
    scores = moments_by_event([e.pk for events in by_village.values() for e in events])
    since = _reports_since(programme, {code: events[0].starts_at for code, events in by_village.items()})
    rows = []
    for village in villages:
        events = by_village.get(village.region_code, [])
        rows.append(
            VillageCoverage(
                village=village,
                region=regions.get(village.region_code),
                events=len(events),
                last_visit=events[-1].starts_at if events else None,
                attendance=sum(e.attendance_total for e in events),
                results=QuizResults(gain=pooled_gain(scores, [e.pk for e in events]), missed_after=[]),
                reports_attributed=sum(reports[e.code] for e in events),
                checks_attributed=sum(checks[e.code] for e in events),
                reports_since=since.get(village.region_code, 0),
            )
        )
    return rows


def _reports_since(programme: Programme, first_visit: dict[str, datetime]) -> dict[str, int]:
    """Reports located in each village since its first visit, in one grouped query."""
    if not first_visit:
        return {}
    threshold = Case(
        *(
            When(region_code=code, then=Value(at, output_field=DateTimeField()))
            for code, at in first_visit.items()
        ),
        output_field=DateTimeField(),
    )
    rows = (
        Report.objects.filter(office=programme.office, region_code__in=list(first_visit))
        .annotate(first_visit=threshold)
        .filter(created_at__gte=F("first_visit"))
        .values("region_code")
        .annotate(n=Count("pk"))
    )
    return {row["region_code"]: row["n"] for row in rows}
