"""Deadlines in Indonesian working days (SP4N-LAPOR!: verify within 3, follow up within 5; per office).

Both deadlines count from the day the report was received, in the office's time zone: a report received on
a Friday before a long weekend is due after the holidays, not on them.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db.models import Q

from jaring.accounts.models import Office
from jaring.lib.workdays import add_working_days
from jaring.reports.models import Status


def received_day(office: Office, received_at: datetime) -> date:
    return received_at.astimezone(ZoneInfo(office.time_zone)).date()


def deadlines_for(office: Office, received: date) -> tuple[date, date]:
    """(verify_due, follow_up_due) for a report received on `received`."""
    return add_working_days(received, office.verify_days), add_working_days(received, office.follow_up_days)


def today_for(office: Office) -> date:
    return datetime.now(ZoneInfo(office.time_zone)).date()


def overdue_q(today: date) -> Q:
    """Reports past a deadline: not verified by verify_due, or not yet followed up by follow_up_due."""
    return Q(status=Status.BARU, verify_due__lt=today) | Q(
        status__in=(Status.BARU, Status.DIVERIFIKASI), follow_up_due__lt=today
    )


def due_q(until: date) -> Q:
    """Reports with a pending deadline on or before `until` (overdue ones included)."""
    return Q(status=Status.BARU, verify_due__lte=until) | Q(
        status__in=(Status.BARU, Status.DIVERIFIKASI), follow_up_due__lte=until
    )


def deadline_state(*, status: str, verify_due: date | None, follow_up_due: date | None, today: date) -> str:
    """ "overdue", "today" or "" for one report: what the inbox highlights."""
    pending = []
    if status == Status.BARU and verify_due:
        pending.append(verify_due)
    if status in (Status.BARU, Status.DIVERIFIKASI) and follow_up_due:
        pending.append(follow_up_due)
    if not pending:
        return ""
    first = min(pending)
    if first < today:
        return "overdue"
    return "today" if first == today else ""
