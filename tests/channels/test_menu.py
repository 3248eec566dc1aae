"""The menu and its options: language, info answers, resuming a report, CEK linking, officer hand-off."""

import pytest

from jaring.channels.models import Contact, ContactReport, InboundMessage
from jaring.reports.models import Report
from jaring.reports.services import report_submit
from tests.channels import payloads


@pytest.mark.django_db
def test_english_greeting_gets_the_english_menu(chat):
    answer = chat.send("Hello")
    assert "1 Check a job offer" in answer
    assert Contact.objects.get().language == "en"


@pytest.mark.django_db
def test_english_sentence_switches_to_english_and_indonesia_switches_back(chat):
    assert "Check a job offer" in chat.send("Hi, I want to ask about the job offer you have for me")
    assert "1 Cek tawaran kerja" in chat.send("INDONESIA")


@pytest.mark.django_db
def test_info_answers_with_facts_and_portal_links(chat):
    assert "1 M-Paspor" in chat.send("3")
    answer = chat.send("4")
    assert "apoa.imigrasi.go.id" in answer and "Pasal 117" in answer
    assert "https://jaring.example/layanan/" in answer
    legal = chat.send("5")
    assert "SIP3MI" in legal and "0800-1000" in legal
    assert "https://jaring.example/edukasi/" in legal


@pytest.mark.django_db
def test_info_in_english_links_to_the_english_portal(chat):
    chat.send("english")
    chat.send("3")
    assert "https://jaring.example/en/layanan/" in chat.send("2")


@pytest.mark.django_db
def test_menu_word_always_returns_to_the_menu_and_a_report_can_be_resumed(chat):
    chat.send("2")
    chat.send("1")
    assert "1 Cek tawaran kerja" in chat.send("MENU")
    menu = chat.send("menu")
    assert "belum selesai" in menu
    resumed = chat.send("2")
    assert "Melanjutkan laporan" in resumed and "Ceritakan apa yang terjadi" in resumed


@pytest.mark.django_db
def test_draft_survives_in_the_database_and_cancel_discards_it(
    chat, graph, django_capture_on_commit_callbacks
):
    from tests.channels.conftest import Chat

    chat.send("2")
    chat.send("2")
    # A new client (a restarted server) continues the same conversation from the database.
    again = Chat(graph, django_capture_on_commit_callbacks)
    assert "Di mana kejadiannya" in again.send("Teman saya mau diberangkatkan lewat pelabuhan tikus.")
    assert "dihapus" in again.send("batal")
    assert "Pilih kategori" in again.send("2")
    assert not Report.objects.exists()


@pytest.mark.django_db
def test_wrong_category_number_asks_again(chat):
    chat.send("2")
    assert "Balas dengan angka 1 sampai 8" in chat.send("12")


@pytest.mark.django_db
def test_too_short_story_is_refused_and_kept_asking(chat):
    chat.send("2")
    chat.send("1")
    assert "minimal 10 karakter" in chat.send("tolong")


@pytest.mark.django_db
def test_interactive_button_reply_chooses_like_a_typed_number(chat):
    assert "Tempel teks tawaran kerja" in chat.send_payload(payloads.button_reply("1", "Cek tawaran kerja"))
    assert "1 Cek tawaran kerja" in chat.send_payload(payloads.button_reply("menu", "Menu"))


@pytest.mark.django_db
def test_location_answers_the_where_question(chat):
    chat.send("2")
    chat.send("2")
    chat.send("Ada rombongan calon pekerja menunggu kapal malam ini.")
    answer = chat.send_payload(payloads.location(1.0456, 104.0305, "Pelabuhan Sekupang", "Sekupang, Batam"))
    assert "Siapa saja yang terlibat" in answer
    chat.send("lewati")
    chat.send("kirim")
    assert Report.objects.get().location_text == "Pelabuhan Sekupang, Sekupang, Batam (1.0456, 104.0305)"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["sticker", "contacts", "unsupported", "video"])
def test_unknown_message_types_get_a_polite_answer(chat, kind):
    answer = chat.send_payload(payloads.message(kind, {"id": "x"} if kind in ("sticker", "video") else {}))
    assert "belum bisa kami proses" in answer


@pytest.mark.django_db
def test_a_reaction_is_stored_but_not_answered(chat, graph):
    chat.send_payload(payloads.message("reaction", {"message_id": "wamid.X", "emoji": "\U0001f44d"}))
    assert graph.sent == []
    assert InboundMessage.objects.get().status == "processed"


@pytest.mark.django_db
def test_officer_handoff_creates_a_question_report_in_the_office_inbox(chat, petugas_client):
    prompt = chat.send("4")
    assert "tidak anonim" in prompt
    answer = chat.send("Bagaimana cara cek perusahaan penyalur yang resmi?")
    report = Report.objects.get()
    assert report.category == "pertanyaan" and report.channel == "whatsapp"
    assert report.tracking_code in answer
    assert "Diteruskan ke petugas" in chat.send("Namanya PT Sinar Abadi.")
    assert report.messages.count() == 1
    inbox = petugas_client.get("/petugas/laporan/", {"channel": "whatsapp"})
    assert report.tracking_code in inbox.content.decode()


@pytest.mark.django_db
def test_cek_links_a_web_report_so_replies_go_to_whatsapp(chat, graph, office, petugas):
    report, key = report_submit(
        office=office,
        category="aspirasi",
        description="Mohon antrean paspor dipercepat.",
        identity_mode="anonim",
    )
    answer = chat.send(f"CEK {report.tracking_code} {key}")
    assert report.tracking_code in answer and "tersambung" in answer
    assert ContactReport.objects.get(report=report).via == "cek"
    from jaring.reports.services import report_reply

    with chat.capture(execute=True):
        report_reply(report=report, author=petugas, body="Antrean sekarang bisa dipesan lewat M-Paspor.")
    assert "Antrean sekarang bisa dipesan" in graph.texts()[-1]


@pytest.mark.django_db
def test_cek_with_a_wrong_key_links_nothing_and_is_rate_limited(chat, office):
    report, _key = report_submit(
        office=office,
        category="aspirasi",
        description="Mohon antrean paspor dipercepat.",
        identity_mode="anonim",
    )
    wrong = "AAAA-BBBB-CCCC-DDDD-EEEE"
    for _ in range(5):
        assert "tidak cocok" in chat.send(f"CEK {report.tracking_code} {wrong}")
    assert "Terlalu banyak percobaan" in chat.send(f"CEK {report.tracking_code} {wrong}")
    assert not ContactReport.objects.exists()
