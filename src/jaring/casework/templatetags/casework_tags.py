from django import template

from jaring.accounts.models import User
from jaring.accounts.permissions import can_work_cases
from jaring.audit import labels as audit_labels
from jaring.casework.today import Today, today_for
from jaring.reports.models import Status

register = template.Library()


@register.simple_tag
def casework_today(user: User) -> Today | None:
    """The officer's day for the staff home (accounts sits below casework, so the page asks through this tag)."""
    if not can_work_cases(user):
        return None
    return today_for(user)


@register.filter
def status_label(value: str) -> str:
    return Status(value).label if value in Status.values else value


@register.filter
def event_label(action: str) -> str:
    """An audit event name as supervisors read it (audit/labels.py)."""
    return audit_labels.event_label(action)


@register.simple_tag
def audit_action_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    return audit_labels.filter_choices()
