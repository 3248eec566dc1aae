import pytest
from django.test import Client

from jaring.audit.models import AuditEvent
from jaring.content.models import Article, ArticleRevision, Faq, Status

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Waspada lowongan kapal pesiar",
    "slug": "",
    "language": "id",
    "translation_of": "",
    "topic": "waspada",
    "summary": "Tanda tawaran palsu.",
    "body": "## Tanda\n\n- gaji tinggi <script>x()</script>",
    "sources": "Undang-Undang Nomor 21 Tahun 2007 | JDIH BPK | https://peraturan.bpk.go.id/Home/Details/39642/uu-no-21-tahun-2007 | | 2026-12-04\nBerita | rmol.id | https://rmol.id/amp/2025/10/21/683877/lebih-dari-10-ribu-wni-terlibat-online-scam-sejak-2020 | 2025-10 | 2026-12-04",
    "reviewed_on": "2026-12-05",
}


def test_only_officers_and_admins_edit_content(
    client: Client, mitra_client: Client, petugas_client, office
) -> None:
    assert client.get("/petugas/konten/").status_code == 302
    assert mitra_client.get("/petugas/konten/").status_code == 403
    assert petugas_client.get("/petugas/konten/").status_code == 200


def test_preview_renders_sanitised_markdown_without_saving(petugas_client: Client) -> None:
    response = petugas_client.post("/petugas/konten/artikel/baru/", {**FORM, "preview": "1"})
    html = response.content.decode()
    assert "Pratinjau" in html and "<h2>Tanda</h2>" in html
    assert "x()" not in html.split('id="preview"')[1]
    assert 'value="Waspada lowongan kapal pesiar"' in html
    assert not Article.objects.exists()


def test_htmx_preview_returns_the_fragment(petugas_client: Client) -> None:
    html = petugas_client.post(
        "/petugas/konten/artikel/pratinjau/", {"body": "**tebal** <iframe></iframe>"}
    ).content.decode()
    assert "<strong>tebal</strong>" in html and "iframe" not in html


def test_create_edit_publish_and_history_are_recorded(
    petugas_client: Client, client: Client, petugas
) -> None:
    response = petugas_client.post("/petugas/konten/artikel/baru/", {**FORM, "save": "1"})
    article = Article.objects.get()
    assert response.status_code == 302 and article.slug == "waspada-lowongan-kapal-pesiar"
    assert article.status == Status.DRAFT
    assert article.sources[1] == {
        "title": "Berita",
        "publisher": "rmol.id",
        "url": "https://rmol.id/amp/2025/10/21/683877/lebih-dari-10-ribu-wni-terlibat-online-scam-sejak-2020",
        "date": "2025-10",
        "accessed": "2026-12-04",
    }
    assert client.get(article.get_absolute_url()).status_code == 404

    petugas_client.post(
        f"/petugas/konten/artikel/{article.pk}/", {**FORM, "summary": "Diperbarui.", "save": "1"}
    )
    petugas_client.post(f"/petugas/konten/artikel/{article.pk}/status/", {"status": "published"})
    article.refresh_from_db()
    assert article.summary == "Diperbarui." and article.status == Status.PUBLISHED
    assert client.get(article.get_absolute_url()).status_code == 200

    revisions = list(ArticleRevision.objects.filter(article=article).order_by("number"))
    assert [r.action for r in revisions] == ["create", "update", "publish"]
    assert all(r.editor == petugas for r in revisions)
    assert revisions[0].summary == "Tanda tawaran palsu."
    actions = set(AuditEvent.objects.filter(object_id=str(article.pk)).values_list("action", flat=True))
    assert actions == {"content.article_create", "content.article_update", "content.article_publish"}
    history = petugas_client.get(f"/petugas/konten/artikel/{article.pk}/riwayat/").content.decode()
    assert "petugas" in history and "Artikel diterbitkan" in history and "Terbit" in history
    assert "<td>publish</td>" not in history and "<td>published</td>" not in history
    listing = petugas_client.get("/petugas/konten/").content.decode()
    assert "<td>Bahasa Indonesia</td>" in listing and "<td>id</td>" not in listing


