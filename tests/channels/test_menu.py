"""The menu and its options: language, info answers, resuming a report, CEK linking, officer hand-off."""

import json
import re

import pytest
from django.core.cache import cache
from django.test import Client

from jaring.accounts.selectors import forget_primary_office
from jaring.channels.models import Contact, ContactReport, InboundMessage
from jaring.content import demo as content_demo
from jaring.content.models import Article
from jaring.reports.models import Report
from jaring.reports.services import report_submit
from tests.channels import payloads
from tests.channels.conftest import Chat


@pytest.mark.django_db
def test_english_greeting_gets_the_english_menu(chat):
    answer = chat.send("Hello")
    assert "1 Check a job offer" in answer
    assert Contact.objects.get().language == "en"


@pytest.mark.django_db
def test_english_sentence_switches_to_english_and_indonesia_switches_back(chat):
    assert "Check a job offer" in chat.send("Hi, I want to ask about the job offer you have for me")
    assert "1 Cek tawaran kerja" in chat.send("INDONESIA")


# Option 3's topics in menu order: the demo article each links to, and facts its answer must give.
DEMO_INFO_PAGES = {
    "id": [
        ("/layanan/m-paspor/", ["aplikasi M-Paspor", "2 jam"]),
        ("/layanan/e-visa/", ["evisa.imigrasi.go.id", "30 hari"]),
        (
            "/layanan/izin-tinggal/",
            ["ITAS (umumnya paling lama 2 tahun", "IMMICARE", "Kantor Imigrasi Batam"],
        ),
        ("/layanan/apoa-lapor-tamu-asing/", ["apoa.imigrasi.go.id", "Pasal 117"]),
        ("/edukasi/jalur-resmi-bekerja-ke-luar-negeri/", ["SIP3MI", "0800-1000"]),
    ],
    "en": [
        ("/en/layanan/m-paspor-passport-app/", ["M-Paspor app", "2 hours"]),
        ("/en/layanan/e-visa-for-foreign-visitors/", ["evisa.imigrasi.go.id", "30 days"]),
        (
            "/en/layanan/stay-permits-itas-itap-reach-out/",
            ["ITAS (usually at most 2 years", "IMMICARE", "Batam Immigration Office"],
        ),
        ("/en/layanan/apoa-reporting-foreign-guests/", ["apoa.imigrasi.go.id", "Article 117"]),
        ("/en/edukasi/legal-route-to-work-abroad/", ["SIP3MI", "0800-1000"]),
    ],
}
_LINK = re.compile(r"^(?:Selengkapnya|More): (\S+)$", re.MULTILINE)


def _info_link(answer: str) -> str:
    links = _LINK.findall(answer)
    assert len(links) == 1, answer
    return links[0]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["id", "en"])
def test_each_info_topic_links_to_its_own_article_in_the_users_language(chat, hotline_office, language):
    content_demo.seed(office=hotline_office)
    chat.send("english" if language == "en" else "indonesia")
    assert ("1 M-Paspor" if language == "id" else "3 Stay permits") in chat.send("3")
    for number, (path, facts) in enumerate(DEMO_INFO_PAGES[language], start=1):
        answer = chat.send(str(number))
        assert _info_link(answer) == f"https://jaring.example{path}"
        for fact in facts:
            assert fact in answer
    # The links lead to published pages in that language.
    for path, _facts in DEMO_INFO_PAGES[language]:
        page = Client().get(path)
        assert page.status_code == 200 and f'lang="{language}"' in page.content.decode()


@pytest.mark.django_db
def test_info_without_articles_links_to_the_section_pages(chat):
    assert "1 M-Paspor" in chat.send("3")
    answer = chat.send("4")
    assert "apoa.imigrasi.go.id" in answer and "Pasal 117" in answer
    assert _info_link(answer) == "https://jaring.example/layanan/"
    legal = chat.send("5")
    assert "SIP3MI" in legal and "0800-1000" in legal
    assert _info_link(legal) == "https://jaring.example/edukasi/"


@pytest.mark.django_db
def test_info_in_english_without_articles_links_to_the_english_section_pages(chat):
    chat.send("english")
    chat.send("3")
    assert _info_link(chat.send("2")) == "https://jaring.example/en/layanan/"
    assert _info_link(chat.send("5")) == "https://jaring.example/en/edukasi/"


@pytest.mark.django_db
def test_info_in_english_links_to_the_indonesian_article_while_untranslated(chat, hotline_office):
    content_demo.seed(office=hotline_office)
    Article.objects.filter(slug="stay-permits-itas-itap-reach-out").delete()
    chat.send("english")
    chat.send("3")
    assert _info_link(chat.send("3")) == "https://jaring.example/layanan/izin-tinggal/"


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
    chat.send("2")
    chat.send("2")
    stored = Contact.objects.get()
    assert stored.state == "lapor"
    assert json.loads(stored.state_data) == {
        "draft": {"step": "description", "category": "pmi_nonprosedural"}
    }
    # What a restarted server knows is what the row says. Move the stored draft on, as an earlier process would
    # have, and forget this process's caches: a fresh client continues from the row, not from memory.
    stored.state_data = json.dumps(
        {
            "draft": {
                "step": "parties",
                "category": "pmi_nonprosedural",
                "description": "Teman saya mau diberangkatkan lewat pelabuhan tikus.",
                "location": "Pelabuhan Sekupang",
            }
        }
    )
    stored.save(update_fields=["state_data"])
    cache.clear()
    forget_primary_office()
    again = Chat(graph, django_capture_on_commit_callbacks)
    assert "Kirim foto" in again.send("PT Sinar Abadi")  # the parties answer; the story was already told
    assert json.loads(Contact.objects.get().state_data)["draft"]["parties"] == [
        {"kind": "company", "value": "PT Sinar Abadi"}
    ]
    assert "dihapus" in again.send("batal")
    discarded = Contact.objects.get()
    assert discarded.state == "menu" and discarded.state_data == ""
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
def test_interactive_list_reply_chooses_like_a_typed_number(chat):
    info = chat.send_payload(payloads.list_reply("3", "Info layanan", "M-Paspor, e-Visa, Izin Tinggal, APOA"))
    assert "Info layanan. Balas dengan angka" in info
    answer = chat.send_payload(payloads.list_reply("3", "Izin Tinggal (ITAS/ITAP)"))
    assert "ITAP (izin tinggal tetap" in answer
    assert InboundMessage.objects.filter(kind="interactive").count() == 2


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


@pytest.mark.django_db
def test_menu_starts_with_the_danger_lines_in_both_languages(chat):
    menu = chat.send("halo")
    first = menu.split("\n\n", 1)[0]
    assert first.startswith("DALAM BAHAYA SEKARANG?")
    assert "110" in first and "112" in first and "+62 812-9007-0027" in first
    assert "https://jaring.example/darurat/" in first and "bukan layanan darurat" in first
    english = chat.send("ENGLISH").split("\n\n", 1)[0]
    assert english.startswith("IN DANGER NOW?")
    assert "110" in english and "+62 812-9007-0027" in english
    assert "https://jaring.example/en/darurat/" in english and "not an emergency service" in english
