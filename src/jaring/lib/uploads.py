"""Uploaded files from the public: sniffed, limited, cleaned of metadata, encrypted, stored under a random name.

Used by Lapor (web, API), WhatsApp media and outreach. The type is decided by the content (the `filetype`
library), never by the name or the browser's Content-Type. Images are decoded and re-encoded with Pillow after
applying the EXIF orientation, so EXIF/GPS/XMP/maker notes and device ICC profiles never reach storage.
PDFs and audio are stored as received (encrypted) and marked `metadata_removed=False` for the officer.
"""

import contextlib
import hashlib
import io
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePath
from typing import IO, Any

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from jaring.lib.crypto import decrypt_bytes, encrypt_bytes

# content type -> (extension, Pillow format or None when the bytes are kept as they are)
ALLOWED: dict[str, tuple[str, str | None]] = {
    "image/jpeg": ("jpg", "JPEG"),
    "image/png": ("png", "PNG"),
    "image/webp": ("webp", "WEBP"),
    "application/pdf": ("pdf", None),
    "audio/ogg": ("ogg", None),  # WhatsApp voice notes (Opus in Ogg)
    "audio/mpeg": ("mp3", None),
    "audio/mp4": ("m4a", None),
    "audio/aac": ("aac", None),
    "audio/amr": ("amr", None),
    "audio/x-wav": ("wav", None),
}
# Larger images are refused before decoding (decompression bombs); a 50 MP photo is already unusual.
MAX_PIXELS = 50_000_000
STORAGE_DIR = "attachments"


@dataclass(frozen=True)
class CleanFile:
    """A file ready to store: `content` is what the officer will get back (images already re-encoded)."""

    content: bytes
    content_type: str
    extension: str
    original_name: str
    metadata_removed: bool

    @property
    def size(self) -> int:
        return len(self.content)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


def allowed_types_text() -> str:
    return _("foto (JPG, PNG, WebP), PDF, atau rekaman suara (OGG/Opus, MP3, M4A, AAC, AMR, WAV)")


def safe_name(name: str) -> str:
    """The base name only (no folders), printable, at most 150 characters: shown to officers, never a path."""
    base = PurePath(str(name).replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if ch.isprintable()).strip()
    return cleaned[-150:] or "berkas"


def sniff(data: bytes) -> str | None:
    """The content type from the file's leading bytes, or None when the content is not recognised."""
    kind = filetype.guess(data[:8192])
    return kind.mime if kind else None


def _read_limited(upload: IO[bytes] | Any, limit: int) -> bytes:
    if hasattr(upload, "seek"):
        upload.seek(0)
    if hasattr(upload, "chunks"):
        parts, total = [], 0
        for chunk in upload.chunks():
            parts.append(chunk)
            total += len(chunk)
            if total > limit:
                break
        return b"".join(parts)
    return upload.read(limit + 1)


def prepare(upload: IO[bytes] | Any, name: str | None = None) -> CleanFile:
    """Checks and cleans one upload; raises ValidationError with a message naming the file."""
    shown = safe_name(name if name is not None else getattr(upload, "name", ""))
    limit = settings.ATTACHMENT_MAX_BYTES
    declared = getattr(upload, "size", None)
    if declared is not None and declared > limit:
        raise _too_big(shown, limit)
    data = _read_limited(upload, limit)
    if len(data) > limit:
        raise _too_big(shown, limit)
    if not data:
        raise ValidationError(_("%(name)s: berkas kosong.") % {"name": shown}, code="empty")
    content_type = sniff(data)
    if content_type not in ALLOWED:
        raise ValidationError(
            _("%(name)s: jenis berkas ini tidak diterima. Yang diterima: %(types)s.")
            % {"name": shown, "types": allowed_types_text()},
            code="type",
        )
    extension, image_format = ALLOWED[content_type]
    if image_format is None:
        return CleanFile(data, content_type, extension, shown, metadata_removed=False)
    return CleanFile(_reencode(data, image_format, shown), content_type, extension, shown, True)


def prepare_many(uploads: Iterable[Any]) -> list[CleanFile]:
    """All uploads of one message, or a ValidationError listing every problem (nothing is stored)."""
    uploads = [u for u in uploads if u is not None]
    if len(uploads) > settings.ATTACHMENT_MAX_FILES:
        raise ValidationError(
            _("Paling banyak %(n)s berkas sekali kirim.") % {"n": settings.ATTACHMENT_MAX_FILES}, code="count"
        )
    cleaned, errors = [], []
    for upload in uploads:
        try:
            cleaned.append(prepare(upload))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    return cleaned


def _too_big(name: str, limit: int) -> ValidationError:
    return ValidationError(
        _("%(name)s: berkas terlalu besar (maksimal %(max)s).")
        % {"name": name, "max": filesizeformat(limit)},
        code="size",
    )


def _reencode(data: bytes, image_format: str, name: str) -> bytes:
    unreadable = ValidationError(
        _("%(name)s: foto tidak dapat dibaca; coba kirim ulang sebagai JPG atau PNG.") % {"name": name},
        code="image",
    )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    _("%(name)s: ukuran foto terlalu besar (maksimal %(mp)s megapiksel).")
                    % {"name": name, "mp": MAX_PIXELS // 1_000_000},
                    code="pixels",
                )
            probe.load()
            image = ImageOps.exif_transpose(probe)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise unreadable from None
    image = _to_srgb(image)
    # A fresh info dict: EXIF, XMP, ICC, comments and maker notes are not carried into the new file.
    transparency = image.info.get("transparency")
    image.info = {"transparency": transparency} if transparency is not None else {}
    out = io.BytesIO()
    if image_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=88)
    elif image_format == "WEBP":
        image.save(out, "WEBP", quality=85)
    else:
        image.save(out, "PNG")
    return out.getvalue()


def _to_srgb(image: Image.Image) -> Image.Image:
    """Converts pixels from an embedded ICC profile (which may name the device) to plain sRGB, then drops it."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        converted = ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=image.mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image
    return converted or image


def store(clean: CleanFile) -> str:
    """Encrypts and writes the file under a random name; returns the storage name (never the original name)."""
    name = f"{STORAGE_DIR}/{secrets.token_hex(16)}.bin"
    return default_storage.save(name, ContentFile(encrypt_bytes(clean.content)))


def read(storage_name: str) -> bytes:
    with default_storage.open(storage_name, "rb") as handle:
        return decrypt_bytes(handle.read())


def read_raw(storage_name: str) -> bytes:
    with default_storage.open(storage_name, "rb") as handle:
        return handle.read()


def write_raw(token: bytes) -> str:
    """Writes an already encrypted token under a new random name (used by key rotation)."""
    name = f"{STORAGE_DIR}/{secrets.token_hex(16)}.bin"
    return default_storage.save(name, ContentFile(token))


def delete(storage_name: str) -> None:
    """Removes a stored file; a file already gone is not an error (cleanup after a failed transaction)."""
    with contextlib.suppress(FileNotFoundError):
        default_storage.delete(storage_name)
