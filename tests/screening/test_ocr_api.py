"""POST /api/v1/screenings/image over HTTP, with screenshots the tests render themselves (Pillow, DejaVu)."""

import io
import shutil
import time

import pytest
from PIL import Image, ImageDraw, ImageFont

from jaring.screening.models import ScreeningStat

from .screenshots import FONT, chat_screenshot, encoded

# .ci/run installs Debian tesseract-ocr + tesseract-ocr-ind; elsewhere these are skipped with the reason.
pytestmark = pytest.mark.skipif(
    not shutil.which("tesseract"), reason="no tesseract: apt-get install tesseract-ocr tesseract-ocr-ind"
)

URL = "/api/v1/screenings/image"
MYAWADDY = "Dibutuhkan operator di Myawaddy, Myanmar, gaji 7 juta, DM"


def post_image(client, data: bytes, name: str = "layar.png", **extra):
    upload = io.BytesIO(data)
    upload.name = name
    return client.post(URL, data={"image": upload}, **extra)


def error_of(response) -> dict:
    assert response.status_code == 422, response.content
    (error,) = response.json()["detail"]
    assert error["field"] == "image"
    return error


@pytest.mark.django_db
def test_chat_screenshot_is_read_and_checked_and_not_stored(client):
    response = post_image(client, chat_screenshot(MYAWADDY + "\nModal paspor + 3 jt, pasti berangkat"))
    assert response.status_code == 200, response.content
    body = response.json()
    assert "Myawaddy" in body["recognised_text"] and body["rotated"] == 0
    verdict = body["screening"]
    assert verdict["risk_level"] == "tinggi"
    assert "destination_scam_hub" in {f["code"] for f in verdict["flags"]}
    assert not any("SISKOP2MI" in advice for advice in verdict["advice"])
    stats = ScreeningStat.objects.all()
    assert stats.filter(flag="", channel="api").get().count == 1
    assert not any("Myawaddy" in str(v) for row in stats.values() for v in row.values())


@pytest.mark.django_db
@pytest.mark.parametrize("image_format", ["JPEG", "WEBP"])
def test_jpeg_and_webp_screenshots_are_read(client, image_format):
    data = chat_screenshot("Lowongan kerja di Kamboja gaji 15 juta, visa turis", image_format=image_format)
    response = post_image(client, data, name="layar." + image_format.lower())
    assert response.status_code == 200, response.content
    assert "Kamboja" in response.json()["recognised_text"]


@pytest.mark.django_db
def test_sideways_screenshot_is_turned_and_read(client):
    turned = Image.open(io.BytesIO(chat_screenshot(MYAWADDY))).rotate(90, expand=True)
    response = post_image(client, encoded(turned))
    assert response.status_code == 200, response.content
    assert "Myawaddy" in response.json()["recognised_text"] and response.json()["rotated"] in (90, 270)


@pytest.mark.django_db
def test_file_that_is_not_an_image_gets_a_clear_message(client):
    error = error_of(post_image(client, b"%PDF-1.4 bukan gambar\n" * 50, name="tawaran.pdf"))
    assert "bukan gambar" in error["message"]


@pytest.mark.django_db
def test_decompression_bomb_is_refused_quickly(client):
    bomb = encoded(Image.new("1", (20_000, 20_000)))  # a few kB on disk, 400 megapixels decoded
    started = time.monotonic()
    error = error_of(post_image(client, bomb))
    assert "megapiksel" in error["message"]
    assert time.monotonic() - started < 5


@pytest.mark.django_db
def test_fifty_megapixel_photo_of_a_flyer_is_read(client):
    photo = Image.new("L", (8_160, 6_120), 235)
    draw = ImageDraw.Draw(photo)
    font = ImageFont.truetype(FONT, 260)
    draw.text((300, 1_500), "LOWONGAN KERJA KAMBOJA", font=font, fill=20)
    draw.text((300, 2_200), "Gaji 15 juta tanpa pengalaman", font=font, fill=20)
    response = post_image(client, encoded(photo, "JPEG"), name="foto.jpg")
    assert response.status_code == 200, response.content
    assert "KAMBOJA" in response.json()["recognised_text"].upper()


@pytest.mark.django_db
def test_blank_screenshot_says_no_text_was_found(client):
    error = error_of(post_image(client, encoded(Image.new("RGB", (1080, 2400), "white"))))
    assert "Tidak ada teks" in error["message"]


@pytest.mark.django_db
def test_unsupported_script_gets_a_clear_message_in_english_too(client):
    image = Image.new("RGB", (1080, 900), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 48)
    draw.text((40, 100), "مطلوب عمال للعمل في ماليزيا براتب جيد", font=font, fill="black")
    draw.text((40, 300), "اتصل بنا الآن على الواتساب", font=font, fill="black")
    error = error_of(post_image(client, encoded(image), HTTP_ACCEPT_LANGUAGE="en"))
    assert "Latin" in error["message"]
