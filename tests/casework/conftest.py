"""Reports stored through the front door (reports.services.report_submit: parties, status row, audit row,
linking job), then put into the state a test starts from."""

from datetime import date

import pytest
from django.test import Client

from jaring.accounts.models import User
from jaring.reports.deadlines import deadlines_for
from jaring.reports.models import Report
from jaring.reports.services import report_submit

INTAKE = ("identity_mode", "reporter_name", "reporter_contact", "share_identity_with_partners", "parties")


def make_report(office, **fields) -> Report:
    """A report as Lapor stores it. `received` fixes the day its deadlines count from; `status`, `assignee` and
    other columns are then set as if the workflow had already run (the workflow itself is tested on its own)."""
    received = fields.pop("received", date(2025, 8, 14))
    intake = {name: fields.pop(name) for name in INTAKE if name in fields}
    intake.setdefault("identity_mode", "anonim")
    report, _key = report_submit(
        office=office,
        category=fields.pop("category", "perekrut"),
        description=fields.pop(
            "description", "Saya ditawari bekerja di Kamboja sebagai admin dengan gaji 20 juta."
        ),
        **intake,
    )
    verify_due, follow_up_due = deadlines_for(office, received)
    Report.objects.filter(pk=report.pk).update(verify_due=verify_due, follow_up_due=follow_up_due, **fields)
    report.refresh_from_db()
    return report


@pytest.fixture
def report(office) -> Report:
    return make_report(
        office,
        identity_mode="rahasia",
        reporter_name="Siti Rahayu",
        reporter_contact="0812-0000-1111",
    )


@pytest.fixture
def other_report(other_office) -> Report:
    return make_report(other_office, description="Laporan kantor lain tentang paspor palsu.")


@pytest.fixture
def petugas2(office) -> User:
    return User.objects.create_user(
        username="petugas2", password="x-test-password-9", role="petugas", office=office
    )


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client
