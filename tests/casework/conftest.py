"""Reports made directly with the ORM, as the Lapor intake would store them."""

import itertools
from datetime import date

import pytest
from django.test import Client

from jaring.accounts.models import User
from jaring.lib.text import search_terms
from jaring.reports.deadlines import deadlines_for
from jaring.reports.models import Report

_codes = itertools.count(1)


def make_report(office, **fields) -> Report:
    n = next(_codes)
    received = fields.pop("received", date(2025, 8, 14))
    verify_due, follow_up_due = deadlines_for(office, received)
    values = {
        "office": office,
        "tracking_code": f"TST{n:05d}",
        "follow_up_key_hash": "argon2$test",
        "category": "perekrut",
        "description": "Saya ditawari bekerja di Kamboja sebagai admin dengan gaji 20 juta.",
        "verify_due": verify_due,
        "follow_up_due": follow_up_due,
        **fields,
    }
    values.setdefault("search_text", search_terms(values["description"]))
    return Report.objects.create(**values)


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
