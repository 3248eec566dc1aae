"""The sourced corpus (src/jaring/screening/data/corpus/): schema, sources, frozen split, datasheet counts."""

from collections import Counter
from urllib.parse import urlsplit

from django.core.management import call_command

from jaring.screening import corpus

ITEMS = corpus.load()


def test_every_item_follows_the_schema():
    assert len(ITEMS) >= 100
    assert corpus.problems(ITEMS) == []


def test_every_item_cites_a_page_not_a_site_root():
    for item in ITEMS:
        url = urlsplit(item["source"]["url"])
        assert url.scheme in ("http", "https") and url.netloc, item["id"]
        assert url.path.strip("/") or url.query, item["id"]


def test_ids_are_unique_and_labels_and_flags_known():
    assert len({i["id"] for i in ITEMS}) == len(ITEMS)
    assert {i["label"] for i in ITEMS} == set(corpus.LABELS)
    assert all(set(i["flags"]) <= set(corpus.FLAGS) for i in ITEMS)
    assert all(i["flags"] for i in ITEMS if i["label"] == "risk")


def test_schema_check_catches_bad_items():
    good = ITEMS[0]
    root = good | {"id": "x-1", "source": good["source"] | {"url": "https://www.antaranews.com/"}}
    flagged_warning = good | {"id": "x-2", "label": "not_offer", "flags": ["fee_or_debt"]}
    unknown = good | {"id": "x-3", "flags": ["made_up"]}
    problems = corpus.problems([root, flagged_warning, unknown, unknown])
    assert any("site root" in p for p in problems)
    assert any("not risk" in p for p in problems)
    assert any("unknown code" in p for p in problems)
    assert any("duplicate id" in p for p in problems)


def test_frozen_test_split_keeps_each_source_on_one_side_and_is_about_a_fifth():
    side: dict[str, bool] = {}
    for item in ITEMS:
        assert side.setdefault(corpus.group_of(item), corpus.is_test(item)) == corpus.is_test(item)
    share = sum(side.values()) / len(side)
    assert 0.12 < share < 0.28


def test_datasheet_counts_are_those_of_the_corpus():
    text = (corpus.CORPUS_DIR / "DATASHEET.md").read_text(encoding="utf-8")
    assert corpus.datasheet_with_counts(text, ITEMS) == text, "run: jaring screening_corpus --datasheet"


def test_corpus_command_validates(capsys):
    call_command("screening_corpus")
    assert f"{len(ITEMS)} items, schema valid" in capsys.readouterr().out


def test_no_source_gives_more_than_four_items():
    assert max(Counter(corpus.group_of(i) for i in ITEMS).values()) <= 4
