"""WhatsApp media through the Lapor upload pipeline: voice notes, documents, too big, failed downloads."""

import io
import urllib.request

import pytest
from django.test import override_settings

from jaring.channels import graph as graph_client
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


def _to_files_step(chat) -> None:  # type: ignore[no-untyped-def]
    _to_story_step(chat)
    chat.send("Agen meminta biaya penempatan lewat transfer, ini buktinya.")
    chat.send("lewati")
    chat.send("lewati")


@pytest.mark.django_db
def test_media_url_with_a_file_scheme_is_refused(chat, graph, tmp_path):
    local = tmp_path / "foto.jpg"
    local.write_bytes(images.jpeg_with_gps())
    _to_files_step(chat)
    graph.add_media("f1", images.jpeg_with_gps(), "image/jpeg", url=local.as_uri())
    assert "tidak dapat kami unduh" in chat.send_payload(payloads.image("f1"))
    assert not StagedMedia.objects.exists()


@pytest.mark.django_db
def test_media_url_on_another_host_is_refused_without_a_request(chat, graph, elsewhere):
    _to_files_step(chat)
    elsewhere.add_media("o1", images.jpeg_with_gps(), "image/jpeg")
    graph.add_media("o1", images.jpeg_with_gps(), "image/jpeg", url=f"{elsewhere.url}/download/o1")
    assert "tidak dapat kami unduh" in chat.send_payload(payloads.image("o1"))
    assert elsewhere.requests == []  # the access token never left for the other host
    assert not StagedMedia.objects.exists()


@pytest.mark.django_db
def test_a_redirect_to_another_host_does_not_carry_the_token(chat, graph, elsewhere):
    _to_files_step(chat)
    elsewhere.add_media("r1", images.jpeg_with_gps(), "image/jpeg")
    graph.add_media("r1", images.jpeg_with_gps(), "image/jpeg", url=f"{graph.url}/moved/r1")
    graph.redirects["/moved/r1"] = f"{elsewhere.url}/download/r1"
    assert "tidak dapat kami unduh" in chat.send_payload(payloads.image("r1"))
    assert not any(r.authorization for r in elsewhere.requests)
    assert not StagedMedia.objects.exists()


@pytest.mark.django_db
def test_a_redirect_on_the_graph_host_is_followed(chat, graph):
    _to_files_step(chat)
    graph.add_media("r2", images.jpeg_with_gps(), "image/jpeg", url=f"{graph.url}/moved/r2")
    graph.redirects["/moved/r2"] = f"{graph.url}/download/r2"
    assert "Berkas diterima (1 dari 5)" in chat.send_payload(payloads.image("r2"))
    assert StagedMedia.objects.count() == 1


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1", True),
        ("https://mmg.whatsapp.net/v/t62/abc", True),
        ("http://lookaside.fbsbx.com/x", False),  # Meta's hosts only over https
        ("https://lookaside.fbsbx.com.attacker.example/x", False),
        ("https://lookaside.fbsbx.com@169.254.169.254/latest/meta-data/", False),
        ("http://169.254.169.254/latest/meta-data/", False),
        ("file:///etc/passwd", False),
    ],
)
def test_only_meta_media_hosts_and_the_graph_url_may_receive_the_token(url, allowed, settings):
    settings.WHATSAPP_GRAPH_URL = "https://graph.facebook.com/v21.0"
    assert graph_client.media_url_allowed(url) is allowed


def test_a_redirect_between_meta_hosts_drops_the_token(settings):
    settings.WHATSAPP_GRAPH_URL = "https://graph.facebook.com/v21.0"
    request = urllib.request.Request("https://lookaside.fbsbx.com/x")
    request.add_header("Authorization", "Bearer secret")
    moved = graph_client._SafeRedirect().redirect_request(
        request, io.BytesIO(), 302, "Found", {}, "https://mmg.whatsapp.net/y"
    )
    assert moved is not None and moved.full_url == "https://mmg.whatsapp.net/y"
    assert not moved.has_header("Authorization")
