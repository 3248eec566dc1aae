"""The officer's day on the staff home (/petugas/): my open cases by deadline, urgent ones, reports with unread
reporter messages, hand-overs waiting, and capped counts. Every list is read through the selectors' scope
(reports_visible_to, referrals_waiting) and is short; each comes from an index (urgent rows and rows with a
reporter message have partial indexes), so the home stays cheap at a million reports.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from jaring.accounts.models import User
from jaring.casework.inbox import capped_count, index_ids
from jaring.casework.models import Referral
from jaring.casework.selectors import referrals_waiting, reports_visible_to
from jaring.casework.unread import unread_count, unread_q
from jaring.reports.deadlines import deadline_state, next_due, office_today, overdue_q
from jaring.reports.models import Report
from jaring.reports.statuses import OPEN_STATUSES

LIST_SIZE = 10
# An officer's own open cases are few; past this many the home lists the newest and says so.
MINE_SCAN = 200


@dataclass
class Today:
    mine: list[Report] = field(default_factory=list)
    mine_more: bool = False
    urgent: list[Report] = field(default_factory=list)
    unread: list[Report] = field(default_factory=list)
    handovers: list[Referral] = field(default_factory=list)
    counts: dict[str, object] = field(default_factory=dict)


def _with_deadline(reports: list[Report], user: User) -> list[Report]:
    today = office_today(user.office) if user.office else None
    for r in reports:
        r.due = next_due(status=r.status, verify_due=r.verify_due, follow_up_due=r.follow_up_due)
        r.deadline_state = (
            deadline_state(
                status=r.status, verify_due=r.verify_due, follow_up_due=r.follow_up_due, today=today
            )
            if today
            else ""
        )
    return reports


def _counts(qs: QuerySet[Report], user: User, mine: int, mine_more: bool) -> dict[str, object]:
    """Per open status and overdue, capped (inbox.capped_count); mine from the list already read."""
    per_status = {s: capped_count(qs.filter(status=s)) for s in OPEN_STATUSES}
    office = user.office
    overdue = capped_count(qs.filter(overdue_q(office_today(office)))) if office else (0, False)
    return {"per_status": per_status, "overdue": overdue, "mine": (mine, mine_more)}


def today_for(user: User) -> Today:
    """What the user should look at today; partners get the hand-overs waiting for their agency only."""
    day = Today(handovers=list(referrals_waiting(user)[:LIST_SIZE]))
    if not user.is_officer:
        return day
    visible = reports_visible_to(user)
    open_ = visible.filter(status__in=OPEN_STATUSES)
    mine = list(open_.filter(assignee_id=user.pk).order_by("-pk")[: MINE_SCAN + 1])
    day.mine_more = len(mine) > MINE_SCAN
    # By the next pending deadline (none: last), then the oldest first.
    ordered = sorted(_with_deadline(mine[:MINE_SCAN], user), key=lambda r: (r.due is None, r.due, r.pk))
    day.mine = ordered[:LIST_SIZE]
    # Per status from the partial index of urgent rows (inbox.index_ids): with `status IN (...)` SQLite
    # would walk every report of the office backwards when few are urgent.
    urgent_ids = index_ids(visible, list(OPEN_STATUSES), None, LIST_SIZE, True)
    urgent = {r.pk: r for r in visible.filter(pk__in=urgent_ids).select_related("assignee")}
    day.urgent = _with_deadline([urgent[pk] for pk in urgent_ids if pk in urgent], user)
    unread = open_.filter(unread_q()).annotate(unread_count=unread_count()).select_related("assignee")
    day.unread = list(unread.order_by("-last_reporter_message_at")[:LIST_SIZE])
    day.counts = _counts(visible, user, min(len(mine), MINE_SCAN), day.mine_more)
    return day
