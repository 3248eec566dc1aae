"""WhatsApp media through the Lapor upload pipeline: voice notes, documents, too big, failed downloads."""

import pytest
from django.test import override_settings

from jaring.channels.models import StagedMedia
from jaring.reports.models import Attachment, Report
from tests.channels import images, payloads


def _to_story_step(chat) -> None:  # type: ignore[no-untyped-def]
    chat.send("2")
    chat.send("1")


@pytest.mark.django_db
def test_voice_note_can_tell_the_story_and_is_attached(chat, graph):
    _to_story_step(chat)
    graph.add_media("voice-1", images.ogg_voice(), "audio/ogg; codecs=opus")
    answer = chat.send_payload(payloads.voice("voice-1"))
    assert "Di mana kejadiannya" in answer
    chat.send("lewati")
    chat.send("lewati")
    chat.send("kirim")
    report = Report.objects.get()
    assert "pesan suara" in report.description
    attachment = report.attachments.get()
    assert attachment.content_type == "audio/ogg" and not attachment.metadata_removed
    # The media was fetched by id, then downloaded from the announced URL, both with the bearer token.
    gets = [r for r in graph.requests if r.method == "GET"]
    assert [r.path for r in gets] == ["/voice-1", "/download/voice-1"]
    assert all(r.authorization == "Bearer test-access-token" for r in gets)


@pytest.mark.django_db
def test_pdf_document_is_kept_with_its_name(chat, graph):
    _to_story_step(chat)
    chat.send("Surat kontrak dari agen tidak jelas, ini dokumennya.")
    chat.send("lewati")
    chat.send("lewati")
    graph.add_media("doc-1", images.pdf(), "application/pdf")
    assert "Berkas diterima (1 dari 5)" in chat.send_payload(payloads.document("doc-1", "kontrak.pdf"))
    chat.send("KIRIM")
    attachment = Attachment.objects.get()
    assert attachment.original_name == "kontrak.pdf" and attachment.content_type == "application/pdf"


@pytest.mark.django_db
def test_media_announced_too_big_is_not_downloaded(chat, graph):
    _to_story_step(chat)
    graph.add_media("big-1", images.jpeg_with_gps(), "image/jpeg", file_size=50 * 1024 * 1024)
    answer = chat.send_payload(payloads.image("big-1"))
    assert "terlalu besar" in answer
    assert not any(r.path.startswith("/download/") for r in graph.requests)
    assert not StagedMedia.objects.exists()


@pytest.mark.django_db
def test_media_bigger_than_announced_is_cut_off_and_refused(chat, graph):
    _to_story_step(chat)
    graph.add_media("lie-1", b"\xff\xd8\xff" + b"0" * 5000, "image/jpeg", file_size=10)
    with override_settings(ATTACHMENT_MAX_BYTES=1000):
        answer = chat.send_payload(payloads.image("lie-1"))
    assert "terlalu besar" in answer
    assert not StagedMedia.objects.exists()


@pytest.mark.django_db
def test_media_that_cannot_be_downloaded_gets_a_polite_answer(chat, graph):
    _to_story_step(chat)
    answer = chat.send_payload(payloads.image("missing-media"))  # the fake server does not know this id
    assert "tidak dapat kami unduh" in answer
    assert not StagedMedia.objects.exists()


@pytest.mark.django_db
def test_a_file_posing_as_a_photo_is_refused(chat, graph):
    _to_story_step(chat)
    graph.add_media("exe-1", b"MZ\x90\x00" + b"\x00" * 400, "image/jpeg")
    answer = chat.send_payload(payloads.image("exe-1"))
    assert "tidak diterima" in answer
    assert not StagedMedia.objects.exists()


@pytest.mark.django_db
def test_sixth_file_is_refused_politely(chat, graph):
    _to_story_step(chat)
    chat.send("Perekrut mengirim banyak brosur palsu lewat WhatsApp.")
    chat.send("lewati")
    chat.send("lewati")
    for n in range(5):
        graph.add_media(f"p{n}", images.jpeg_with_gps(), "image/jpeg")
        chat.send_payload(payloads.image(f"p{n}"))
    graph.add_media("p5", images.jpeg_with_gps(), "image/jpeg")
    assert "batas satu laporan" in chat.send_payload(payloads.image("p5"))
    chat.send("kirim")
    assert Report.objects.get().attachments.count() == 5
    assert not StagedMedia.objects.exists()


@pytest.mark.django_db
def test_photo_sent_in_the_menu_is_not_downloaded(chat, graph):
    graph.add_media("p1", images.jpeg_with_gps(), "image/jpeg")
    assert "pilih 2 (Lapor)" in chat.send_payload(payloads.image("p1", caption="lihat ini"))
    assert not any(r.method == "GET" for r in graph.requests)


@pytest.mark.django_db
def test_photo_after_the_report_is_added_to_its_thread(chat, graph):
    _to_story_step(chat)
    chat.send("Ada penampungan calon pekerja di ruko dekat pelabuhan.")
    chat.send("lewati")
    chat.send("lewati")
    chat.send("kirim")
    graph.add_media("later", images.jpeg_with_gps(), "image/jpeg")
    assert "Diteruskan ke petugas" in chat.send_payload(payloads.image("later", caption="foto rukonya"))
    message = Report.objects.get().messages.get()
    assert message.body == "foto rukonya" and message.attachments.count() == 1
