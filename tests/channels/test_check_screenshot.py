"""WhatsApp "Cek tawaran" with a screenshot: fetched from the (fake) Graph API, read by OCR, echoed, checked."""

import shutil

import pytest
from PIL import Image

from jaring.channels.models import StagedMedia
from jaring.reports.models import Attachment
from tests.channels import images, payloads
from tests.screening.screenshots import chat_screenshot, encoded

# .ci/run installs Debian tesseract-ocr + tesseract-ocr-ind; elsewhere these are skipped with the reason.
pytestmark = pytest.mark.skipif(
    not shutil.which("tesseract"), reason="no tesseract: apt-get install tesseract-ocr tesseract-ocr-ind"
)

OFFER = "Dibutuhkan operator di Myawaddy, Myanmar, gaji 7 juta, DM"


@pytest.mark.django_db
def test_screenshot_in_check_mode_is_read_echoed_and_judged(chat, graph):
    chat.send("1")
    graph.add_media("shot-1", chat_screenshot(OFFER, image_format="JPEG"), "image/jpeg")
    answer = chat.send_payload(payloads.image("shot-1"))
    assert "Teks yang terbaca dari gambar" in answer and "Myawaddy" in answer
    assert "risiko TINGGI" in answer and "Tolak tawaran ini" in answer
    # The image was read and forgotten: nothing staged for a report, nothing attached.
    assert not StagedMedia.objects.exists() and not Attachment.objects.exists()


@pytest.mark.django_db
def test_blank_screenshot_in_check_mode_gets_a_clear_answer(chat, graph):
    chat.send("1")
    graph.add_media("blank-1", encoded(Image.new("RGB", (1080, 2400), "white"), "JPEG"), "image/jpeg")
    assert "Tidak ada teks yang terbaca" in chat.send_payload(payloads.image("blank-1"))


@pytest.mark.django_db
def test_document_in_check_mode_asks_for_text_or_a_screenshot(chat, graph):
    chat.send("1")
    graph.add_media("doc-1", images.pdf(), "application/pdf")
    assert "tangkapan layar" in chat.send_payload(payloads.document("doc-1", "tawaran.pdf"))
