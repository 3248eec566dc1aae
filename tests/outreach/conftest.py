"""Outreach fixtures: a programme of the Batam office and helpers to make events at given local times."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from jaring.outreach.models import Event, Programme
from jaring.outreach.services import EventInput, VillageTarget, event_create, programme_create
from jaring.outreach.validation import office_zone

PULAU_ABANG = "21.71.08.1007"
KARAS = "21.71.08.1002"
TANJUNGPINANG_VILLAGE = (
    "21.72.01.1001"  # a kelurahan of Kota Tanjung Pinang: outside the Batam office's region
)


def local(office, year: int, month: int, day: int, hour: int = 9) -> datetime:
    return datetime(year, month, day, hour, tzinfo=office_zone(office))


@pytest.fixture
def programme(office, petugas) -> Programme:
    return programme_create(
        actor=petugas,
        office=office,
        name="Desa Binaan Kepri 2026",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        villages=[
            VillageTarget(PULAU_ABANG, officer=petugas),
            VillageTarget(KARAS, officer_name="Pak Rahman"),
        ],
    )


@pytest.fixture
def make_event(office, petugas):
    def make(
        *,
        start: datetime | None = None,
        hours: int = 2,
        region_code: str = PULAU_ABANG,
        programme: Programme | None = None,
        topics: list[str] | None = None,
        title: str = "Penyuluhan TPPO",
    ) -> Event:
        start = start or timezone.now() - timedelta(days=1)
        return event_create(
            actor=petugas,
            office=office,
            data=EventInput(
                title=title,
                kind="penyuluhan",
                starts_at=start,
                ends_at=start + timedelta(hours=hours),
                region_code=region_code,
                venue="Balai Kelurahan",
                programme_id=programme.pk if programme else None,
                topics=topics if topics is not None else ["tppo", "pmi_prosedural"],
                audiences=["nelayan"],
            ),
        )

    return make
