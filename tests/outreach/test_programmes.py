"""Programme rules: target villages inside the office's region, a sane period, nothing partial stored."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from jaring.audit.models import AuditEvent
from jaring.outreach.models import Programme, ProgrammeVillage
from jaring.outreach.services import VillageTarget, programme_create, programme_update, programme_village_add
from tests.outreach.conftest import PULAU_ABANG, TANJUNGPINANG_VILLAGE, local


def test_a_village_outside_the_office_region_is_refused_with_its_name(programme, petugas) -> None:
    with pytest.raises(ValidationError) as err:
        programme_village_add(actor=petugas, programme=programme, region_code=TANJUNGPINANG_VILLAGE)
    message = err.value.message_dict["region_code"][0]
    assert "Tanjung Pinang Barat" in message and "di luar wilayah kerja" in message
    assert programme.villages.count() == 2


def test_a_kecamatan_is_not_a_target_village(programme, petugas) -> None:
    with pytest.raises(ValidationError) as err:
        programme_village_add(actor=petugas, programme=programme, region_code="21.71.08")
    assert "desa atau kelurahan" in err.value.message_dict["region_code"][0]


def test_one_bad_village_refuses_the_whole_new_programme(office, petugas) -> None:
    with pytest.raises(ValidationError):
        programme_create(
            actor=petugas,
            office=office,
            name="Desa Binaan 2027",
            starts_on=date(2027, 1, 1),
            ends_on=date(2027, 12, 31),
            villages=[VillageTarget(PULAU_ABANG), VillageTarget(TANJUNGPINANG_VILLAGE)],
        )
    assert not Programme.objects.exists()
    assert not ProgrammeVillage.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="outreach.").exists()


def test_the_same_village_cannot_be_targeted_twice(programme, petugas) -> None:
    with pytest.raises(ValidationError):
        programme_village_add(actor=petugas, programme=programme, region_code="2171081007")


def test_a_period_ending_before_it_starts_is_refused(office, petugas) -> None:
    with pytest.raises(ValidationError) as err:
        programme_create(
            actor=petugas, office=office, name="X", starts_on=date(2026, 5, 1), ends_on=date(2026, 4, 1)
        )
    assert "ends_on" in err.value.message_dict


def test_shortening_a_programme_cannot_strand_its_events(programme, petugas, make_event, office) -> None:
    make_event(start=local(office, 2026, 11, 20), programme=programme)
    with pytest.raises(ValidationError):
        programme_update(
            actor=petugas,
            programme=programme,
            name=programme.name,
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 6, 30),
            goals="",
            agency_ids=[],
        )
    programme.refresh_from_db()
    assert programme.ends_on == date(2026, 12, 31)


def test_officer_adds_a_village_in_the_staff_ui_and_sees_it_in_coverage(petugas_client, programme) -> None:
    response = petugas_client.post(
        f"/petugas/sosialisasi/program/{programme.pk}/desa/",
        {
            "region_code": "21.71.05.1002",
            "officer_name": "Bu Sari",
            "latitude": "1.05",
            "longitude": "103.97",
        },
    )
    assert response.status_code == 302
    page = petugas_client.get(response["Location"]).content.decode()
    assert "Pulau Buluh" in page and "Bu Sari" in page and 'data-lat="1.05000"' in page


def test_village_outside_region_in_the_staff_ui_shows_the_error_and_keeps_the_input(
    petugas_client, programme
) -> None:
    response = petugas_client.post(
        f"/petugas/sosialisasi/program/{programme.pk}/desa/",
        {"region_code": TANJUNGPINANG_VILLAGE, "officer_name": "Pak Budi"},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "di luar wilayah kerja" in html and 'value="Pak Budi"' in html
    assert programme.villages.count() == 2


def test_partner_users_cannot_open_outreach_staff_pages(mitra_client, programme) -> None:
    assert mitra_client.get(f"/petugas/sosialisasi/program/{programme.pk}/").status_code == 403


def test_another_office_does_not_see_the_programme(other_office, programme, django_user_model) -> None:
    from django.test import Client

    officer = django_user_model.objects.create_user("pinang", password="x" * 12, office=other_office)
    client = Client()
    client.force_login(officer)
    assert client.get(f"/petugas/sosialisasi/program/{programme.pk}/").status_code == 404
