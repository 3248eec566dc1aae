"""Speed of checking a screenshot: OCR (Tesseract, Indonesian) + check, for a phone chat screenshot
(1080 x 2400 PNG, rendered here with Pillow and DejaVu) and a 12-megapixel JPEG photo of a flyer.

Budget (DESIGN.md): <= 2 s for a phone screenshot. Prints wall and CPU time per image (median of --runs) and the
machine facts. Usage: .venv/bin/python benchmarks/bench_ocr.py [--runs 5]
"""

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jaring.settings")

import django  # noqa: E402

django.setup()

from bench_screening import machine  # noqa: E402
from PIL import Image, ImageDraw, ImageFont  # noqa: E402

from jaring.screening import ocr  # noqa: E402
from jaring.screening.engine import screen  # noqa: E402
from tests.screening.screenshots import FONT, chat_screenshot  # noqa: E402

OFFER = (
    "Halo kak, ada lowongan admin di Sihanoukville, Kamboja. Gaji 12 juta per bulan, tanpa pengalaman, "
    "tiket dan visa ditanggung perusahaan. Berangkat minggu depan, cukup bawa paspor.\n"
    "Minat? Kirim foto KTP ke WA 0812-0000-1234 ya"
)


def flyer_photo() -> bytes:
    image = Image.new("RGB", (4000, 3000), (250, 244, 230))
    draw = ImageDraw.Draw(image)
    big, small = ImageFont.truetype(FONT, 180), ImageFont.truetype(FONT, 110)
    draw.text((200, 300), "LOWONGAN KERJA MALAYSIA", font=big, fill=(180, 20, 20))
    for number, line in enumerate(
        ["Operator kilang, gaji RM 3.500", "Tanpa pengalaman, visa turis", "Hubungi 0812-0000-5678"]
    ):
        draw.text((200, 900 + number * 220), line, font=small, fill=(20, 20, 20))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def timed(data: bytes, runs: int) -> tuple[float, float, str]:
    walls, cpus, text = [], [], ""
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time() + _children()
        text = ocr.read_image(data).text
        screen(text)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() + _children() - cpu)
    return statistics.median(walls), statistics.median(cpus), text


def _children() -> float:
    usage = os.times()
    return usage.children_user + usage.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    for name, data in (
        ("phone chat screenshot 1080x2400 PNG", chat_screenshot(OFFER)),
        ("flyer photo 12 MP JPEG", flyer_photo()),
    ):
        wall, cpu, text = timed(data, args.runs)
        words = len(text.split())
        print(
            f"{name}: median {wall:.2f} s wall, {cpu:.2f} s CPU (OCR + check; {words} words read) (budget <= 2 s)"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
