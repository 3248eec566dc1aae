"""`jaring demo`: the TPIs FACTS.md names, postings, and a few days of sample screenings marked as sample."""

import pytest

from jaring.casework.models import Referral
from jaring.checkpoints import demo
from jaring.checkpoints.models import Checkpoint, Screening

pytestmark = pytest.mark.django_db


def test_demo_seeds_the_batam_tpis_and_marked_sample_screenings(office, petugas, supervisor) -> None:
    demo.seed(office=office)
    demo.seed(office=office)  # idempotent
    assert sorted(Checkpoint.objects.values_list("slug", flat=True)) == [
        "batam-center",
        "harbour-bay",
        "sekupang",
    ]
    assert set(Checkpoint.objects.values_list("kind", flat=True)) == {"seaport"}
    rows = list(Screening.objects.all())
    assert len(rows) == 54 and all(s.is_sample for s in rows)
    assert all(s.traveller_name.startswith("CONTOH") for s in rows)
    assert {s.checkpoint.slug for s in rows} == {"batam-center", "harbour-bay", "sekupang"}
    assert len({s.screened_at.date() for s in rows}) >= 3
    assert sum(1 for s in rows if s.repeat_of_id) == 1
    assert Referral.objects.filter(agency__slug="bp3mi-kepri").count() == 2
    assert all(s.outcome != "diperiksa" for s in rows)
