"""Fixtures of the checker's tests: the SAMPLE registry, as the engine sees it and as the database holds it."""

import csv
from pathlib import Path

import pytest

from jaring.screening.engine import LicensedCompany, StaticLookups, default_rules
from jaring.screening.selectors import reset_registry_cache

SAMPLE_CSV = Path(__file__).resolve().parents[2] / "src/jaring/screening/data/p3mi_SAMPLE.csv"
# A number the rule examples treat as confirmed by an officer (rules.json, reported_identifier examples).
CONFIRMED_PHONE = "+6281299990000"


def sample_companies() -> list[LicensedCompany]:
    with SAMPLE_CSV.open(encoding="utf-8") as stream:
        return [
            LicensedCompany(row["Nama P3MI"], row["Nomor SIP3MI"], is_sample=True)
            for row in csv.DictReader(stream)
            if row["Status"] == "Aktif"
        ]


@pytest.fixture(scope="session")
def rules():
    return default_rules()


@pytest.fixture(scope="session")
def lookups() -> StaticLookups:
    return StaticLookups(
        sample_companies(), {("phone", CONFIRMED_PHONE): "Dikonfirmasi dalam laporan JRG-TEST"}
    )


@pytest.fixture(autouse=True)
def _fresh_registry_cache():
    """Each test sees the registry of its own database, not one cached by an earlier test."""
    reset_registry_cache()
    yield
    reset_registry_cache()
