"""Recording a screening at the counter: stored, audited, idempotent; bad input refused whole, in Indonesian."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jaring.audit.models import AuditEvent
from jaring.checkpoints.models import Screening, ScreeningParty
from jaring.checkpoints.services import DuplicateScreening, screening_record
from jaring.checkpoints.validation import NOTES_MAX

from .conftest import screening_data

pytestmark = pytest.mark.django_db


def test_a_screening_is_stored_encrypted_with_its_flags_and_audited(petugas, batam_center) -> None:
    s = screening_record(
        checkpoint=batam_center, actor=petugas, data=screening_data(passport_number="c 1234567")
    )
    s.refresh_from_db()
    assert s.passport_number == "C1234567" and s.traveller_name == "Siti Aminah"
    assert s.flags == ["tiket_sekali_jalan", "biaya_dibayar_pihak_lain"]
    assert s.outcome == "diperiksa"
    assert ScreeningParty.objects.get(screening=s).normalized == "+6281277770001"
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "select traveller_name, passport_number from checkpoints_screening where id = %s", [s.pk]
        )
        raw_name, raw_passport = cursor.fetchone()
    assert "Siti" not in raw_name and "1234567" not in raw_passport
    event = AuditEvent.objects.get(action="checkpoint.screening_recorded")
    assert event.actor == petugas and event.object_id == str(s.pk)
    assert "Siti" not in event.summary + str(event.data)


def test_the_checkpoint_may_be_named_by_slug(petugas, batam_center) -> None:
    s = screening_record(checkpoint="batam-center", actor=petugas, data=screening_data())
    assert s.checkpoint == batam_center


def test_a_repeated_submit_returns_the_first_record(petugas, batam_center) -> None:
    data = screening_data()
    first = screening_record(checkpoint=batam_center, actor=petugas, data=data, submission_token="tok-1")
    with pytest.raises(DuplicateScreening) as caught:
        screening_record(checkpoint=batam_center, actor=petugas, data=data, submission_token="tok-1")
    assert caught.value.screening == first
    assert Screening.objects.count() == 1


def _refused(actor, checkpoint, **overrides) -> dict:  # type: ignore[no-untyped-def]
    before = (Screening.objects.count(), ScreeningParty.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as caught:
        screening_record(checkpoint=checkpoint, actor=actor, data=screening_data(**overrides))
    assert (Screening.objects.count(), ScreeningParty.objects.count(), AuditEvent.objects.count()) == before
    return caught.value.message_dict


@pytest.mark.parametrize("passport", ["12345", "ABC1234567", "X12-34", "PASPOR", "X1234567890"])
def test_a_passport_in_the_wrong_shape_is_refused(petugas, batam_center, passport) -> None:
    errors = _refused(petugas, batam_center, passport_number=passport)
    assert errors["passport_number"] == ["Nomor paspor tidak sesuai format: huruf lalu angka, mis. X1234567."]


def test_a_future_time_is_refused(petugas, batam_center) -> None:
    errors = _refused(petugas, batam_center, screened_at=timezone.now() + timedelta(hours=2))
    assert errors["screened_at"] == ["Waktu pemeriksaan tidak boleh di masa depan."]


def test_an_unknown_checkpoint_is_refused(petugas, checkpoints) -> None:
    errors = _refused(petugas, "pelabuhan-tikus")
    assert errors["checkpoint"] == ["TPI tidak dikenal."]


def test_an_officer_not_posted_at_the_checkpoint_is_refused(petugas, sekupang) -> None:
    errors = _refused(petugas, sekupang)
    assert errors["checkpoint"] == ["Anda tidak ditugaskan di TPI ini."]


def test_a_mitra_cannot_record(mitra, batam_center) -> None:
    errors = _refused(mitra, batam_center)
    assert errors["checkpoint"] == ["Anda tidak ditugaskan di TPI ini."]


def test_very_long_notes_are_refused(petugas, batam_center) -> None:
    errors = _refused(petugas, batam_center, notes="x" * (NOTES_MAX + 1))
    assert errors["notes"] == ["Catatan terlalu panjang: maksimal 5000 karakter."]


@pytest.mark.parametrize("name", ["<script>alert(1)</script>", "Budi <b>Santoso</b>", "Ani &lt;x&gt;"])
def test_markup_in_names_is_refused(petugas, batam_center, name) -> None:
    errors = _refused(petugas, batam_center, traveller_name=name)
    assert "tidak boleh berisi kode" in errors["traveller_name"][0]


def test_markup_in_a_party_is_refused(petugas, batam_center) -> None:
    errors = _refused(
        petugas, batam_center, parties=[{"role": "sponsor", "kind": "person", "value": "<img src=x>"}]
    )
    assert errors["parties"] == ["Baris 1: tidak boleh berisi kode atau tanda < > { }."]


def test_every_problem_is_reported_at_once(petugas, checkpoints) -> None:
    errors = _refused(
        petugas, "tidak-ada", passport_number="1", destination="", ticket="", birth_year="tahun", sex="X"
    )
    assert set(errors) >= {"checkpoint", "passport_number", "destination", "ticket", "birth_year", "sex"}


def test_english_messages_through_gettext(petugas, batam_center) -> None:
    from django.utils import translation

    with translation.override("en"):
        errors = _refused(petugas, batam_center, screened_at=timezone.now() + timedelta(days=1))
    assert errors["screened_at"] == ["The screening time cannot be in the future."]


def test_the_same_traveller_sent_again_without_the_token_is_not_recorded_twice(petugas, batam_center) -> None:
    data = screening_data(screened_at=None)
    first = screening_record(checkpoint=batam_center, actor=petugas, data=data, submission_token="a")
    with pytest.raises(DuplicateScreening) as caught:
        screening_record(checkpoint=batam_center, actor=petugas, data=data, submission_token="b")
    assert caught.value.screening == first and Screening.objects.count() == 1
