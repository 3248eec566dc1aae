"""Every legal, procedural or numeric statement the public reads cites an openable document (never a site
root) with the date it was read, and carries a review date; `content_review` lists what is overdue."""

import copy
import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from pydantic import ValidationError as SchemaError

from jaring.content import checklist, emergency
from jaring.content.demo import article_files, faq_entries
from jaring.content.models import Article, Faq
from jaring.lib.sourcing import (
    UNOFFICIAL_LAW_COPIES,
    is_site_root,
    law_copy_problem,
    source_problems,
    sources_problems,
)
from jaring.screening.engine.ruleset import DEFAULT_PATH as RULES_PATH
from jaring.screening.engine.ruleset import RulesFile

READ = "2026-12-04"


def test_a_site_root_is_not_a_source():
    assert is_site_root("https://www.thejakartapost.com/") and is_site_root("https://ponorogo.go.id")
    assert not is_site_root("https://www.thejakartapost.com/indonesia/2025/02/14/x.html")
    assert not is_site_root("https://kanimpati.kemenkumham.go.id/?p=58125")
    assert source_problems({"title": "Berita", "url": "https://metro.tempo.co/", "accessed": READ}) == [
        "site root, not a document: https://metro.tempo.co/"
    ]
    assert "no date accessed: https://a.id/x" in source_problems({"title": "X", "url": "https://a.id/x"})
    assert sources_problems([]) == ["no source"]


def test_a_law_is_cited_from_the_states_own_publication():
    copy_of_law = {
        "title": "Undang-Undang Nomor 21 Tahun 2007 (teks lengkap)",
        "url": "https://vdokumen.com/uu-21.html",
    }
    assert "non-official copy" in law_copy_problem(copy_of_law)
    assert "non-official copy" in source_problems({**copy_of_law, "accessed": READ})[0]
    for official in (
        "https://peraturan.go.id/id/uu-no-6-tahun-2011",
        "https://www.peraturan.go.id/id/pp-no-45-tahun-2024",
        "https://peraturan.bpk.go.id/Details/274494/uu-no-1-tahun-2024",
        "https://jdih.kominfo.go.id/produk_hukum/view/id/539",
    ):
        assert law_copy_problem({**copy_of_law, "url": official}) == "", official
    # A news article about a law is not a copy of the law; a copy on a look-alike host is.
    news = {
        "title": "Pemerintah Rilis Tarif Paspor Terbaru (PP 45/2024)",
        "url": "https://kompas.tv/n/548302",
    }
    assert law_copy_problem(news) == ""
    assert law_copy_problem({**copy_of_law, "url": "https://peraturan.go.id.example.com/uu-21"})
    assert law_copy_problem({**copy_of_law, "url": "https://jdih.example.org/uu-21"})


def test_laws_without_an_official_address_are_named_and_documented():
    """The exceptions stay few, are still in use, and docs/content.md says why each one has no JDIH link."""
    cited = {s["url"] for a in article_files() for s in a.sources}
    cited |= {s["url"] for e in faq_entries() for s in e["sources"]} | {s["url"] for s in checklist.sources()}
    cited |= {s.get("url", "") for ref in _rules()["sources"].values() for s in ref}
    docs = (RULES_PATH.parents[4] / "docs" / "content.md").read_text(encoding="utf-8")
    assert len(UNOFFICIAL_LAW_COPIES) <= 3
    for url, law in UNOFFICIAL_LAW_COPIES.items():
        assert url in cited, f"{law}: exception no longer used, remove it"
        assert url in docs and law in docs


def test_a_rules_file_citing_a_copy_of_a_law_fails_to_load():
    data = _rules()
    data["sources"]["uu21"] = [
        {
            "title": "UU 21/2007 tentang TPPO",
            "url": "https://vdokumen.com/undang-undang-21.html",
            "accessed": READ,
        }
    ]
    with pytest.raises(SchemaError, match="non-official copy"):
        RulesFile.model_validate(data)


@pytest.mark.parametrize("item", article_files(), ids=lambda a: a.slug)
def test_every_public_page_cites_documents_it_was_checked_against(item):
    assert sources_problems(item.sources) == [], item.slug
    assert datetime.date.fromisoformat(item.reviewed_on), item.slug


@pytest.mark.parametrize("entry", faq_entries(), ids=lambda e: e["key"])
def test_every_faq_answer_cites_its_sources(entry):
    assert sources_problems(entry["sources"]) == [], entry["key"]
    assert datetime.date.fromisoformat(entry["reviewed_on"])


def test_checklist_and_emergency_numbers_cite_documents():
    assert sources_problems(checklist.sources()) == []
    assert datetime.date.fromisoformat(checklist.reviewed_on())
    for entry in emergency.entries("id"):
        if entry.number:
            assert sources_problems(list(entry.sources)) == [], entry.key
        else:  # no official number found: the page says where to look instead of guessing
            assert entry.note, entry.key


def test_an_emergency_number_without_an_openable_source_is_refused():
    data = copy.deepcopy(emergency.data())
    data["entries"][0]["sources"] = [{"title": "Polisi", "url": "https://polri.go.id/", "accessed": READ}]
    with pytest.raises(ValueError, match="site root"):
        emergency.check(data)


def _rules() -> dict:
    return json.loads(RULES_PATH.read_text(encoding="utf-8"))


def test_every_rule_has_openable_sources_and_a_review_date():
    rules = RulesFile.model_validate(_rules())
    for rule in [*rules.flags, *rules.signals]:
        refs = [rules.sources[key.strip()] for key in rule.source.split(",")]
        assert any(not s.internal for ref in refs for s in ref) or rule.code in {"reported_identifier"}, (
            rule.code
        )
        assert datetime.date.fromisoformat(rules.reviewed_on[rule.code])


