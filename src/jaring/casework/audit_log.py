"""The audit log as supervisors browse it: their office's events, filtered, newest first, keyset-paginated."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from jaring.accounts.models import User
from jaring.accounts.permissions import can_supervise
from jaring.audit.models import AuditEvent
from jaring.reports.models import Report

PAGE_SIZE = 50


@dataclass
class AuditPage:
    events: list[AuditEvent]
    next_before: int | None


def audit_events_for(user: User) -> QuerySet[AuditEvent]:
    """Supervisors see their office's events; everyone else nothing."""
    if not can_supervise(user):
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(office_id=user.office_id).select_related("actor")


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def audit_page(user: User, params: dict[str, str], before: str = "") -> AuditPage:
    qs = audit_events_for(user)
    if params.get("action"):
        qs = qs.filter(action__startswith=params["action"])
    if params.get("actor"):
        qs = qs.filter(actor_label=params["actor"])
    if params.get("report"):
        report = Report.objects.filter(
            office_id=user.office_id, tracking_code=params["report"].strip().upper()
        ).values_list("pk", flat=True)
        qs = qs.filter(object_type="reports.report", object_id__in=[str(pk) for pk in report])
    if (start := _parse_date(params.get("from", ""))) is not None:
        qs = qs.filter(created_at__date__gte=start)
    if (end := _parse_date(params.get("to", ""))) is not None:
        qs = qs.filter(created_at__date__lte=end)
    if before.isdigit():
        qs = qs.filter(pk__lt=int(before))
    events = list(qs.order_by("-pk")[: PAGE_SIZE + 1])
    next_before = events[PAGE_SIZE - 1].pk if len(events) > PAGE_SIZE else None
    return AuditPage(events=events[:PAGE_SIZE], next_before=next_before)
