"""The monthly outreach summary for leadership: page, PDF and XLSX show these same figures."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Q

from jaring.accounts.models import Office
from jaring.outreach.models import Event, EventKind, Programme, RequestStatus, SessionRequest
from jaring.outreach.selectors.attribution import checks_by_code, reports_by_code
from jaring.outreach.selectors.impact import QuizResults, quiz_results_for_events
from jaring.outreach.validation import office_zone
from jaring.reports.deadlines import office_today


@dataclass(frozen=True)
class MonthlySummary:
    office: Office
    month: date  # first day
    events: list[Event]
    by_kind: list[tuple[str, int]]
    attendance: int
    male: int
    female: int
    villages_target: int
    villages_covered_month: int
    villages_covered_to_date: int
    results: QuizResults
    requests_received: int
    requests_handled: dict[str, int] = field(default_factory=dict)
    requests_open: int = 0
    reports_attributed: int = 0
    checks_attributed: int = 0

    @property
    def next_month(self) -> date:
        return date(self.month.year + self.month.month // 12, self.month.month % 12 + 1, 1)

    @property
    def previous_month(self) -> date:
        return date(self.month.year - (self.month.month == 1), (self.month.month - 2) % 12 + 1, 1)


def _month_bounds(office: Office, month: date) -> tuple[datetime, datetime]:
    zone = office_zone(office)
    first = date(month.year, month.month, 1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return datetime.combine(first, time.min, tzinfo=zone), datetime.combine(following, time.min, tzinfo=zone)


def _held_before(office: Office) -> datetime:
    """Events starting before this moment have taken place: those dated up to the office's today. A planned
    event (dated later) has reached nobody yet, so it does not make its village visited."""
    tomorrow = office_today(office) + timedelta(days=1)
    return datetime.combine(tomorrow, time.min, tzinfo=office_zone(office))


def monthly_summary(office: Office, month: date) -> MonthlySummary:
    start, end = _month_bounds(office, month)
    held_before = _held_before(office)
    events = list(
        Event.objects.filter(office=office, starts_at__gte=start, starts_at__lt=end)
        .select_related("programme")
        .order_by("starts_at")
    )
    kinds = Counter(e.kind for e in events)
    by_kind = [(str(label), kinds[value]) for value, label in EventKind.choices if kinds[value]]

    # Target villages: every village of the programmes running during the month.
    programmes = Programme.objects.filter(
        office=office, starts_on__lt=end.date(), ends_on__gte=start.date()
    ).prefetch_related("villages")
    targets = {v.region_code for p in programmes for v in p.villages.all()}
    first_start = min((p.starts_on for p in programmes), default=start.date())
    to_date = Event.objects.filter(
        office=office,
        region_code__in=targets,
        starts_at__gte=datetime.combine(first_start, time.min, tzinfo=office_zone(office)),
        starts_at__lt=min(end, held_before),
    ).values_list("region_code", flat=True)

    handled = SessionRequest.objects.filter(office=office, handled_at__gte=start, handled_at__lt=end)
    handled_counts = Counter(handled.values_list("status", flat=True))
    codes = [e.code for e in events]
    return MonthlySummary(
        office=office,
        month=start.date(),
        events=events,
        by_kind=by_kind,
        attendance=sum(e.attendance_total for e in events),
        male=sum(e.male for e in events),
        female=sum(e.female for e in events),
        villages_target=len(targets),
        villages_covered_month=len({e.region_code for e in events if e.starts_at < held_before} & targets),
        villages_covered_to_date=len(set(to_date)),
        results=quiz_results_for_events([e.pk for e in events], missed=False),
        requests_received=SessionRequest.objects.filter(
            office=office, created_at__gte=start, created_at__lt=end
        ).count(),
        requests_handled={
            str(label): handled_counts[value]
            for value, label in RequestStatus.choices
            if handled_counts[value]
        },
        requests_open=SessionRequest.objects.filter(Q(office=office) & Q(status=RequestStatus.BARU)).count(),
        reports_attributed=sum(reports_by_code(office.pk, codes).values()),
        checks_attributed=sum(checks_by_code(codes).values()),
    )
