"""Who sees which screening, and who may read the traveller's identity (every read audited)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from jaring.accounts.models import Agency, User
from jaring.audit.models import AuditEvent
from jaring.checkpoints.models import Assignment, Checkpoint
from jaring.checkpoints.selectors import screening_for, screenings_visible_to
from jaring.checkpoints.services import screening_decide, screening_record, traveller_identity_view

from .conftest import screening_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_sekupang(supervisor, sekupang):  # type: ignore[no-untyped-def]
    return screening_record(checkpoint=sekupang, actor=supervisor, data=screening_data())


@pytest.fixture
def at_batam_center(petugas, batam_center):  # type: ignore[no-untyped-def]
    return screening_record(checkpoint=batam_center, actor=petugas, data=screening_data())


def test_petugas_sees_only_the_checkpoints_they_are_posted_at(petugas, at_sekupang, at_batam_center) -> None:
    assert list(screenings_visible_to(petugas)) == [at_batam_center]
    with pytest.raises(Http404):
        screening_for(petugas, at_sekupang.pk)


def test_the_supervisor_sees_every_checkpoint_of_the_office(supervisor, at_sekupang, at_batam_center) -> None:
    assert set(screenings_visible_to(supervisor)) == {at_sekupang, at_batam_center}


def test_another_office_sees_nothing(other_office, at_batam_center, batam_center) -> None:
    stranger = User.objects.create_user("sup-tpi", role="supervisor", office=other_office)
    Assignment.objects.create(
        checkpoint=batam_center, user=stranger
    )  # a stray posting does not cross offices
    assert not screenings_visible_to(stranger).exists()


def test_admin_reads_no_records(admin_user, at_batam_center) -> None:
    assert not screenings_visible_to(admin_user).exists()


def test_a_mitra_sees_only_what_was_handed_to_their_agency(
    mitra, petugas, at_batam_center, batam_center
) -> None:
    other = screening_record(checkpoint=batam_center, actor=petugas, data=screening_data())
    assert not screenings_visible_to(mitra).exists()
    screening_decide(screening=at_batam_center, outcome="dirujuk", actor=petugas, consent=True)
    assert list(screenings_visible_to(mitra)) == [at_batam_center]
    with pytest.raises(Http404):
        screening_for(mitra, other.pk)


def test_a_mitra_of_another_agency_sees_nothing(office, petugas, at_batam_center) -> None:
    police = Agency.objects.get(slug="polresta-barelang")
    officer = User.objects.create_user("mitra-polisi", role="mitra", agency=police)
    screening_decide(screening=at_batam_center, outcome="dirujuk", actor=petugas, consent=True)
    assert not screenings_visible_to(officer).exists()


def test_identity_reads_are_audited_and_limited(petugas, supervisor, mitra, at_batam_center) -> None:
    assert traveller_identity_view(screening=at_batam_center, actor=petugas)["name"] == "Siti Aminah"
    assert traveller_identity_view(screening=at_batam_center, actor=supervisor)["passport"].startswith("C")
    assert AuditEvent.objects.filter(action="checkpoint.identity_viewed").count() == 2
    with pytest.raises(PermissionDenied):
        traveller_identity_view(screening=at_batam_center, actor=mitra)


def test_a_mitra_reads_the_identity_only_with_the_travellers_consent(petugas, mitra, batam_center) -> None:
    consented = screening_record(checkpoint=batam_center, actor=petugas, data=screening_data())
    screening_decide(screening=consented, outcome="dirujuk", actor=petugas, consent=True)
    police_case = screening_record(checkpoint=batam_center, actor=petugas, data=screening_data())
    screening_decide(screening=police_case, outcome="diserahkan", actor=petugas)
    assert traveller_identity_view(screening=consented, actor=mitra)["name"] == "Siti Aminah"
    with pytest.raises(Http404):
        screening_for(mitra, police_case.pk)  # handed to the police, not to BP3MI


def test_a_petugas_not_posted_cannot_decide(petugas, at_sekupang) -> None:
    with pytest.raises(PermissionDenied):
        screening_decide(screening=at_sekupang, outcome="diizinkan", actor=petugas)


def test_an_inactive_checkpoint_takes_no_records(petugas, batam_center) -> None:
    Checkpoint.objects.filter(pk=batam_center.pk).update(is_active=False)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        screening_record(checkpoint="batam-center", actor=petugas, data=screening_data())
