import pytest

from jaring.content import demo
from jaring.content.models import Article, ArticleRevision, Faq, Status
from jaring.content.services import article_update

pytestmark = pytest.mark.django_db

REQUIRED_TOPICS = {
    "jalur-resmi-bekerja-ke-luar-negeri", "cara-cek-perekrut-dan-lowongan", "biaya-penempatan-yang-dilarang",
    "tanda-bahaya-tppo-dan-modus-di-batam", "apa-yang-harus-dilakukan-dan-siapa-yang-dihubungi", "m-paspor",
    "e-visa", "izin-tinggal", "apoa-lapor-tamu-asing",
}  # fmt: skip


def test_every_article_exists_in_both_languages_with_sources(seeded) -> None:
    originals = Article.objects.filter(language="id")
    assert set(originals.values_list("slug", flat=True)) >= REQUIRED_TOPICS
    for article in originals:
        assert article.translations.filter(language="en").exists(), article.slug
    for article in Article.objects.all():
        assert article.status == Status.PUBLISHED and article.sources, article.slug
        assert article.topic == article.translation_of.topic if article.translation_of else True


def test_seed_content_cites_the_facts_it_relies_on(seeded) -> None:
    text = {a.slug: a.body for a in Article.objects.all()}
    assert (
        "0800-1000" in text["cara-cek-perekrut-dan-lowongan"]
        and "SIP3MI" in text["cara-cek-perekrut-dan-lowongan"]
    )
    assert "0811-7002-019" in text["apa-yang-harus-dilakukan-dan-siapa-yang-dihubungi"]
    assert "Pasal 30" in text["biaya-penempatan-yang-dilarang"]
    assert (
        "IMMICARE" in text["izin-tinggal"]
        and "Kantor Imigrasi Kelas I Khusus TPI Batam" in text["izin-tinggal"]
    )
    assert "Pasal 117" in text["apoa-lapor-tamu-asing"]
    # Pasal 72(2) as the law states it: a duty when an immigration officer asks.
    assert "jika diminta oleh Pejabat Imigrasi" in text["apoa-lapor-tamu-asing"]
    # PP 45/2024 sets both the 5-year and the 10-year passport fees.
    assert "Rp950.000" in text["m-paspor"] and "Rp650.000" in text["m-paspor"]


def test_internal_links_in_seed_content_resolve(client, seeded) -> None:
    import re

    for article in Article.objects.all():
        for path in set(re.findall(r'href="(/[^"#]*)"', article.body_html)):
            if path.startswith(("/lapor/", "/en/lapor/", "/cek-tawaran/", "/en/cek-tawaran/")):
                continue  # other apps' pages
            assert client.get(path, follow=True).status_code == 200, (article.slug, path)


def test_seed_twice_changes_nothing_and_keeps_officer_edits(office, petugas) -> None:
    demo.seed(office=office)
    article = Article.objects.get(slug="m-paspor")
    article_update(article=article, actor=petugas, title="M-Paspor (diubah petugas)")
    counts = (Article.objects.count(), Faq.objects.count(), ArticleRevision.objects.count())
    demo.seed(office=office)
    assert (Article.objects.count(), Faq.objects.count(), ArticleRevision.objects.count()) == counts
    assert Article.objects.get(slug="m-paspor").title == "M-Paspor (diubah petugas)"
