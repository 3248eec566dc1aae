"""The Batam TPIs as `jaring demo` seeds them (petugas posted at Batam Center and Harbour Bay, the supervisor
at all three) and a valid screening as the counter form sends it."""

import itertools
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from jaring.checkpoints.demo import seed_checkpoints
from jaring.checkpoints.models import Checkpoint

_passports = itertools.count(1_000_001)


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def checkpoints(office, petugas, supervisor) -> dict[str, Checkpoint]:
    return {cp.slug: cp for cp in seed_checkpoints(office)}


@pytest.fixture
def batam_center(checkpoints) -> Checkpoint:
    return checkpoints["batam-center"]


@pytest.fixture
def sekupang(checkpoints) -> Checkpoint:
    return checkpoints["sekupang"]


def screening_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "screened_at": timezone.now() - timedelta(minutes=5),
        "traveller_name": "Siti Aminah",
        "passport_number": f"C{next(_passports)}",
        "traveller_phone": "0813-1111-2222",
        "sex": "P",
        "birth_year": 1999,
        "origin_region_code": "33.01",
        "destination": "MY",
        "purpose": "wisata",
        "ticket": "sekali_jalan",
        "paid_by": "sponsor",
        "answers": {"tujuan": "wisata", "tiket_kembali": "no", "dibayar_orang_lain": "yes"},
        "parties": [{"role": "sponsor", "kind": "phone", "value": "0812-7777-0001"}],
        "notes": "",
    }
    data.update(overrides)
    return data