def test_bad_input_keeps_the_text_and_stores_nothing(petugas_client: Client) -> None:
    bad = {**FORM, "sources": "Judul | penerbit | javascript:alert(1) |", "save": "1"}
    response = petugas_client.post("/petugas/konten/artikel/baru/", bad)
    html = response.content.decode()
    assert response.status_code == 200
    assert "http://" in html and "aria-invalid" in html
    assert "Waspada lowongan kapal pesiar" in html
    assert (
        not Article.objects.exists() and not AuditEvent.objects.filter(action__startswith="content.").exists()
    )


def test_duplicate_slug_is_refused_with_a_message(petugas_client: Client) -> None:
    petugas_client.post("/petugas/konten/artikel/baru/", {**FORM, "save": "1"})
    html = petugas_client.post("/petugas/konten/artikel/baru/", {**FORM, "save": "1"}).content.decode()
    assert "Slug sudah dipakai" in html
    assert Article.objects.count() == 1


def test_officer_of_another_office_cannot_open_the_article(petugas_client: Client, other_office) -> None:
    from jaring.accounts.models import User

    petugas_client.post("/petugas/konten/artikel/baru/", {**FORM, "save": "1"})
    article = Article.objects.get()
    stranger = User.objects.create_user(
        "lain", password="x-long-password-1", role="petugas", office=other_office
    )
    other = Client()
    other.force_login(stranger)
    assert other.get(f"/petugas/konten/artikel/{article.pk}/").status_code == 404


def test_faq_create_and_publish_is_audited(petugas_client: Client, client: Client) -> None:
    data = {"question": "Apa itu OPP?", "key": "", "language": "id", "topic": "prosedur", "order": 5,
            "answer": "Orientasi Pra Pemberangkatan.", "status": "published", "reviewed_on": "2026-12-05",
            "sources": "BP2MI alihkan layanan ke SIAPkerja | alinea.id | https://alinea.id/bisnis/bp2mi-alihkan-layanan-siskot-kln-ke-aplikasi-siapkerja-b2hUg9Nxs | 2023-07-17 | 2026-12-05"}  # fmt: skip
    assert petugas_client.post("/petugas/konten/faq/baru/", data).status_code == 302
    faq = Faq.objects.get()
    assert faq.key == "apa-itu-opp"
    assert "Apa itu OPP?" in client.get("/faq/").content.decode()
    petugas_client.post(f"/petugas/konten/faq/{faq.pk}/", {**data, "key": faq.key, "status": "draft"})
    assert "Apa itu OPP?" not in client.get("/faq/").content.decode()
    assert AuditEvent.objects.filter(action="content.faq_update", object_id=str(faq.pk)).exists()


def test_django_admin_edits_go_through_the_services(admin_user, seeded) -> None:
    from django.test import Client

    client = Client()
    client.force_login(admin_user)
    article = Article.objects.get(slug="e-visa")
    page = client.get(f"/petugas/admin/content/article/{article.pk}/change/")
    assert page.status_code == 200
    form = {
        "office": seeded.pk, "slug": "e-visa", "language": "id", "translation_of": "", "topic": "layanan",
        "title": "e-Visa (diubah admin)", "summary": article.summary, "body": article.body + "\n<script>x()</script>",
        "sources": '[{"title": "e-Visa Indonesia", "publisher": "", "url": "https://news.detik.com/berita/d-7475667/mengenal-apa-itu-visa-on-arrival-indonesia-dan-cara-mengurusnya/amp", "date": "", "accessed": "2026-12-05"}]',
        "reviewed_on": "2026-12-05",
        "status": "published", "published_at_0": "", "published_at_1": "",
        "revisions-TOTAL_FORMS": "0", "revisions-INITIAL_FORMS": "0",
    }  # fmt: skip
    response = client.post(f"/petugas/admin/content/article/{article.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.title == "e-Visa (diubah admin)" and "x()" not in article.body_html
    assert " ubah admin " in article.search_text
    assert article.revisions.order_by("-number").first().editor == admin_user
