"""A full conversation: menu, job-offer check, a report with a photo, officer replies inside and outside 24 h."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from PIL import Image

from jaring.channels.models import Contact, OutboundMessage
from jaring.lib import uploads
from jaring.reports.models import Report
from jaring.reports.services import report_reply
from tests.channels import images, payloads

SCAM_OFFER = (
    "Lowongan kerja admin di Kamboja, gaji 25 juta per bulan, tanpa pengalaman. Berangkat minggu depan pakai "
    "visa turis, tiket ditanggung, paspor dipegang agen. Hubungi 081298765432."
)


@pytest.mark.django_db
def test_full_conversation_check_report_with_photo_and_officer_replies(chat, graph, petugas):
    menu = chat.send("halo")
    assert "1 Cek tawaran kerja" in menu and "4 Bicara dengan petugas" in menu

    assert "Tempel teks tawaran kerja" in chat.send("1")
    verdict = chat.send(SCAM_OFFER)
    assert "risiko TINGGI" in verdict
    assert "Alasan utama:" in verdict and "Saran:" in verdict
    assert "https://jaring.example/cek-tawaran/" in verdict

    assert "1 Cek tawaran kerja" in chat.send("menu")
    intro = chat.send("2")
    assert "tidak anonim" in intro and "https://jaring.example/lapor/" in intro
    assert "3 Perekrut atau tawaran kerja mencurigakan" in intro
    assert "Ceritakan apa yang terjadi" in chat.send("3")
    assert "Di mana kejadiannya" in chat.send(
        "Ada perekrut yang menawari adik saya kerja di Kamboja pakai visa turis."
    )
    assert "Siapa saja yang terlibat" in chat.send("Batu Aji, Batam")
    assert "KIRIM" in chat.send("081298765432\nPT Maju Jaya Sejahtera")
    graph.add_media("media-photo-1", images.jpeg_with_gps(), "image/jpeg")
    assert "Berkas diterima (1 dari 5)" in chat.send_payload(
        payloads.image("media-photo-1", caption="brosurnya")
    )
    receipt = chat.send("KIRIM")

    report = Report.objects.get()
    assert report.tracking_code in receipt and "Kunci tindak lanjut" in receipt
    assert report.channel == "whatsapp" and report.identity_mode == "rahasia"
    assert report.category == "perekrut" and report.location_text == "Batu Aji, Batam"
    assert report.reporter_contact == "+6281234567890" and report.reporter_name == "Siti"
    assert {(p.kind, p.value) for p in report.parties.all()} == {
        ("phone", "081298765432"),
        ("company", "PT Maju Jaya Sejahtera"),
    }
    attachment = report.attachments.get()
    assert attachment.metadata_removed
    stored = Image.open(__import__("io").BytesIO(uploads.read(attachment.storage_name)))
    assert not stored.getexif()  # no GPS, no camera model
    # The follow-up key was sent once and is not kept: the stored copy of the receipt is blanked.
    key = receipt.split("Kunci tindak lanjut: ")[1].split()[0]
    assert all(key not in out.body for out in OutboundMessage.objects.all())

    # An officer replies inside the 24-hour window: a free-form text reaches the chat.
    with chat.capture(execute=True):  # the send is queued for after commit
        report_reply(report=report, author=petugas, body="Terima kasih, laporan sedang kami periksa.")
    assert "Terima kasih, laporan sedang kami periksa." in graph.texts()[-1]
    assert report.tracking_code in graph.texts()[-1]

    # More than 24 hours later: only the approved template goes out; the text waits for the user.
    Contact.objects.update(last_inbound_at=timezone.now() - timedelta(hours=25))
    sent_before = len(graph.texts())
    with chat.capture(execute=True):
        report_reply(report=report, author=petugas, body="Mohon kirim foto paspor yang dipegang agen.")
    assert len(graph.texts()) == sent_before
    template = graph.templates()[-1]
    assert template["name"] == "jaring_balasan_petugas"
    assert template["components"][0]["parameters"] == [{"type": "text", "text": report.tracking_code}]
    held = OutboundMessage.objects.get(status="held")
    assert "foto paspor" in held.body

    # The user answers the template: the waiting reply is delivered, and their next words go to the report.
    answers = chat.send("Baik pak")
    assert "Mohon kirim foto paspor yang dipegang agen." in answers
    assert "Diteruskan ke petugas" in chat.send("Paspornya masih di agen, nanti saya foto.")
    assert report.messages.filter(author_kind="pelapor", channel="whatsapp").count() == 2


@pytest.mark.django_db
def test_phone_number_and_story_are_not_in_the_database_in_clear(chat, graph):
    chat.send("2")
    chat.send("1")
    chat.send("Saya dijanjikan kerja di Malaysia tapi dibawa ke Kamboja.")
    chat.send("lewati")
    chat.send("lewati")
    chat.send("kirim")
    assert Report.objects.count() == 1
    with connection.cursor() as cursor:
        for table, column in [
            ("channels_contact", "wa_id"),
            ("reports_report", "reporter_contact"),
            ("channels_inboundmessage", "body"),
            ("channels_outboundmessage", "body"),
        ]:
            cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 - fixed names
            for (value,) in cursor.fetchall():
                assert "6281234567890" not in (value or "")
                assert "Kamboja" not in (value or "")
