"""Outcomes, repeat attempts and the hand-over to BP3MI with the traveller's consent."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jaring.audit.models import AuditEvent
from jaring.casework.models import Referral
from jaring.casework.referrals import referral_update
from jaring.checkpoints.models import Screening
from jaring.checkpoints.selectors import repeat_alerts, screening_for
from jaring.checkpoints.services import screening_decide, screening_open_case, screening_record
from jaring.reports.models import Report

from .conftest import screening_data

pytestmark = pytest.mark.django_db


def _postponed(actor, checkpoint, days_ago=3, **overrides):  # type: ignore[no-untyped-def]
    at = timezone.now() - timedelta(days=days_ago)
    s = screening_record(checkpoint=checkpoint, actor=actor, data=screening_data(screened_at=at, **overrides))
    return screening_decide(screening=s, outcome="ditunda", actor=actor, reasons=["tiket_sekali_jalan"])


def test_a_postponement_needs_reasons_from_the_guide(petugas, batam_center) -> None:
    s = screening_record(checkpoint=batam_center, actor=petugas, data=screening_data())
    with pytest.raises(ValidationError) as caught:
        screening_decide(screening=s, outcome="ditunda", actor=petugas)
    assert caught.value.message_dict["reasons"] == ["Pilih minimal satu alasan penundaan."]
    with pytest.raises(ValidationError) as caught:
        screening_decide(screening=s, outcome="ditunda", actor=petugas, reasons=["muka_mencurigakan"])
    assert "tidak dikenal" in caught.value.message_dict["reasons"][0]
    s.refresh_from_db()
    assert s.outcome == "diperiksa"
    decided = screening_decide(screening=s, outcome="ditunda", actor=petugas, reasons=["tiket_sekali_jalan"])
    assert decided.reasons == ["tiket_sekali_jalan"] and decided.decided_at is not None


def test_a_cleared_screening_is_final(petugas, batam_center) -> None:
    s = screening_record(checkpoint=batam_center, actor=petugas, data=screening_data())
    screening_decide(screening=s, outcome="diizinkan", actor=petugas)
    with pytest.raises(ValidationError):
        screening_decide(screening=s, outcome="ditunda", actor=petugas, reasons=["tiket_sekali_jalan"])


def test_postponed_at_one_tpi_and_seen_at_another_raises_a_repeat_alert(
    supervisor, batam_center, sekupang
) -> None:
    first = _postponed(supervisor, batam_center, passport_number="C7654321")
    again = screening_record(
        checkpoint=sekupang, actor=supervisor, data=screening_data(passport_number="C7654321")
    )
    assert again.repeat_of == first
    assert list(repeat_alerts(supervisor)) == [again]


def test_the_same_person_with_a_new_passport_is_a_repeat_too(supervisor, batam_center, sekupang) -> None:
    first = _postponed(supervisor, batam_center, traveller_name="Rina  Wati", birth_year=2001)
    again = screening_record(
        checkpoint=sekupang,
        actor=supervisor,
        data=screening_data(traveller_name="RINA WATI", birth_year=2001),
    )
    assert again.repeat_of == first


def test_at_the_same_tpi_only_within_the_window(settings, supervisor, batam_center) -> None:
    settings.CHECKPOINT_REPEAT_DAYS = 7
    _postponed(supervisor, batam_center, days_ago=20, passport_number="C1111111")
    late = screening_record(
        checkpoint=batam_center, actor=supervisor, data=screening_data(passport_number="C1111111")
    )
    assert late.repeat_of is None
    recent = _postponed(supervisor, batam_center, days_ago=2, passport_number="C2222222")
    again = screening_record(
        checkpoint=batam_center, actor=supervisor, data=screening_data(passport_number="C2222222")
    )
    assert again.repeat_of == recent


def test_a_cleared_traveller_is_no_repeat(supervisor, batam_center, sekupang) -> None:
    s = screening_record(
        checkpoint=batam_center, actor=supervisor, data=screening_data(passport_number="C3333333")
    )
    screening_decide(screening=s, outcome="diizinkan", actor=supervisor)
    again = screening_record(
        checkpoint=sekupang, actor=supervisor, data=screening_data(passport_number="C3333333")
    )
    assert again.repeat_of is None


def test_hand_over_without_consent_is_refused_and_nothing_is_written(petugas, batam_center) -> None:
    s = _postponed(petugas, batam_center)
    reports, referrals = Report.objects.count(), Referral.objects.count()
    with pytest.raises(ValidationError) as caught:
        screening_decide(screening=s, outcome="dirujuk", actor=petugas)
    assert caught.value.message_dict["consent"] == [
        "Catat persetujuan pelaku perjalanan sebelum diserahkan ke BP3MI."
    ]
    assert (Report.objects.count(), Referral.objects.count()) == (reports, referrals)
    assert Screening.objects.get(pk=s.pk).outcome == "ditunda"


def test_hand_over_with_consent_is_a_referral_the_mitra_follows_up(
    petugas, mitra, agency, batam_center
) -> None:
    s = _postponed(petugas, batam_center)
    screening_decide(screening=s, outcome="dirujuk", actor=petugas, consent=True, notes="Diantar ke shelter.")
    s.refresh_from_db()
    assert s.outcome == "dirujuk" and s.handover_consent
    report = s.report
    assert report.channel == "petugas" and report.category == "pmi_nonprosedural"
    assert s.passport_number not in report.description and "Siti" not in report.description
    assert [p.value for p in report.parties.all()] == ["0812-7777-0001"]
    referral = Referral.objects.get(report=report)
    assert referral.agency == agency and "Persetujuan pelaku perjalanan: ya" in referral.note
    assert screening_for(mitra, s.pk) == s
    referral_update(referral=referral, status="diterima", note="Diterima di P4MI.", actor=mitra)
    assert Referral.objects.get(pk=referral.pk).status == "diterima"
    assert AuditEvent.objects.filter(action="checkpoint.screening_decided", object_id=str(s.pk)).count() == 2


def test_a_screening_can_open_a_case_for_suspected_tppo(petugas, batam_center) -> None:
    s = screening_record(checkpoint=batam_center, actor=petugas, data=screening_data())
    report = screening_open_case(screening=s, actor=petugas, reason="Pendamping memegang paspor.")
    assert report.office == batam_center.office and "Pendamping memegang paspor." in report.description
    assert screening_open_case(screening=s, actor=petugas, reason="") == report  # once
    assert AuditEvent.objects.filter(action="checkpoint.case_opened").count() == 1


def test_a_party_lapor_cannot_read_goes_into_the_case_text_not_in_its_way(petugas, batam_center) -> None:
    parties = [
        {"role": "sponsor", "kind": "phone", "value": "0812-7777-0001"},
        {"role": "perekrut", "kind": "phone", "value": "abc"},
    ]
    s = screening_record(checkpoint=batam_center, actor=petugas, data=screening_data(parties=parties))
    report = screening_open_case(screening=s, actor=petugas, reason="")
    assert [p.value for p in report.parties.all()] == ["0812-7777-0001"]
    assert "abc" in report.description
