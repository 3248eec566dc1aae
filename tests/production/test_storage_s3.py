"""Attachments and outreach photos on a real S3-compatible server (moto): encrypted before they leave the
process, private, readable back through the application only."""

import io
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from PIL import Image

from jaring.accounts.services import api_token_create
from jaring.lib import uploads
from jaring.outreach.services.events import EventInput, event_create
from jaring.outreach.services.photos import event_photo_add
from jaring.reports.models import Attachment
from tests.production.conftest import s3_client
from tests.reports.conftest import jpeg_with_gps, upload

pytestmark = pytest.mark.django_db
PUBLIC_GRANTEES = (
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
)


def _objects(endpoint: str, bucket: str) -> list[str]:
    return [o["Key"] for o in s3_client(endpoint).list_objects_v2(Bucket=bucket).get("Contents", [])]


def _assert_private_ciphertext(endpoint: str, bucket: str, key: str) -> bytes:
    client = s3_client(endpoint)
    body = client.get_object(Bucket=bucket, Key=key)["Body"].read()
    assert body.startswith(b"gAAAAA")  # a Fernet token: encrypted in the process before the upload
    assert b"JFIF" not in body and b"Exif" not in body
    grants = client.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    assert not [g for g in grants if g["Grantee"].get("URI") in PUBLIC_GRANTEES]
    return body


def test_an_api_attachment_is_stored_encrypted_and_private_in_s3(office, supervisor, s3_files, s3_endpoint):
    client = Client()
    response = client.post(
        "/api/v1/reports",
        {"category": "perekrut", "description": "Foto brosur agen.", "identity_mode": "anonim",
         "files": [upload("brosur.jpg", jpeg_with_gps())]},
    )  # fmt: skip
    assert response.status_code == 201, response.content
    attachment = Attachment.objects.get()
    assert _objects(s3_endpoint, s3_files) == [attachment.storage_name]
    _assert_private_ciphertext(s3_endpoint, s3_files, attachment.storage_name)

    _token, plain = api_token_create(user=supervisor, name="test")
    code = response.json()["tracking_code"]
    served = client.get(
        f"/api/v1/staff/reports/{code}/attachments/{attachment.pk}", HTTP_AUTHORIZATION=f"Bearer {plain}"
    )
    assert served.status_code == 200
    content = b"".join(served.streaming_content) if served.streaming else served.content
    assert content == uploads.read(attachment.storage_name)
    assert Image.open(io.BytesIO(content)).format == "JPEG"


def test_an_outreach_photo_is_stored_encrypted_in_s3(office, supervisor, s3_files, s3_endpoint):
    start = timezone.now() - timedelta(days=1)
    data = EventInput(
        title="Penyuluhan TPPO", kind="penyuluhan", starts_at=start, ends_at=start + timedelta(hours=2)
    )
    event = event_create(actor=supervisor, office=office, data=data)
    [photo] = event_photo_add(actor=supervisor, event=event, files=[upload("kegiatan.jpg", jpeg_with_gps())])
    assert photo.storage_name in _objects(s3_endpoint, s3_files)
    _assert_private_ciphertext(s3_endpoint, s3_files, photo.storage_name)
    assert Image.open(io.BytesIO(uploads.read(photo.storage_name))).format == "JPEG"


def test_deleting_removes_the_object(s3_files, s3_endpoint):
    name = uploads.store(uploads.prepare(io.BytesIO(jpeg_with_gps()), name="x.jpg"))
    assert name in _objects(s3_endpoint, s3_files)
    uploads.delete(name)
    uploads.delete(name)  # already gone: not an error
    assert name not in _objects(s3_endpoint, s3_files)