# Advice lines that state no outside fact: the office's own report channels (given by the office,
# shared/domain/FACTS.md) and what the checker itself does with a text that is not an offer.
ADVICE_ON_INTERNAL_SOURCES = {"report", "not_offer"}


def test_every_advice_line_has_openable_sources_and_a_review_date():
    rules = RulesFile.model_validate(_rules())
    items = rules.advice.items()
    assert {"check_siskop2mi", "domestic_terms", "domestic_disnaker", "no_placement"} <= {
        i.key for i in items
    }
    for item in items:
        refs = [s for key in item.source.split(",") for s in rules.sources[key.strip()]]
        assert all(s.internal or sources_problems([s.model_dump()]) == [] for s in refs), item.key
        assert any(not s.internal for s in refs) or item.key in ADVICE_ON_INTERNAL_SOURCES, item.key
        assert datetime.date.fromisoformat(item.reviewed_on), item.key
    internal_only = {
        i.key for i in items if all(s.internal for k in i.source.split(",") for s in rules.sources[k])
    }
    assert internal_only == ADVICE_ON_INTERNAL_SOURCES


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda item: item.pop("source"), "source"),
        (lambda item: item.update(source="no_such_source"), "unknown source 'no_such_source'"),
        (lambda item: item.pop("reviewed_on"), "reviewed_on"),
        (lambda item: item.update(reviewed_on="soon"), "domestic_terms: no reviewed_on date"),
    ],
    ids=["no source", "unknown source", "no review date", "bad review date"],
)
def test_an_advice_line_without_a_source_or_review_date_fails_to_load(change, message):
    data = _rules()
    change(data["advice"]["domestic"][0])
    with pytest.raises(SchemaError, match=message):
        RulesFile.model_validate(data)


def test_the_advice_lines_the_verdict_selects_by_key_must_exist():
    data = _rules()
    data["advice"]["always"][-1]["key"] = "lapor"
    with pytest.raises(SchemaError, match="advice.always needs the keys"):
        RulesFile.model_validate(data)


def test_an_advice_line_citing_a_site_root_fails_to_load():
    data = _rules()
    data["sources"]["disnaker"] = [{"title": "Disnaker", "url": "https://batamtoday.com/", "accessed": READ}]
    with pytest.raises(SchemaError, match="site root"):
        RulesFile.model_validate(data)


def test_rules_file_with_a_site_root_source_or_no_review_date_fails_to_load():
    data = _rules()
    data["sources"]["uu18"] = [{"title": "UU 18/2017", "url": "https://pasal.id/", "accessed": READ}]
    with pytest.raises(SchemaError, match="site root"):
        RulesFile.model_validate(data)
    data = _rules()
    del data["reviewed_on"]["task_scam"]
    with pytest.raises(SchemaError, match="task_scam: no reviewed_on date"):
        RulesFile.model_validate(data)


def test_seeded_pages_show_sources_with_the_date_read_and_the_review_date(client, seeded):
    html = client.get("/layanan/m-paspor/").content.decode()
    assert "kanimpati.kemenkumham.go.id/?p=58125" in html and f"dibaca {READ}" in html
    assert f"diperiksa terhadap sumbernya pada {READ}" in html
    assert Faq.objects.exclude(sources=[]).count() == Faq.objects.count()


@pytest.mark.parametrize(
    ("title", "source", "message", "url"),
    [
        (
            "Waspada lowongan kapal pesiar",
            "Berita | metro.tempo.co | https://metro.tempo.co/ | 2024-03 | 2026-12-04",
            "bukan halaman depan situs",
            "https://metro.tempo.co/",
        ),
        (
            "Ancaman pidana TPPO",
            "UU 21/2007 Pasal 2 | vdokumen.com | https://vdokumen.com/uu-21-2007.html | | 2026-12-04",
            "dari JDIH atau peraturan.go.id",
            "https://vdokumen.com/uu-21-2007.html",
        ),
    ],
    ids=["site root", "copy of a law"],
)
def test_an_officer_cannot_cite_a_site_root_or_a_copy_of_a_law(petugas_client, title, source, message, url):
    form = {
        "title": title, "language": "id", "topic": "waspada",
        "summary": "Ringkasan.", "body": "Isi.", "save": "1", "sources": source,
    }  # fmt: skip
    html = petugas_client.post("/petugas/konten/artikel/baru/", form).content.decode()
    assert message in html and url in html
    assert not Article.objects.exists()


def test_content_review_lists_items_not_reviewed_for_twelve_months(seeded):
    Article.objects.filter(slug="e-visa").update(reviewed_on=datetime.date(2025, 1, 1))
    Article.objects.filter(slug="m-paspor").update(reviewed_on=None)
    out = StringIO()
    call_command("content_review", "--today", "2026-12-04", stdout=out)
    lines = out.getvalue().splitlines()
    assert "article\te-visa\t2025-01-01" in lines and "article\tm-paspor\tnever" in lines
    assert not any("\tjalur-resmi-bekerja-ke-luar-negeri\t" in line for line in lines)
    out = StringIO()
    call_command("content_review", "--today", "2028-01-01", stdout=out)
    assert "rule\ttask_scam\t2026-12-04" in out.getvalue() and "emergency\tdarurat" in out.getvalue()
    assert "advice\tdomestic_disnaker\t2026-12-05" in out.getvalue()
    out = StringIO()
    call_command("content_review", "--today", "2027-06-01", stdout=out)
    assert "\tdomestic_disnaker\t" not in out.getvalue()
