"""Draw the site's icons and share image into src/jaring/static/jaring/ (run by hand; the files are committed).

    .venv/bin/python tools/make_site_images.py

The icon is the SVG mark (favicon.svg, hand-written) drawn again with Pillow for browsers and apps that want a
PNG or ICO; the share image (1200x630, the OpenGraph size WhatsApp and Facebook show) adds the name and the
line the home page opens with. Text needs DejaVu Sans (Debian: fonts-dejavu-core).
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "src" / "jaring" / "static" / "jaring"
BRAND = (11, 79, 138)  # --brand in jaring.css
DARK = (8, 58, 102)
WHITE = (255, 255, 255)
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
FONT_REGULAR = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def mark(size: int, tile: tuple[int, int, int] = BRAND) -> Image.Image:
    """The mark of favicon.svg (a 64-unit square): a blue tile, a net of three threads, a white J."""
    scale = size / 64
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=round(12 * scale), fill=tile)
    thread = (255, 255, 255, 110)
    for y in (20, 32, 44):
        draw.line((8 * scale, y * scale, 56 * scale, y * scale), fill=thread, width=max(1, round(2 * scale)))
    # The J: a stem and a hook, as in the SVG path.
    width = max(2, round(9 * scale))
    draw.line((38 * scale, 12 * scale, 38 * scale, 40 * scale), fill=WHITE, width=width)
    # Pillow strokes an arc inside its box; the SVG centres the stroke on the path, hence the 4.5 margin.
    draw.arc(
        (9.5 * scale, 23.5 * scale, 42.5 * scale, 56.5 * scale), start=0, end=180, fill=WHITE, width=width
    )
    return image


def share_image() -> Image.Image:
    image = Image.new("RGB", (1200, 630), BRAND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 500, 1200, 630), fill=DARK)
    icon = mark(220, DARK)
    image.paste(icon, (90, 140), icon)
    title = ImageFont.truetype(str(FONT), 120)
    line = ImageFont.truetype(str(FONT_REGULAR), 44)
    small = ImageFont.truetype(str(FONT_REGULAR), 36)
    draw.text((360, 150), "Jaring", font=title, fill=WHITE)
    draw.text((364, 300), "Bekerja ke luar negeri:", font=line, fill=WHITE)
    draw.text((364, 356), "pastikan aman dan resmi.", font=line, fill=WHITE)
    draw.text((90, 540), "Cek tawaran kerja · Lapor · Kantor Imigrasi", font=small, fill=WHITE)
    return image


def main() -> None:
    mark(180).save(OUT / "apple-touch-icon.png", optimize=True)
    mark(32).save(OUT / "favicon-32.png", optimize=True)
    mark(48).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    share_image().save(OUT / "share.png", optimize=True)


if __name__ == "__main__":
    main()
