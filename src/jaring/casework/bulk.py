"""Bulk actions from the inbox: the single-report services, once per report.

Each report goes through the same service as on its own page (report_assign, report_transition): its own
transaction, workflow check (casework/workflow.py) and audit row. A report that cannot take the change is
reported back with the reason and left untouched; the others are applied. So no report is ever half-changed,
while one closed report in a selection of twenty does not stop the other nineteen.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from jaring.accounts.models import User
from jaring.casework.services import assignee_for, report_assign, report_transition
from jaring.reports.models import Report

MAX_BULK = 100


@dataclass
class BulkOutcome:
    done: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (tracking code, why)


def _why(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc) or _("Anda tidak berwenang.")


def _chosen(visible: QuerySet[Report], codes: list[str], outcome: BulkOutcome) -> list[Report]:
    wanted = list(dict.fromkeys(c.strip()[:32] for c in codes if c.strip()))
    if not wanted:
        raise ValidationError({"code": _("Pilih setidaknya satu laporan.")})
    if len(wanted) > MAX_BULK:
        raise ValidationError({"code": _("Paling banyak %(n)s laporan sekaligus.") % {"n": MAX_BULK}})
    lookup = {*wanted, *(c.upper() for c in wanted)}
    found = {r.tracking_code: r for r in visible.filter(tracking_code__in=lookup).select_related("office")}
    chosen = []
    for code in wanted:
        report = found.get(code) or found.get(code.upper())
        if report is None:
            outcome.failed.append((code, _("Laporan tidak ditemukan.")))
        elif report not in chosen:
            chosen.append(report)
    return chosen


def reports_bulk_assign(
    *, visible: QuerySet[Report], codes: list[str], username: str, actor: User
) -> BulkOutcome:
    """Assigns each chosen report (`visible`: the actor's selector scope) to `username` ("-": nobody)."""
    outcome = BulkOutcome()
    for report in _chosen(visible, codes, outcome):
        try:
            assignee = None if username == "-" else assignee_for(report, username or actor.username)
            report_assign(report=report, assignee=assignee, actor=actor)
        except (ValidationError, PermissionDenied) as exc:
            outcome.failed.append((report.tracking_code, _why(exc)))
        else:
            outcome.done.append(report.tracking_code)
    return outcome


def reports_bulk_transition(
    *, visible: QuerySet[Report], codes: list[str], to: str, reason: str, actor: User
) -> BulkOutcome:
    """Moves each chosen report to status `to` where the workflow allows it, with the same reason for all."""
    outcome = BulkOutcome()
    for report in _chosen(visible, codes, outcome):
        try:
            report_transition(report=report, actor=actor, to=to, reason=reason)
        except (ValidationError, PermissionDenied) as exc:
            outcome.failed.append((report.tracking_code, _why(exc)))
        else:
            outcome.done.append(report.tracking_code)
    return outcome
