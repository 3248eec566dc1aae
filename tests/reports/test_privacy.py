"""Privacy promises of Lapor: no IP anywhere, identity never in plain text, no photo metadata, sniffed types."""

import base64
import io
import json
import logging
import sqlite3

import pytest
from django.db import connection
from PIL import Image

from jaring.lib import uploads
from jaring.reports.models import Attachment, Report

from .conftest import ELF_HEADER, PE_HEADER, REPORTER_NAME, REPORTER_PHONE, jpeg_with_gps, upload

VISITOR_IP = "203.0.113.77"


def all_rows_text() -> str:
    """Every row of every table, as text."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def database_bytes(tmp_path) -> bytes:
    """The whole SQLite database as a file (pages, free space and all); elsewhere every row as text."""
    if connection.vendor != "sqlite":
        return all_rows_text().encode()
    connection.ensure_connection()
    target = tmp_path / "copy.sqlite3"
    destination = sqlite3.connect(target)
    connection.connection.backup(destination)
    destination.close()
    return target.read_bytes()


def cache_values_text() -> str:
    """The shipped database cache's keys and decoded values (they are stored as base64 pickles)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, value FROM jaring_cache")
        return "\n".join(f"{key} {base64.b64decode(value)!r}" for key, value in cursor.fetchall())


@pytest.mark.django_db(transaction=True)
def test_anonymous_reports_store_no_ip_in_any_table_or_log(client, office, caplog, settings):
    from jaring import settings as shipped

    settings.CACHES = shipped.CACHES  # the rate-limit counters go to the jaring_cache table, scanned below
    caplog.set_level(logging.DEBUG)
    page = client.get("/lapor/", REMOTE_ADDR=VISITOR_IP).content.decode()
    token = page.split('name="submission_token" value="')[1].split('"')[0]
    web = client.post(
        "/lapor/",
        {
            "submission_token": token,
            "category": "orang_asing",
            "description": "Orang asing bekerja di proyek tanpa izin.",
            "identity_mode": "anonim",
        },
        REMOTE_ADDR=VISITOR_IP,
    )
    api = client.post(
        "/api/v1/reports",
        json.dumps(
            {
                "category": "dokumen",
                "description": "Paspor dipinjamkan ke orang lain.",
                "identity_mode": "anonim",
            }
        ),
        content_type="application/json",
        REMOTE_ADDR=VISITOR_IP,
    )
    assert web.status_code == 200 and api.status_code == 201
    code = api.json()["tracking_code"]
    client.get(f"/api/v1/reports/{code}", HTTP_X_FOLLOW_UP_KEY="wrong", REMOTE_ADDR=VISITOR_IP)
    assert Report.objects.count() == 2
    assert VISITOR_IP not in all_rows_text()
    assert VISITOR_IP not in caplog.text
    cached = cache_values_text()
    assert ":rl:lapor-submit:" in cached and ":rl:lapor-cek-client:" in cached
    assert VISITOR_IP not in cached and VISITOR_IP.encode().hex() not in cached


@pytest.mark.django_db(transaction=True)
def test_identity_and_reporter_phone_never_reach_the_database_file_in_plain_text(client, office, tmp_path):
    response = client.post(
        "/api/v1/reports",
        json.dumps(
            {
                "category": "tppo",
                "description": "Saya melihat penampungan calon pekerja di ruko.",
                "identity_mode": "rahasia",
                "reporter_name": REPORTER_NAME,
                "reporter_contact": REPORTER_PHONE,
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 201
    report = Report.objects.get()
    assert report.reporter_name == REPORTER_NAME  # decrypts for the application
    data = database_bytes(tmp_path)
    assert b"ruko" in data  # the check sees plain text where there is some
    digits = "".join(ch for ch in REPORTER_PHONE if ch.isdigit())
    for needle in (REPORTER_NAME, "Rahmawati", REPORTER_PHONE, digits, "62" + digits[1:]):
        assert needle.encode() not in data, needle


def test_uploaded_jpeg_is_stored_without_exif_or_gps_and_upright(client, office):
    original = jpeg_with_gps()
    assert b"Pixel 7 Pro" in original and Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
    response = client.post(
        "/api/v1/reports",
        {
            "category": "perekrut",
            "description": "Foto brosur lowongan palsu.",
            "identity_mode": "anonim",
            "files": [upload("IMG_2024_lokasi.jpg", original)],
        },
    )
    assert response.status_code == 201, response.content
    attachment = Attachment.objects.get()
    stored_raw = uploads.read_raw(attachment.storage_name)
    assert b"Pixel" not in stored_raw and b"\xff\xd8" not in stored_raw[:4]  # encrypted at rest
    clean = uploads.read(attachment.storage_name)
    image = Image.open(io.BytesIO(clean))
    assert not image.getexif() and "exif" not in image.info and "icc_profile" not in image.info
    assert b"Exif" not in clean and b"Pixel 7 Pro" not in clean and b"Google" not in clean
    assert image.size == (48, 64)  # orientation 6 applied before the tag was dropped
    assert attachment.metadata_removed and attachment.sha256 and attachment.size == len(clean)


@pytest.mark.parametrize("header", [ELF_HEADER, PE_HEADER], ids=["elf", "pe"])
def test_renamed_executable_posing_as_jpeg_is_refused_on_web_and_api(client, office, settings, header):
    api = client.post(
        "/api/v1/reports",
        {
            "category": "tppo",
            "description": "Lihat lampiran foto bukti.",
            "identity_mode": "anonim",
            "files": [upload("bukti.jpg", header)],
        },
    )
    assert api.status_code == 422
    messages = [d["message"] for d in api.json()["detail"] if d["field"] == "files"]
    assert messages and "bukti.jpg: jenis berkas ini tidak diterima" in messages[0]

    page = client.get("/lapor/").content.decode()
    token = page.split('name="submission_token" value="')[1].split('"')[0]
    web = client.post(
        "/lapor/",
        {
            "submission_token": token,
            "category": "tppo",
            "description": "Lihat lampiran foto bukti.",
            "identity_mode": "anonim",
            "files": [upload("bukti.jpg", header)],
        },
    )
    html = web.content.decode()
    assert "jenis berkas ini tidak diterima" in html and "Lihat lampiran foto bukti." in html
    assert Report.objects.count() == 0 and Attachment.objects.count() == 0
    media = settings.MEDIA_ROOT / "attachments"
    assert not media.exists() or not any(media.iterdir())


def test_file_type_is_decided_by_content_not_by_name():
    png = io.BytesIO()
    Image.new("RGB", (4, 4)).save(png, "PNG")
    clean = uploads.prepare(io.BytesIO(png.getvalue()), name="foto.jpg")
    assert clean.content_type == "image/png" and clean.extension == "png"
    pdf = uploads.prepare(
        io.BytesIO(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"), name="surat.exe"
    )
    assert pdf.content_type == "application/pdf" and pdf.metadata_removed is False
    ogg = uploads.prepare(io.BytesIO(b"OggS\x00\x02" + b"\x00" * 100), name="voice.opus")
    assert ogg.content_type == "audio/ogg"


def test_too_many_or_too_large_files_are_refused(settings):
    settings.ATTACHMENT_MAX_BYTES = 1000
    settings.ATTACHMENT_MAX_FILES = 2
    with pytest.raises(Exception, match="terlalu besar"):
        uploads.prepare(io.BytesIO(b"%PDF-" + b"x" * 2000), name="besar.pdf")
    with pytest.raises(Exception, match="Paling banyak 2 berkas"):
        uploads.prepare_many([io.BytesIO(b"%PDF-1")] * 3)
