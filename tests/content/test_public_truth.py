"""Issue 14, second pass: what the public reads names things truly and links the document behind each
statement: the hotline's name in English, no unsourced SISKOP2MI/Jendela PMI claims, the checker's flags and
the Lapor form linked to the laws, the non-emergency numbers sourced on /darurat/, "diperiksa" (checked) rather
than "dibaca" (read), and no article or FAQ answer published without sources and a review date."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from jaring.audit.models import AuditEvent
from jaring.channels import texts
from jaring.content import checklist, emergency, services
from jaring.content.citations import CITATIONS
from jaring.content.models import Article, ArticleRevision, Faq, Status
from jaring.lib.sourcing import sources_problems
from jaring.screening.engine import default_rules

SCAM = "Loker admin di Kamboja, gaji 15jt/bln, tanpa pengalaman, visa turis. WA 0812-3456-7890"
UU21_OFFICIAL = "https://peraturan.bpk.go.id/Home/Details/39642/uu-no-21-tahun-2007"
SIAPKERJA = CITATIONS["siapkerja"]["url"]
SOURCE = {
    "title": "Lebih dari 10 Ribu WNI Terlibat Online Scam Sejak 2020",
    "publisher": "rmol.id",
    "url": "https://rmol.id/amp/2025/10/21/683877/lebih-dari-10-ribu-wni-terlibat-online-scam-sejak-2020",
    "date": "2025-10-21",
    "accessed": "2026-12-05",
}


@pytest.fixture(autouse=True)
def _language_reset():
    """A request under /en/ leaves English active in this thread; later tests expect the default."""
    yield
    translation.deactivate()


def _footer(html: str) -> str:
    return html.split('<footer class="site-footer">', 1)[1]


@pytest.mark.django_db
def test_english_home_names_the_office_whatsapp_as_complaints_and_information(client: Client, seeded) -> None:
    html = client.get("/en/").content.decode()
    assert "Complaints and information WhatsApp: " in html
    assert "complaints WhatsApp" not in html
    assert "WhatsApp pengaduan dan informasi: " in client.get("/").content.decode()


def test_citations_of_short_statements_are_openable_documents() -> None:
    assert sources_problems(list(CITATIONS.values())) == []


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_no_public_page_sends_people_to_siskop2mi_or_jendela_pmi(client: Client, seeded, prefix) -> None:
    """No source we could open says SISKOP2MI lists licensed P3MI and job orders, or that Jendela PMI exists
    (docs/content.md): the pages say what ANTARA and alinea.id report (SIAPkerja, LTSA) and link them."""
    every_item = "&".join(f"punya={item.id}" for item in checklist.items("id"))
    for path in ("/", "/cek-tawaran/", f"/siap-berangkat/?cek=1&{every_item}", "/darurat/"):
        html = client.get(prefix + path).content.decode()
        assert "SISKOP2MI" not in html and "siskop2mi" not in html and "Jendela PMI" not in html, path
        footer = _footer(html)
        assert f'href="{SIAPKERJA}"' in footer and 'href="/' in footer and "#kp2mi_0800" in footer, path
    with translation.override("en" if prefix else "id"):
        answer = texts.info_answer("jalur_resmi", "https://example.org/x")
    assert "siskop2mi" not in answer.lower() and "SIAPkerja" in answer and "0800-1000" in answer


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_high_risk_verdict_links_the_documents_behind_each_flag(client: Client, prefix) -> None:
    html = client.post(f"{prefix}/cek-tawaran/", {"text": SCAM}).content.decode()
    assert "badge-high" in html
    details = html.split('id="rincian-tanda"', 1)[1].split("</details>", 1)[0]
    assert f'href="{UU21_OFFICIAL}"' in details  # the trafficking law, from JDIH BPK
    rules = default_rules()
    flags = re.findall(r"<li><strong>(.*?)</strong>", details)
    assert flags
    for code, rule in rules.flags.items():
        if rule.title.get("en" if prefix else "id") in flags:
            for source in rules.flag_sources(code):
                assert f'href="{source["url"]}"' in details, (code, source["url"])
    assert ("checked 2026-12-04" if prefix else "diperiksa 2026-12-04") in details
    assert "Official list of licensed P3MI" not in details  # internal data sets are not documents


@pytest.mark.django_db
def test_the_checker_card_and_the_lapor_form_link_the_laws_they_state(client: Client) -> None:
    card = client.get("/cek-tawaran/").content.decode().split("Jalur resmi bekerja ke luar negeri", 1)[1]
    assert f'href="{CITATIONS["uu18"]["url"]}"' in card and f'href="{SIAPKERJA}"' in card
    assert f'href="{CITATIONS["ltsa"]["url"]}"' in card and "/darurat/#kp2mi_0800" in card
    legal = (
        client.get("/lapor/").content.decode().split('<div class="legal muted">', 1)[1].split("</div>", 1)[0]
    )
    for key in ("uu21", "uu31", "uu27"):
        assert f'href="{CITATIONS[key]["url"]}"' in legal, key
    assert f'href="{UU21_OFFICIAL}"' in legal


@pytest.mark.django_db
@pytest.mark.parametrize(("prefix", "heading"), [("", "Bukan darurat"), ("/en", "Not emergencies")])
def test_the_complaints_lines_are_sourced_on_the_emergency_page(
    client: Client, seeded, prefix, heading
) -> None:
    html = client.get(f"{prefix}/darurat/").content.decode()
    section = html.split('id="layanan"', 1)[1].split("</section>", 1)[0]
    assert heading in section
    for key, number in (("kp2mi_0800", "0800-1000"), ("imigrasi_batam_wa", "0811-7002-019")):
        entry = emergency.entry(key)
        assert entry.number == number and entry.group == "layanan"
        item = section.split(f'id="{key}"', 1)[1].split("</li>", 1)[0]
        assert f'href="{entry.href}"' in item
        assert entry.href == ("https://wa.me/6281170020019" if entry.whatsapp else "tel:08001000")
        for source in entry.sources:
            assert f'href="{source["url"]}"' in item
    home = client.get(f"{prefix}/").content.decode()
    assert "/darurat/#layanan" in home
    assert "/darurat/#imigrasi_batam_wa" in _footer(home)


@pytest.mark.django_db
def test_sources_are_labelled_checked_not_read_on_every_public_page(client: Client, seeded) -> None:
    """Some addresses were checked against citations of them, not opened (docs/content.md)."""
    for path in ("/layanan/m-paspor/", "/siap-berangkat/", "/darurat/", "/faq/"):
        html = client.get(path).content.decode()
        assert re.search(r"; diperiksa \d{4}-\d{2}-\d{2}", html), path
        assert not re.search(r"dibaca \d{4}-\d{2}-\d{2}", html), path
        en = client.get("/en" + path, follow=True).content.decode()
        assert re.search(r"; checked \d{4}-\d{2}-\d{2}", en), path


# --- publishing needs sources and a review date ---------------------------------------------------------


def _draft(office, petugas, **extra) -> Article:
    return services.article_create(
        office=office, actor=petugas, title="Waspada kapal pesiar", summary="s", body="isi", topic="waspada",
        **extra,
    )  # fmt: skip


@pytest.mark.django_db
def test_an_unsourced_draft_is_allowed_but_not_published(office, petugas) -> None:
    article = _draft(office, petugas)
    assert article.status == Status.DRAFT
    revisions, events = ArticleRevision.objects.count(), AuditEvent.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.article_publish(article=article, actor=petugas)
    assert set(caught.value.message_dict) == {"sources", "reviewed_on"}
    article.refresh_from_db()
    assert article.status == Status.DRAFT and article.published_at is None
    assert ArticleRevision.objects.count() == revisions and AuditEvent.objects.count() == events


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sources", "reviewed_on", "fields"),
    [
        ([], datetime.date(2026, 12, 5), {"sources"}),
        (
            [{"title": "Tanpa alamat", "url": "", "accessed": "2026-12-05"}],
            datetime.date(2026, 12, 5),
            {"sources"},
        ),
        ([{**SOURCE, "accessed": ""}], datetime.date(2026, 12, 5), {"sources"}),
        ([SOURCE], None, {"reviewed_on"}),
    ],
    ids=["no source", "no address", "no date checked", "no review date"],
)
def test_publishing_on_create_is_refused_and_nothing_is_written(
    office, petugas, sources, reviewed_on, fields
):
    with pytest.raises(ValidationError) as caught:
        _draft(office, petugas, sources=sources, reviewed_on=reviewed_on, publish=True)
    assert set(caught.value.message_dict) == fields
    assert (
        not Article.objects.exists() and not AuditEvent.objects.filter(action__startswith="content.").exists()
    )
    article = _draft(office, petugas, sources=[SOURCE], reviewed_on=datetime.date(2026, 12, 5), publish=True)
    assert article.status == Status.PUBLISHED


@pytest.mark.django_db
def test_a_published_article_cannot_lose_its_sources(office, petugas) -> None:
    article = _draft(office, petugas, sources=[SOURCE], reviewed_on=datetime.date(2026, 12, 5), publish=True)
    with pytest.raises(ValidationError):
        services.article_update(article=article, actor=petugas, sources=[])
    with pytest.raises(ValidationError):
        services.article_update(article=article, actor=petugas, reviewed_on=None)
    article.refresh_from_db()
    assert article.sources and article.reviewed_on
    unpublished = services.article_unpublish(article=article, actor=petugas)
    assert services.article_update(article=unpublished, actor=petugas, sources=[]).sources == []


@pytest.mark.django_db
def test_faq_answers_follow_the_same_rule(office, petugas) -> None:
    with pytest.raises(ValidationError):
        services.faq_create(office=office, actor=petugas, question="Apa itu OPP?", answer="a", topic="prosedur",
                            publish=True)  # fmt: skip
    assert not Faq.objects.exists()
    faq = services.faq_create(
        office=office, actor=petugas, question="Apa itu OPP?", answer="a", topic="prosedur"
    )
    with pytest.raises(ValidationError):
        services.faq_update(faq=faq, actor=petugas, status=Status.PUBLISHED)
    faq.refresh_from_db()
    assert faq.status == Status.DRAFT


def test_the_refusal_speaks_the_officers_language() -> None:
    with translation.override("en"):
        problems = services.publish_problems([], None)
    assert "needs sources a reader can open" in problems["sources"][0]
    assert problems["reviewed_on"] == ['Fill in "Reviewed on" before publishing.']
    with translation.override("id"):
        assert "perlu sumber yang bisa dibuka" in services.publish_problems([], None)["sources"][0]


FORM = {
    "title": "Waspada lowongan kapal pesiar", "slug": "", "language": "id", "translation_of": "",
    "topic": "waspada", "summary": "Tanda tawaran palsu.", "body": "Isi artikel.", "sources": "",
    "reviewed_on": "", "save": "1",
}  # fmt: skip


@pytest.mark.django_db
def test_the_editor_keeps_an_unsourced_draft_and_refuses_to_publish_it(
    petugas_client: Client, client
) -> None:
    assert petugas_client.post("/petugas/konten/artikel/baru/", FORM).status_code == 302
    article = Article.objects.get()
    response = petugas_client.post(
        f"/petugas/konten/artikel/{article.pk}/status/", {"status": "published"}, follow=True
    )
    html = response.content.decode()
    assert "Belum bisa diterbitkan" in html and "perlu sumber yang bisa dibuka" in html
    assert "Diperiksa pada" in html
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_the_editor_refuses_to_strip_a_published_article_and_keeps_the_input(petugas_client: Client) -> None:
    sourced = {**FORM, "sources": " | ".join(SOURCE.values()), "reviewed_on": "2026-12-05"}
    petugas_client.post("/petugas/konten/artikel/baru/", sourced)
    article = Article.objects.get()
    petugas_client.post(f"/petugas/konten/artikel/{article.pk}/status/", {"status": "published"})
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    stripped = {**FORM, "summary": "Ringkasan baru yang diketik.", "sources": ""}
    response = petugas_client.post(f"/petugas/konten/artikel/{article.pk}/", stripped)
    html = response.content.decode()
    assert response.status_code == 200 and "perlu sumber yang bisa dibuka" in html
    assert "Ringkasan baru yang diketik." in html  # the input is kept
    article.refresh_from_db()
    assert article.summary == "Tanda tawaran palsu." and article.sources


@pytest.mark.django_db
def test_the_faq_editor_refuses_to_publish_without_sources(petugas_client: Client) -> None:
    data = {"question": "Apa itu OPP?", "key": "", "language": "id", "topic": "prosedur", "order": 5,
            "answer": "Orientasi Pra Pemberangkatan.", "status": "published", "sources": "", "reviewed_on": ""}  # fmt: skip
    response = petugas_client.post("/petugas/konten/faq/baru/", data)
    html = response.content.decode()
    assert response.status_code == 200 and "perlu sumber yang bisa dibuka" in html
    assert "Orientasi Pra Pemberangkatan." in html and not Faq.objects.exists()
