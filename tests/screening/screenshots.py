"""Screenshots rendered by the tests themselves: a phone chat screen with a message bubble (Pillow, DejaVu)."""

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def chat_screenshot(
    message: str, *, size: tuple[int, int] = (1080, 2400), image_format: str = "PNG"
) -> bytes:
    """A WhatsApp-like screen: header bar, one incoming green-grey bubble with the message, at phone size."""
    width, height = size
    image = Image.new("RGB", size, (236, 229, 221))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 160), fill=(7, 94, 84))
    title = ImageFont.truetype(FONT, 44)
    draw.text((40, 55), "Info Loker 0812-0000-1234", font=title, fill="white")
    font = ImageFont.truetype(FONT, 40)
    lines = []
    for paragraph in message.split("\n"):
        lines += textwrap.wrap(paragraph, width=38) or [""]
    line_height = 54
    bubble = (40, 260, width - 140, 260 + 60 + line_height * len(lines))
    draw.rounded_rectangle(bubble, radius=28, fill=(255, 255, 255))
    for number, line in enumerate(lines):
        draw.text((80, 290 + number * line_height), line, font=font, fill=(17, 27, 33))
    draw.text((width - 290, bubble[3] - 50), "10.42", font=ImageFont.truetype(FONT, 28), fill=(102, 119, 129))
    out = io.BytesIO()
    image.save(out, image_format)
    return out.getvalue()


def encoded(image: Image.Image, image_format: str = "PNG") -> bytes:
    out = io.BytesIO()
    image.save(out, image_format)
    return out.getvalue()
