"""`jaring rotate_keys`: after a new key is put first, old data still decrypts; after rotation the new key alone does."""

import io

from cryptography.fernet import Fernet
from django.core.management import call_command

from jaring.lib import uploads
from jaring.reports.models import Attachment, Report
from jaring.reports.services import report_submit

from .conftest import REPORTER_NAME, REPORTER_PHONE, jpeg_with_gps, upload, valid_fields


def run() -> str:
    out = io.StringIO()
    call_command("rotate_keys", stdout=out)
    return out.getvalue()


def test_rotation_re_encrypts_fields_and_files_with_the_newest_key(office, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_KEYS = [old]
    report, _key = report_submit(
        office=office,
        files=[upload("bukti.jpg", jpeg_with_gps())],
        **valid_fields(identity_mode="rahasia", reporter_name=REPORTER_NAME, reporter_contact=REPORTER_PHONE),
    )
    clean = uploads.read(report.attachments.get().storage_name)
    old_file = report.attachments.get().storage_name

    settings.FIELD_KEYS = [new, old]
    assert Report.objects.get().reporter_name == REPORTER_NAME  # old key still decrypts
    assert "3 values and 1 files re-encrypted" in run()  # name, contact, attachment name
    assert "0 values and 0 files re-encrypted" in run()  # idempotent

    settings.FIELD_KEYS = [new]
    report = Report.objects.get()
    assert (report.reporter_name, report.reporter_contact) == (REPORTER_NAME, REPORTER_PHONE)
    attachment = Attachment.objects.get()
    assert attachment.original_name == "bukti.jpg"
    assert uploads.read(attachment.storage_name) == clean
    assert attachment.storage_name != old_file
    assert not (settings.MEDIA_ROOT / old_file).exists()
