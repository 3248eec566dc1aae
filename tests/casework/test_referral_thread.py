"""The partner-officer thread of a referral: who takes part, what the partner sees, audit and e-mail notices."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from jaring.accounts.models import Agency, User
from jaring.audit.models import AuditEvent
from jaring.casework.referral_thread import (
    referral_message_post,
    referral_message_share,
    referral_message_unshare,
    referral_thread_read,
)
from jaring.casework.referrals import referral_create, referral_update
from jaring.reports.models import Message
from jaring.reports.services import report_message_add
from tests.casework.conftest import client_for, make_report

pytestmark = pytest.mark.django_db

PRIVATE_FOLLOW_UP = "Nama saya Siti, rumah saya di Batu Aji blok C."
SHARED_FOLLOW_UP = "Keberangkatan hari Sabtu pukul 10.00 dari Pelabuhan Batam Centre."


@pytest.fixture
def referred(office, petugas, agency):
    report = make_report(office, status="diverifikasi", assignee=petugas)
    referral = referral_create(report=report, agency=agency, note="Mohon cek perekrut", actor=petugas)
    return report, referral


@pytest.fixture
def police(office) -> User:
    return User.objects.create_user(
        username="mitra-polisi",
        password="x-pass-123456",
        role="mitra",
        agency=Agency.objects.get(slug="polresta-barelang"),
        email="polisi@example.org",
    )


def test_partner_asks_and_officer_answers_with_audit_and_email_notices(
    referred, petugas, mitra, django_capture_on_commit_callbacks
) -> None:
    report, referral = referred
    User.objects.filter(pk=petugas.pk).update(email="petugas@example.org")
    User.objects.filter(pk=mitra.pk).update(email="bp3mi@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        referral_message_post(referral=referral, body="Apakah pelapor punya foto paspornya?", actor=mitra)
    assert [m.to for m in mail.outbox] == [["petugas@example.org"]]
    assert "Apakah pelapor" not in mail.outbox[0].body  # the notice carries no text of the message
    assert report.tracking_code in mail.outbox[0].body and f"#rujukan-{referral.pk}" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        referral_message_post(referral=referral, body="Ada, akan kami kirim lewat surat.", actor=petugas)
    assert mail.outbox[1].to == ["bp3mi@example.org"]
    thread = referral_thread_read(referral=referral, actor=mitra)
    assert [(e.side, e.body) for e in thread] == [
        ("mitra", "Apakah pelapor punya foto paspornya?"),
        ("petugas", "Ada, akan kami kirim lewat surat."),
    ]
    posted = AuditEvent.objects.filter(action="referral.message_posted")
    assert posted.count() == 2 and {e.data["side"] for e in posted} == {"mitra", "petugas"}
    assert AuditEvent.objects.filter(action="referral.thread_viewed", actor=mitra).count() == 1


def test_without_an_assignee_the_supervisors_hear_of_the_partners_message(
    office, petugas, supervisor, mitra, agency, django_capture_on_commit_callbacks
) -> None:
    report = make_report(office, status="diverifikasi")
    referral = referral_create(report=report, agency=agency, note="x", actor=petugas)
    User.objects.filter(pk=supervisor.pk).update(email="kasi@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        referral_message_post(referral=referral, body="Mohon nomor kontak perekrut.", actor=mitra)
    assert [m.to for m in mail.outbox] == [["kasi@example.org"]]


def test_another_agency_and_another_office_cannot_read_or_write(
    referred, police, other_office, mitra
) -> None:
    _report, referral = referred
    outsider = User.objects.create_user(
        username="petugas-tpi", password="x-pass-123456", role="petugas", office=other_office
    )
    for user in (police, outsider):
        with pytest.raises(PermissionDenied):
            referral_message_post(referral=referral, body="Halo", actor=user)
        with pytest.raises(PermissionDenied):
            referral_thread_read(referral=referral, actor=user)
    with pytest.raises(PermissionDenied):
        referral_message_share(referral=referral, message=Message(report=referral.report), actor=mitra)


def test_empty_too_long_and_closed_referral_are_refused(referred, mitra) -> None:
    _report, referral = referred
    with pytest.raises(ValidationError) as empty:
        referral_message_post(referral=referral, body="   ", actor=mitra)
    assert "body" in empty.value.message_dict
    with pytest.raises(ValidationError):
        referral_message_post(referral=referral, body="x" * 5001, actor=mitra)
    referral_update(referral=referral, status="selesai", note="Calon PMI dipulangkan", actor=mitra)
    with pytest.raises(ValidationError):
        referral_message_post(referral=referral, body="Satu lagi", actor=mitra)
    assert not AuditEvent.objects.filter(action="referral.message_posted").exists()


def test_partner_sees_only_the_reporter_messages_an_officer_shared(referred, petugas, mitra) -> None:
    report, referral = referred
    private = report_message_add(report=report, body=PRIVATE_FOLLOW_UP)
    shared = report_message_add(report=report, body=SHARED_FOLLOW_UP)
    assert referral_thread_read(referral=referral, actor=mitra) == []  # nothing by default
    referral_message_share(referral=referral, message=shared, actor=petugas)
    bodies = [e.body for e in referral_thread_read(referral=referral, actor=mitra)]
    assert bodies == [SHARED_FOLLOW_UP]
    page = client_for(mitra).get(f"/petugas/laporan/{report.tracking_code}/").content.decode()
    assert SHARED_FOLLOW_UP in page and PRIVATE_FOLLOW_UP not in page
    viewed = AuditEvent.objects.filter(action="referral.thread_viewed", actor=mitra).last()
    assert viewed is not None and viewed.data["shared_message_ids"] == [shared.pk]
    referral_message_unshare(referral=referral, message=shared, actor=petugas)
    assert referral_thread_read(referral=referral, actor=mitra) == []
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert "referral.message_shared" in actions and "referral.message_unshared" in actions
    assert private.pk not in [s.message_id for s in referral.shared_messages.all()]


def test_only_reporter_messages_of_the_same_report_can_be_shared(referred, office, petugas) -> None:
    report, referral = referred
    reply = report_message_add(report=report, body="Terima kasih.", author_kind="petugas", author=petugas)
    elsewhere = report_message_add(report=make_report(office), body="Pesan laporan lain.")
    for message in (reply, elsewhere):
        with pytest.raises(ValidationError):
            referral_message_share(referral=referral, message=message, actor=petugas)


def test_web_thread_keeps_the_text_on_error_and_posts(referred, petugas, mitra) -> None:
    report, referral = referred
    url = f"/petugas/laporan/{report.tracking_code}/rujukan/{referral.pk}/pesan/"
    too_long = "Pertanyaan " + "x" * 5000
    response = client_for(mitra).post(url, {"body": too_long, "referral": referral.pk})
    assert response.status_code == 422
    page = response.content.decode()
    assert "maksimal 5000 karakter" in page and too_long in page
    response = client_for(mitra).post(
        url, {"body": "Kapan jadwal keberangkatannya?", "referral": referral.pk}
    )
    assert response.status_code == 302
    officer_page = client_for(petugas).get(f"/petugas/laporan/{report.tracking_code}/").content.decode()
    assert "Kapan jadwal keberangkatannya?" in officer_page


def test_web_share_is_for_officers_only(referred, petugas, mitra) -> None:
    report, referral = referred
    message = report_message_add(report=report, body=SHARED_FOLLOW_UP)
    url = f"/petugas/laporan/{report.tracking_code}/rujukan/{referral.pk}/bagikan/"
    assert client_for(mitra).post(url, {"message": message.pk, "action": "share"}).status_code == 403
    assert client_for(petugas).post(url, {"message": "abc", "action": "share"}).status_code == 404
    assert client_for(petugas).post(url, {"message": message.pk, "action": "share"}).status_code == 302
    assert referral.shared_messages.get().message_id == message.pk


def test_partner_inbox_shows_and_applies_only_partner_filters(referred, mitra, petugas) -> None:
    report, _referral = referred
    page = client_for(mitra).get("/petugas/laporan/").content.decode()
    for officer_only in (
        'name="priority"',
        'name="channel"',
        'name="assignee"',
        'name="due"',
        'name="attachments"',
    ):
        assert officer_only not in page
    assert 'name="category"' in page and 'name="q"' in page
    # Filtering on files (or the office's triage) must not tell a partner which referred reports have them.
    probed = client_for(mitra).get("/petugas/laporan/?attachments=1&priority=darurat").content.decode()
    assert report.tracking_code in probed
    officer = client_for(petugas).get("/petugas/laporan/").content.decode()
    assert 'name="priority"' in officer and 'name="attachments"' in officer
