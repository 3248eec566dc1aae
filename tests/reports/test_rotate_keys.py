"""`jaring rotate_keys`: after a new key is put first, old data still decrypts; after rotation the new key alone does."""

import io

from cryptography.fernet import Fernet
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from jaring.audit.models import AuditEvent
from jaring.channels.models import Contact, InboundMessage, StagedMedia
from jaring.lib import uploads
from jaring.lib.crypto import decrypt_bytes, encrypt_bytes
from jaring.reports.management.commands import rotate_keys
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
    event = AuditEvent.objects.get(action="keys.rotated")
    assert event.data["values"] == 3 and event.data["files"] == 1 and old not in str(event.data)
    assert "0 values and 0 files re-encrypted" in run()  # idempotent

    settings.FIELD_KEYS = [new]
    report = Report.objects.get()
    assert (report.reporter_name, report.reporter_contact) == (REPORTER_NAME, REPORTER_PHONE)
    attachment = Attachment.objects.get()
    assert attachment.original_name == "bukti.jpg"
    assert uploads.read(attachment.storage_name) == clean
    assert attachment.storage_name != old_file
    assert not (settings.MEDIA_ROOT / old_file).exists()


def test_rotation_re_encrypts_photos_staged_in_an_unfinished_whatsapp_report(office, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_KEYS = [old]
    contact = Contact.objects.create(office=office, wa_hash="h" * 64, wa_id="6281234567890")
    inbound = InboundMessage.objects.create(
        wamid="wamid.staged", contact=contact, kind="image", sent_at=timezone.now()
    )
    photo = jpeg_with_gps()
    StagedMedia.objects.create(
        contact=contact,
        inbound=inbound,
        content=encrypt_bytes(photo),
        content_type="image/jpeg",
        name="a.jpg",
    )

    settings.FIELD_KEYS = [new, old]
    run()
    settings.FIELD_KEYS = [new]
    staged = StagedMedia.objects.get()
    assert decrypt_bytes(bytes(staged.content)) == photo
    assert staged.name == "a.jpg"


def test_every_binary_column_is_known_to_the_rotation():
    """Binary columns hold encrypted file bytes here: one the command does not list would be lost with a key."""
    binary = {
        (model._meta.label, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.BinaryField)
    }
    assert binary == set(rotate_keys.TOKEN_COLUMNS)


def test_every_model_with_an_encrypted_file_is_known_to_the_rotation():
    """`storage_name` names a file written by jaring.lib.uploads, encrypted: one the command does not list
    would become unreadable once the old key is removed."""
    with_files = {
        model._meta.label
        for model in apps.get_models()
        if "storage_name" in {f.name for f in model._meta.fields}
    }
    assert with_files == set(rotate_keys.FILE_MODELS)
