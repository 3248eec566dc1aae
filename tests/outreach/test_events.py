"""Event rules: code, dates inside the programme, attendance that adds up; staff UI create and edit."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from jaring.outreach.models import Event
from jaring.outreach.services import event_attendance_set
from tests.outreach.conftest import PULAU_ABANG, local


def test_each_event_gets_a_short_unambiguous_code(make_event) -> None:
    codes = {make_event().code for _ in range(5)}
    assert len(codes) == 5
    assert all(re.fullmatch(r"SOS-[2-9A-HJ-NP-Z]{4}", c) for c in codes)


def test_event_dates_outside_the_programme_are_refused(make_event, programme, office) -> None:
    with pytest.raises(ValidationError) as err:
        make_event(start=local(office, 2027, 1, 3), programme=programme)
    assert "01-01-2026 sampai 31-12-2026" in err.value.message_dict["starts_at"][0]
    assert not Event.objects.exists()


def test_an_event_ending_after_the_programme_is_refused(make_event, programme, office) -> None:
    with pytest.raises(ValidationError):
        make_event(start=local(office, 2026, 12, 31, 20), hours=6, programme=programme)


def test_the_programme_period_is_read_in_the_office_time_zone(make_event, programme, office) -> None:
    # 1 Jan 2026 00:30 in Batam is still 31 Dec 2025 in UTC: inside the programme all the same.
    event = make_event(start=local(office, 2026, 1, 1, 0).replace(minute=30), hours=1, programme=programme)
    assert event.programme == programme


def test_attendance_that_does_not_add_up_is_refused_and_nothing_changes(make_event, petugas) -> None:
    event = make_event()
    ages = {"age_under_18": 5, "age_18_25": 10, "age_26_40": 10, "age_41_60": 5, "age_over_60": 0}
    with pytest.raises(ValidationError) as err:
        event_attendance_set(actor=petugas, event=event, total=30, male=12, female=17, ages=ages)
    assert "= 29, tidak sama dengan total peserta 30" in err.value.message_dict["male"][0]
    with pytest.raises(ValidationError) as err:
        event_attendance_set(
            actor=petugas, event=event, total=30, male=12, female=18, ages={**ages, "age_18_25": 9}
        )
    assert "kelompok umur = 29" in err.value.message_dict["age_under_18"][0]
    event.refresh_from_db()
    assert event.attendance_total == 0
    event_attendance_set(actor=petugas, event=event, total=30, male=12, female=18, ages=ages)
    event.refresh_from_db()
    assert (event.attendance_total, event.male, event.age_18_25) == (30, 12, 10)


def test_the_database_also_refuses_attendance_that_does_not_add_up(make_event) -> None:
    event = make_event()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(attendance_total=10, male=4, female=5)


def test_officer_creates_an_event_in_the_staff_ui(petugas_client, programme, agency) -> None:
    response = petugas_client.post(
        "/petugas/sosialisasi/kegiatan/baru/",
        {
            "title": "Sosialisasi di Pulau Abang",
            "kind": "sosialisasi",
            "starts_at": "2026-03-10T09:00",
            "ends_at": "2026-03-10T11:00",
            "region_code": PULAU_ABANG,
            "venue": "Balai Kelurahan",
            "programme": programme.pk,
            "topics": ["tppo", "apoa"],
            "audiences": ["nelayan", "pengelola_penginapan"],
            "agencies": [agency.pk],
        },
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.starts_at.isoformat() == "2026-03-10T02:00:00+00:00"  # 09:00 WIB
    assert event.topics == ["tppo", "apoa"] and event.quiz_questions
    page = petugas_client.get(response["Location"]).content.decode()
    assert event.code in page and "qr-sebelum.svg" in page


def test_staff_form_keeps_the_input_when_dates_fall_outside_the_programme(petugas_client, programme) -> None:
    response = petugas_client.post(
        "/petugas/sosialisasi/kegiatan/baru/",
        {
            "title": "Kegiatan terlambat",
            "kind": "penyuluhan",
            "starts_at": "2027-02-01T09:00",
            "ends_at": "2027-02-01T11:00",
            "programme": programme.pk,
        },
    )
    html = response.content.decode()
    assert "harus berada dalam periode program" in html and 'value="Kegiatan terlambat"' in html
    assert not Event.objects.exists()


def test_attendance_form_shows_the_sum_error_next_to_the_field(petugas_client, make_event) -> None:
    event = make_event()
    response = petugas_client.post(
        f"/petugas/sosialisasi/kegiatan/{event.pk}/kehadiran/",
        {
            "attendance_total": 10,
            "male": 4,
            "female": 5,
            "age_under_18": 0,
            "age_18_25": 10,
            "age_26_40": 0,
            "age_41_60": 0,
            "age_over_60": 0,
        },
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert 'id="id_male_errors"' in html and 'aria-invalid="true"' in html
    assert 'name="female" value="5"' in html


def test_qr_code_of_the_quiz_is_an_svg(petugas_client, make_event) -> None:
    event = make_event()
    response = petugas_client.get(f"/petugas/sosialisasi/kegiatan/{event.pk}/qr-sesudah.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content


def test_editing_an_event_keeps_its_quiz_once_answers_exist(make_event, petugas, client) -> None:
    from jaring.outreach.services import EventInput, event_update

    event = make_event(topics=["tppo"])
    questions = list(event.quiz_questions)
    client.get(f"/sosialisasi/{event.code}/sebelum/")
    client.post(f"/sosialisasi/{event.code}/sebelum/", {q: "a" for q in questions})
    event_update(
        actor=petugas,
        event=event,
        data=EventInput(
            title=event.title,
            kind=event.kind,
            starts_at=event.starts_at,
            ends_at=event.starts_at + timedelta(hours=1),
            topics=["apoa"],
        ),
    )
    event.refresh_from_db()
    assert event.topics == ["apoa"] and event.quiz_questions == questions
