"""Small real files for media tests: a JPEG carrying GPS EXIF, an Ogg voice note, a PDF."""

import io

from PIL import Image


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "SecretPhone 12"  # Model
    gps = {1: "S", 2: (1.0, 8.0, 0.0), 3: "E", 4: (104.0, 2.0, 0.0)}
    exif[0x8825] = gps
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def ogg_voice() -> bytes:
    """The leading bytes of an Ogg Opus stream: enough for content sniffing (the pipeline stores audio as is)."""
    header = b"OggS\x00\x02" + b"\x00" * 20 + b"\x01\x13OpusHead\x01\x01\x38\x01\x80\xbb\x00\x00\x00\x00\x00"
    return header + b"\x00" * 200


def pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
