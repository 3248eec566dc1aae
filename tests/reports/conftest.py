"""Helpers for Lapor tests: real files (a JPEG with GPS EXIF, an ELF binary) and a valid submission."""

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from jaring.reports.services import report_submit

ELF_HEADER = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00\x01\x00\x00\x00" + b"\x00" * 200
PE_HEADER = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 44
    + b"PE\x00\x00"
    + b"\x00" * 200
)
REPORTER_PHONE = "0813-7777-4321"
REPORTER_NAME = "Siti Rahmawati Kusumaningtyas"


def jpeg_with_gps(size: tuple[int, int] = (64, 48)) -> bytes:
    """A real JPEG whose EXIF carries a camera model, a GPS position and orientation 6 (rotated)."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x0110] = "Pixel 7 Pro"  # Model
    exif[0x010F] = "Google"  # Make
    exif[0x0112] = 6  # Orientation: rotate 90 degrees clockwise to display
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (1.0, 7.0, 30.0)
    gps[3] = "E"
    gps[4] = (104.0, 2.0, 15.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def valid_fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "category": "perekrut",
        "description": "Ada perekrut menawarkan kerja di Kamboja dengan gaji 20 juta tanpa keahlian.",
        "identity_mode": "anonim",
    }
    fields.update(overrides)
    return fields


@pytest.fixture
def submitted(office):
    """An anonymous report with one phone party and its follow-up key."""
    report, key = report_submit(
        office=office, parties=[{"kind": "phone", "value": "0812-1111-2222"}], **valid_fields()
    )
    return report, key
