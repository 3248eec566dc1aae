"""The services officers' pages and other channels call: receipts, replies, audited views of personal data."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from jaring.audit.models import AuditEvent
from jaring.lib import uploads
from jaring.reports import receipts
from jaring.reports.models import Message, Report, Status
from jaring.reports.services import (
    attachment_open,
    report_follow_up,
    report_message_add,
    report_reply,
    report_submit,
    reporter_identity_view,
)

from .conftest import REPORTER_NAME, REPORTER_PHONE, jpeg_with_gps, upload, valid_fields


def test_tracking_code_is_short_and_unambiguous(submitted):
    report, _key = submitted
    assert len(report.tracking_code) == 13
    body = report.tracking_code.removeprefix("JRG-").replace("-", "")
    assert not set(body) & set("01OIL")


def test_a_tracking_code_already_taken_is_drawn_again(submitted, office, monkeypatch):
    taken, _key = submitted
    codes = iter([taken.tracking_code, "JRG-ABCD-EFGH"])  # the random draw repeats an existing code once
    monkeypatch.setattr(receipts, "new_tracking_code", lambda: next(codes))
    report, _key = report_submit(office=office, **valid_fields())
    assert report.tracking_code == "JRG-ABCD-EFGH"
    assert Report.objects.count() == 2
    assert AuditEvent.objects.filter(action="report.submitted").count() == 2


def test_follow_up_key_carries_at_least_80_bits_and_is_stored_only_as_argon2(submitted):
    report, key = submitted
    symbols = key.replace("-", "")
    assert len(symbols) * 5 >= 80  # base32: 5 bits per character
    assert report.follow_up_key_hash.startswith("$argon2id$")
    assert symbols not in report.follow_up_key_hash


def test_receipt_typed_loosely_still_opens_the_report(submitted):
    report, key = submitted
    typed_code = report.tracking_code.lower().replace("-", " ").removeprefix("jrg ")
    typed_key = key.lower().replace("-", "").replace("0", "o")
    assert report_follow_up(tracking_code=typed_code, key=typed_key) == report


def test_wrong_key_and_unknown_code_both_give_none(submitted):
    report, key = submitted
    assert report_follow_up(tracking_code=report.tracking_code, key=receipts.new_follow_up_key()) is None
    assert report_follow_up(tracking_code="JRG-2222-2222", key=key) is None
    assert report_follow_up(tracking_code="", key="") is None


def test_officer_reply_is_public_and_audited(submitted, petugas):
    report, _key = submitted
    message = report_reply(report=report, author=petugas, body="Terima kasih, kami sedang memeriksa.")
    assert message.author_kind == "petugas" and not message.is_internal
    assert AuditEvent.objects.filter(action="report.replied", actor=petugas).exists()


def test_officer_of_another_office_cannot_reply(submitted, other_office, petugas):
    report, _key = submitted
    petugas.office = other_office
    petugas.save()
    with pytest.raises(PermissionDenied):
        report_reply(report=report, author=petugas, body="Halo")


def test_partner_user_cannot_reply_or_open_identity(submitted, mitra):
    report, _key = submitted
    with pytest.raises(PermissionDenied):
        report_reply(report=report, author=mitra, body="Halo")
    with pytest.raises(PermissionDenied):
        reporter_identity_view(report=report, actor=mitra)


@pytest.mark.parametrize("status", [Status.SELESAI, Status.DITOLAK])
def test_replies_to_closed_reports_are_refused_with_a_message(submitted, petugas, status):
    report, _key = submitted
    Report.objects.filter(pk=report.pk).update(status=status)
    report.refresh_from_db()
    with pytest.raises(ValidationError) as caught:
        report_reply(report=report, author=petugas, body="Ada kabar baru")
    assert "sudah ditutup" in caught.value.message_dict["body"][0]
    assert Message.objects.count() == 0


def test_reporter_message_with_photo_is_added_to_the_thread_and_search(submitted):
    report, _key = submitted
    message = report_message_add(
        report=report, body="Agennya bernama Budi Santoso", files=[upload("a.jpg", jpeg_with_gps())]
    )
    assert message.attachments.count() == 1
    report.refresh_from_db()
    assert "budi" in report.search_text.split()
    assert AuditEvent.objects.filter(action="report.message_added").count() == 1


def test_empty_message_is_refused(submitted):
    report, _key = submitted
    with pytest.raises(ValidationError) as caught:
        report_message_add(report=report, body="  ")
    assert "body" in caught.value.message_dict


def test_identity_view_decrypts_and_is_audited(office, petugas):
    report, _key = report_submit(
        office=office,
        **valid_fields(identity_mode="rahasia", reporter_name=REPORTER_NAME, reporter_contact=REPORTER_PHONE),
    )
    Report.objects.filter(pk=report.pk).update(assignee=petugas)
    report.refresh_from_db()
    identity = reporter_identity_view(report=report, actor=petugas)
    assert identity["reporter_name"] == REPORTER_NAME and identity["reporter_contact"] == REPORTER_PHONE
    event = AuditEvent.objects.get(action="identity.viewed")
    assert event.actor == petugas and REPORTER_NAME not in str(event.data) + event.summary


def test_identity_is_refused_to_an_officer_who_does_not_handle_the_report(office, petugas):
    """One rule for the page, the API and this service: the assignee or a supervisor (can_read_identity)."""
    report, _key = report_submit(
        office=office,
        **valid_fields(identity_mode="rahasia", reporter_name=REPORTER_NAME, reporter_contact=REPORTER_PHONE),
    )
    with pytest.raises(PermissionDenied):
        reporter_identity_view(report=report, actor=petugas)
    assert not AuditEvent.objects.filter(action="identity.viewed").exists()


def test_attachment_open_returns_the_clean_file_and_is_audited(office, petugas):
    report, _key = report_submit(office=office, files=[upload("x.jpg", jpeg_with_gps())], **valid_fields())
    attachment = report.attachments.get()
    content = attachment_open(attachment=attachment, actor=petugas)
    assert content[:3] == b"\xff\xd8\xff" and uploads.sniff(content) == "image/jpeg"
    assert AuditEvent.objects.filter(action="attachment.viewed", object_id=str(attachment.pk)).count() == 1


def test_deadlines_count_working_days_from_the_office_date(office):
    report, _key = report_submit(office=office, **valid_fields())
    assert report.verify_due is not None and report.follow_up_due is not None
    assert report.follow_up_due > report.verify_due
    assert report.verify_due.weekday() < 5


def test_anonymous_report_refuses_identity_fields_with_a_clear_message(office):
    with pytest.raises(ValidationError) as caught:
        report_submit(office=office, **valid_fields(reporter_name="Budi"))
    assert "anonim tidak menyimpan identitas" in caught.value.message_dict["reporter_name"][0]
