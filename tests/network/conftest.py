import itertools

import pytest

from jaring.network.services import report_link
from jaring.reports.models import Party, Report

_codes = itertools.count(1)


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Linking runs as a task after commit; here it runs at once when the captured callbacks execute."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def make_report(office, description, parties=(), category="perekrut", status="baru"):  # type: ignore[no-untyped-def]
    """A stored report as Lapor leaves it (without the argon2 receipt work, which only slows tests)."""
    report = Report.objects.create(
        office=office, tracking_code=f"JT{next(_codes):06d}", follow_up_key_hash="-", category=category,
        description=description, status=status,
    )  # fmt: skip
    Party.objects.bulk_create([Party(report=report, kind=k, value=v) for k, v in parties])
    return report


@pytest.fixture
def submit():
    """A report is stored and linked, as the task queued by report_submit does after the commit."""

    def _submit(office, description, parties=(), category="perekrut", status="baru"):  # type: ignore[no-untyped-def]
        report = make_report(office, description, parties, category, status)
        report_link(report_id=report.pk)
        return report

    return _submit
