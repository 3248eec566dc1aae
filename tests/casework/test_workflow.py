from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from jaring.audit.models import AuditEvent
from jaring.casework.models import Referral
from jaring.casework.services import report_mark_duplicate, report_transition
from jaring.casework.workflow import TRANSITIONS
from jaring.reports.models import Status, StatusChange
from jaring.reports.statuses import public_status_text
from tests.casework.conftest import make_report

pytestmark = pytest.mark.django_db

ALL_PAIRS = [(a, b) for a in Status.values for b in Status.values if a != b]


def _reason_for(to: str) -> str:
    return {"ditolak": "spam", "selesai": "Sudah ditangani."}.get(to, "dibuka kembali")


@pytest.mark.parametrize(("start", "to"), [(a, b) for a, nexts in TRANSITIONS.items() for b in nexts])
def test_every_allowed_transition_writes_timeline_and_audit(office, petugas, agency, start, to) -> None:
    report = make_report(office, status=start)
    if to == Status.DIRUJUK:
        Referral.objects.create(report=report, agency=agency, note="x", created_by=petugas)
    change = report_transition(
        report=report, actor=petugas, to=to, reason=_reason_for(to), public_note="Catatan"
    )
    report.refresh_from_db()
    assert report.status == to
    assert (change.from_status, change.to_status, change.public_note) == (start, to, "Catatan")
    assert (report.closed_at is not None) == (to in ("selesai", "ditolak"))
    event = AuditEvent.objects.get(action="report.transitioned", object_id=str(report.pk))
    assert event.data["to"] == to and event.actor == petugas


@pytest.mark.parametrize(("start", "to"), [p for p in ALL_PAIRS if p[1] not in TRANSITIONS[p[0]]])
def test_disallowed_transition_is_refused_and_changes_nothing(office, petugas, start, to) -> None:
    report = make_report(office, status=start)
    changes = list(StatusChange.objects.filter(report=report))  # intake's "baru"
    with pytest.raises(ValidationError) as exc:
        report_transition(report=report, actor=petugas, to=to, reason=_reason_for(to))
    assert "to" in exc.value.message_dict
    report.refresh_from_db()
    assert report.status == start
    assert list(StatusChange.objects.filter(report=report)) == changes
    assert not AuditEvent.objects.filter(action="report.transitioned").exists()


def test_closing_needs_a_reason(office, petugas) -> None:
    report = make_report(office, status="ditindaklanjuti")
    with pytest.raises(ValidationError) as exc:
        report_transition(report=report, actor=petugas, to="selesai", reason="  ")
    assert "reason" in exc.value.message_dict
    report.refresh_from_db()
    assert report.status == "ditindaklanjuti"


def test_rejecting_needs_a_known_reason(office, petugas) -> None:
    report = make_report(office)
    with pytest.raises(ValidationError):
        report_transition(report=report, actor=petugas, to="ditolak", reason="tidak suka")
    report_transition(
        report=report, actor=petugas, to="ditolak", reason="tidak_relevan: bukan urusan imigrasi"
    )
    report.refresh_from_db()
    assert report.status == "ditolak"
    assert report.close_reason.startswith("tidak_relevan")


def test_referred_status_only_through_a_referral(office, petugas) -> None:
    report = make_report(office, status="diverifikasi")
    with pytest.raises(ValidationError):
        report_transition(report=report, actor=petugas, to="dirujuk")


def test_reopening_clears_the_closing_fields(office, petugas) -> None:
    report = make_report(office, status="ditindaklanjuti")
    report_transition(report=report, actor=petugas, to="selesai", reason="Selesai.")
    report_transition(report=report, actor=petugas, to="ditindaklanjuti", reason="Pelapor memberi info baru")
    report.refresh_from_db()
    assert report.closed_at is None and report.close_reason == ""


def test_officer_of_another_office_cannot_transition(office, other_office, petugas) -> None:
    report = make_report(other_office)
    with pytest.raises(PermissionDenied):
        report_transition(report=report, actor=petugas, to="diverifikasi")
    report.refresh_from_db()
    assert report.status == "baru"


def test_duplicate_keeps_both_threads_and_points_to_the_original(office, petugas) -> None:
    original = make_report(office)
    copy = make_report(office)
    report_mark_duplicate(report=copy, original_code=original.tracking_code.lower(), actor=petugas)
    copy.refresh_from_db()
    assert copy.status == "ditolak" and copy.duplicate_of == original
    assert copy.close_reason.startswith("duplikat")
    assert original.status == "baru"


def test_duplicate_of_another_offices_report_is_refused(office, other_office, petugas) -> None:
    foreign = make_report(other_office)
    copy = make_report(office)
    with pytest.raises(ValidationError):
        report_mark_duplicate(report=copy, original_code=foreign.tracking_code, actor=petugas)
    copy.refresh_from_db()
    assert copy.status == "baru" and copy.duplicate_of is None


def test_every_status_has_a_plain_public_text() -> None:
    texts = {s: public_status_text(s) for s in Status.values}
    assert all(texts.values())
    assert "keterangan dari Anda" in texts["menunggu_pelapor"]


def test_first_response_and_closing_days_are_kept_in_the_offices_time(office, petugas) -> None:
    """Wawasan compares these days with the deadlines; 23:30 UTC is already the next day in Batam (WIB)."""
    report = make_report(office, status="baru")
    moment = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: moment)
        report_transition(report=report, actor=petugas, to="diverifikasi")
        report_transition(report=report, actor=petugas, to="selesai", reason="Selesai.")
    report.refresh_from_db()
    assert report.responded_on == date(2026, 3, 3) and report.closed_on == date(2026, 3, 3)
    report_transition(report=report, actor=petugas, to="ditindaklanjuti", reason="dibuka kembali")
    report.refresh_from_db()
    assert report.closed_on is None and report.closed_at is None
    assert report.responded_on == date(2026, 3, 3)  # the first response stays the first
