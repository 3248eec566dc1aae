"""Jaringan: a recruiter phone at the pier and in a citizen's report land in one cluster. Retention erases
the identity of cleared screenings after the period, unless they opened a case."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from jaring.audit.models import AuditEvent
from jaring.checkpoints.models import Screening
from jaring.checkpoints.services import screening_decide, screening_record
from jaring.network.models import LinkedRecord
from jaring.network.selectors import cluster_for, visible_records
from jaring.network.services import report_link, root_of
from tests.network.conftest import make_report as make_linked_report

from .conftest import screening_data

pytestmark = pytest.mark.django_db


def test_a_phone_at_the_pier_and_in_a_report_is_one_cluster(office, petugas, batam_center) -> None:
    report = make_linked_report(office, "Ditawari kerja admin di Kamboja oleh 0812 7777 0001", [])
    report_link(report_id=report.pk)
    s = screening_record(
        checkpoint=batam_center,
        actor=petugas,
        data=screening_data(parties=[{"role": "pendamping", "kind": "phone", "value": "+62 812-7777-0001"}]),
    )
    pier = LinkedRecord.objects.get(record_type="checkpoint", record_id=str(s.pk))
    from_report = LinkedRecord.objects.get(record_type="report", record_id=str(report.pk))
    assert root_of(pier.cluster_id) == root_of(from_report.cluster_id)
    assert pier.label == s.code
    # The office's officers see the checkpoint record in the cluster; the traveller's own phone never links.
    cluster, records = cluster_for(petugas, from_report.cluster_id)
    assert set(records) == {pier, from_report}
    assert "+6281311112222" not in [o.identifier.normalized for o in pier.occurrences.all()]


def test_a_mitra_does_not_see_checkpoint_records_in_the_network(mitra, petugas, batam_center) -> None:
    screening_record(checkpoint=batam_center, actor=petugas, data=screening_data())
    assert not visible_records(mitra).filter(record_type="checkpoint").exists()


def test_a_screening_without_parties_is_not_linked(petugas, batam_center) -> None:
    screening_record(checkpoint=batam_center, actor=petugas, data=screening_data(parties=[]))
    assert not LinkedRecord.objects.filter(record_type="checkpoint").exists()


def _aged(actor, checkpoint, days, outcome, **overrides):  # type: ignore[no-untyped-def]
    s = screening_record(checkpoint=checkpoint, actor=actor, data=screening_data(**overrides))
    if outcome == "diperiksa":
        return s
    reasons = ["tiket_sekali_jalan"] if outcome == "ditunda" else []
    screening_decide(screening=s, outcome=outcome, actor=actor, reasons=reasons)
    Screening.objects.filter(pk=s.pk).update(screened_at=timezone.now() - timedelta(days=days))
    return s


def test_retention_erases_cleared_identities_after_the_period(settings, petugas, batam_center) -> None:
    settings.CHECKPOINT_RETENTION_DAYS = 90
    old_cleared = _aged(petugas, batam_center, 91, "diizinkan")
    new_cleared = _aged(petugas, batam_center, 10, "diizinkan")
    old_postponed = _aged(petugas, batam_center, 91, "ditunda")
    old_with_case = _aged(petugas, batam_center, 91, "diperiksa")
    from jaring.checkpoints.services import screening_open_case

    screening_open_case(screening=old_with_case, actor=petugas, reason="")
    screening_decide(screening=old_with_case, outcome="diizinkan", actor=petugas)
    call_command("checkpoints_retention")
    rows = {s.pk: s for s in Screening.objects.all()}
    erased = rows[old_cleared.pk]
    assert erased.traveller_name == erased.passport_number == erased.passport_digest == ""
    assert erased.identity_erased_at is not None and erased.destination == "MY" and erased.birth_year == 1999
    for kept in (new_cleared, old_postponed, old_with_case):
        assert rows[kept.pk].traveller_name == "Siti Aminah"
    event = AuditEvent.objects.get(action="checkpoint.identity_erased")
    assert event.data["ids"] == [old_cleared.pk]
    call_command("checkpoints_retention")  # nothing left to erase: no second event
    assert AuditEvent.objects.filter(action="checkpoint.identity_erased").count() == 1


def test_the_period_is_configurable(settings, petugas, batam_center) -> None:
    settings.CHECKPOINT_RETENTION_DAYS = 5
    s = _aged(petugas, batam_center, 10, "diizinkan")
    call_command("checkpoints_retention")
    assert Screening.objects.get(pk=s.pk).identity_erased_at is not None


def test_an_erased_identity_cannot_be_read(petugas, batam_center) -> None:
    from jaring.accounts.permissions import can_read_traveller_identity

    s = _aged(petugas, batam_center, 100, "diizinkan")
    call_command("checkpoints_retention")
    assert not can_read_traveller_identity(petugas, Screening.objects.get(pk=s.pk))


def test_the_network_pages_link_a_pier_record_to_its_screening(office, petugas, batam_center) -> None:
    s = screening_record(checkpoint=batam_center, actor=petugas, data=screening_data())
    pier = LinkedRecord.objects.get(record_type="checkpoint", record_id=str(s.pk))
    client = Client()
    client.force_login(petugas)
    html = client.get(f"/petugas/jaringan/{root_of(pier.cluster_id).pk}/?min=1").content.decode()
    assert f'href="/petugas/tpi/{s.pk}/">{s.code}</a>' in html and "Pemeriksaan TPI" in html
    assert f"/petugas/laporan/{s.code}/" not in html  # not a report: no dead link to the case page
    phone = pier.occurrences.get().identifier
    page = client.get(f"/petugas/jaringan/identitas/{phone.pk}/").content.decode()
    assert "Pihak yang dicatat ke-1" in page and "party:0" not in page
