from django import template

from jaring.accounts.models import User
from jaring.accounts.permissions import is_officer
from jaring.audit import labels as audit_labels
from jaring.casework.inbox import inbox_summary
from jaring.casework.selectors import reports_visible_to
from jaring.reports.models import Status

register = template.Library()


@register.simple_tag
def casework_summary(user: User) -> dict[str, object] | None:
    """The inbox summary for the staff home (officers only; capped counts, cheap at a million reports)."""
    if not is_officer(user):
        return None
    return inbox_summary(reports_visible_to(user), user)


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
