"""Deadlines in Indonesian working days (SP4N-LAPOR!: verify within 3, follow up within 5; per office).

The one owner of the deadline rule: intake (reports.services) sets the dates with `deadlines_for`, the inbox,
the digest and the staff API read them with the rest of this module. Both deadlines count from the day the
report was received, in the office's time zone: a report received on a Friday before a long weekend is due
after the holidays, not on them.

Urgent reports (reports/urgency.py: an imminent departure, a minor, a kept passport, someone held) must be
verified and followed up within URGENT_DAYS working day of being received, or of being marked urgent by an
officer if that is later than intake; clearing the mark restores the office's deadlines from the day received.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone

from jaring.accounts.models import Office
from jaring.lib.workdays import add_working_days
from jaring.reports.models import Status

# While a report is in these statuses the deadline is still pending.
VERIFY_PENDING = (Status.BARU,)
FOLLOW_UP_PENDING = (Status.BARU, Status.DIVERIFIKASI)
URGENT_DAYS = 1


def office_zone(office: Office | None) -> ZoneInfo:
    """The office's time zone (WIB for Batam): what its screens and exports show."""
    return ZoneInfo(office.time_zone if office and office.time_zone else "Asia/Jakarta")


def office_today(office: Office) -> date:
    """Today in the office's time zone."""
    return timezone.localdate(timezone=office_zone(office))


def office_date(office: Office, moment: datetime) -> date:
    """The office's calendar day of a moment (e.g. the day a report was received)."""
    return timezone.localtime(moment, ZoneInfo(office.time_zone or "Asia/Jakarta")).date()


def deadlines_for(office: Office, received: date, *, urgent: bool = False) -> tuple[date, date]:
    """(verify_due, follow_up_due) for a report received on `received`."""
    if urgent:
        due = add_working_days(received, URGENT_DAYS)
        return due, due
    return add_working_days(received, office.verify_days), add_working_days(received, office.follow_up_days)


def deadlines_on_urgency(office: Office, received: date, *, urgent: bool, today: date) -> tuple[date, date]:
    """The deadlines after an officer sets (counted from `today`, never later than the usual ones) or clears
    (the office's usual deadlines from `received`) the urgent mark."""
    usual = deadlines_for(office, received)
    if not urgent:
        return usual
    short = deadlines_for(office, today, urgent=True)
    return min(usual[0], short[0]), min(usual[1], short[1])


def overdue_q(today: date) -> Q:
    """Reports past a deadline: not verified by verify_due, or not yet followed up by follow_up_due."""
    return Q(status__in=VERIFY_PENDING, verify_due__lt=today) | Q(
        status__in=FOLLOW_UP_PENDING, follow_up_due__lt=today
    )


def due_q(until: date) -> Q:
    """Reports with a pending deadline on or before `until` (overdue ones included)."""
    return Q(status__in=VERIFY_PENDING, verify_due__lte=until) | Q(
        status__in=FOLLOW_UP_PENDING, follow_up_due__lte=until
    )


def next_due(*, status: str, verify_due: date | None, follow_up_due: date | None) -> date | None:
    """The first deadline still pending for a report in `status`, or None."""
    pending = []
    if status in VERIFY_PENDING and verify_due:
        pending.append(verify_due)
    if status in FOLLOW_UP_PENDING and follow_up_due:
        pending.append(follow_up_due)
    return min(pending) if pending else None


def deadline_state(*, status: str, verify_due: date | None, follow_up_due: date | None, today: date) -> str:
    """ "overdue", "today" or "" for one report: what the inbox highlights."""
    first = next_due(status=status, verify_due=verify_due, follow_up_due=follow_up_due)
    if first is None:
        return ""
    if first < today:
        return "overdue"
    return "today" if first == today else ""
