"""Reading a screenshot or a flyer photo with Tesseract OCR (Debian tesseract-ocr + tesseract-ocr-ind).

The image stays in memory: it is decoded with Pillow, reduced to greyscale at a size Tesseract reads well, and
piped to `tesseract stdin stdout`; no file is written and nothing is kept. Every failure is an OcrError whose
message is for the user, in the active language.
"""

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .engine.model import default_model
from .engine.ruleset import default_rules

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 64_000_000  # a 50-megapixel phone photo of a flyer is read (decoded at reduced scale)
FORMATS = ("JPEG", "PNG", "WEBP")
# Longest side handed to Tesseract: phone screenshots keep their text ~30 px high, and a page stays < 2 s.
LONG_SIDE = 1800
SHORT_SIDE_MIN = 900  # small images are enlarged: Tesseract misses text under ~20 px
TIMEOUT_SECONDS = 8
GOOD_READING = 6  # corpus words in a reading that needs no second try
_COMMON = {"dan", "di", "ke", "yang", "untuk", "kerja", "gaji", "the", "and", "to", "of", "job", "salary"}
_WORD = re.compile(r"[^\W\d_]{2,}")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


class OcrError(Exception):
    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass
class Reading:
    text: str
    rotated: int  # degrees the image was turned to read it


def available() -> bool:
    return shutil.which("tesseract") is not None


def read_image(data: bytes) -> Reading:
    """The text in an image (JPEG, PNG, WebP; at most 10 MB and 64 megapixels), or OcrError."""
    image = _decode(data)
    low, high = image.getextrema()
    if high - low < 40:  # one flat colour: nothing to read, no need to ask Tesseract
        raise _no_text()
    text, angle = _tesseract(image), 0
    if _known(text) < GOOD_READING:
        # Sideways or upside down? Tesseract's orientation detection says how to turn it; read once more.
        angle = _orientation(image)
        if angle:
            turned = _tesseract(image.rotate(angle, expand=True))
            if _known(turned) > _known(text):
                text = turned
            else:
                angle = 0
    if len(_WORD.findall(text)) < 3:
        raise _no_text()
    if _known(text) < 3:
        raise OcrError(
            _(
                "Teks di gambar ini tidak dapat dibaca. Pembaca gambar hanya mengenal huruf Latin (bahasa Indonesia, "
                "Melayu, Inggris) dan gambar yang tajam; tempel teksnya atau terjemahannya."
            ),
            "script",
        )
    return Reading(text.strip(), angle)


def _too_many_pixels() -> OcrError:
    return OcrError(
        _(
            "Resolusi gambar terlalu besar (maksimal %(mp)s megapiksel). Kirim tangkapan layar atau foto yang "
            "lebih kecil."
        )
        % {"mp": MAX_PIXELS // 1_000_000},
        "pixels",
    )


def _no_text() -> OcrError:
    return OcrError(
        _(
            "Tidak ada teks yang terbaca di gambar ini. Kirim tangkapan layar yang lebih jelas, atau tempel teksnya."
        ),
        "no_text",
    )


def _decode(data: bytes) -> Image.Image:
    if not data:
        raise OcrError(_("Gambar kosong. Pilih tangkapan layar atau foto tawaran."), "empty")
    if len(data) > MAX_BYTES:
        raise OcrError(
            _("Gambar terlalu besar (maksimal %(max)s).") % {"max": filesizeformat(MAX_BYTES)}, "size"
        )
    unreadable = OcrError(_("Berkas ini bukan gambar JPG, PNG, atau WebP yang dapat dibaca."), "type")
    try:
        image = Image.open(io.BytesIO(data))
        if image.format not in FORMATS:
            raise unreadable
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise _too_many_pixels()
        if image.format == "JPEG":
            image.draft("L", (LONG_SIDE, LONG_SIDE))  # decode a big photo at 1/2, 1/4 or 1/8 scale: fast
        image.load()
        image = ImageOps.exif_transpose(image).convert("L")
    except OcrError:
        raise
    except Image.DecompressionBombError:  # Pillow refuses far over its own limit before we see the size
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise unreadable from None
    scale = min(1.0, LONG_SIDE / max(image.size))
    if min(image.size) * scale < SHORT_SIDE_MIN:
        scale = min(SHORT_SIDE_MIN / min(image.size), 3.0, LONG_SIDE * 1.5 / max(image.size))
    if abs(scale - 1.0) > 0.05:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS if scale > 1 else Image.Resampling.BILINEAR)
    return image


def _tesseract(image: Image.Image) -> str:
    return _run(image, ["-l", "ind", "--psm", "3"], check=True)


def _run(image: Image.Image, options: list[str], *, check: bool) -> str:
    if not available():
        raise OcrError(
            _("Pembaca gambar (OCR) belum terpasang di server ini. Tempel teksnya."), "unavailable"
        )
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1)
    try:
        done = subprocess.run(  # noqa: S603 - fixed argument list, image on stdin
            ["tesseract", "stdin", "stdout", *options],  # noqa: S607
            input=buffer.getvalue(),
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
            env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin:/usr/local/bin"},
        )
    except subprocess.TimeoutExpired:
        raise OcrError(
            _("Gambar terlalu lama dibaca. Potong gambarnya ke bagian teks tawaran saja."), "timeout"
        ) from None
    if done.returncode != 0 and check:
        raise OcrError(
            _("Gambar ini tidak dapat dibaca. Coba tangkapan layar lain atau tempel teksnya."), "failed"
        )
    return done.stdout.decode("utf-8", errors="replace")


def _known(text: str) -> int:
    """How many words of the reading are words of the corpus (garbage from a bad reading rarely is)."""
    vocabulary = _vocabulary()
    return sum(1 for w in _LATIN_WORD.findall(text.lower()) if w in vocabulary)


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    model = default_model()
    words = set(model.heads["risk"][1]) if model is not None else set()
    words |= set(default_rules().slang) | _COMMON
    return frozenset(w for w in words if w.isalpha() and len(w) >= 2)


def _orientation(image: Image.Image) -> int:
    """Degrees to turn the image counter-clockwise (Pillow's rotate) so its text stands upright; 0 if unsure."""
    out = _run(image, ["--psm", "0"], check=False)
    match = re.search(r"Rotate: (\d+)", out)
    # Tesseract's "Rotate" is clockwise; Pillow's rotate() turns counter-clockwise.
    return (360 - int(match.group(1))) % 360 if match else 0
