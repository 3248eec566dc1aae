"""The interview guide is data officers review: its shape is checked like the screening rules."""

import copy
import json

import pytest

from jaring.checkpoints import guide

RAW = json.loads(guide.PATH.read_text(encoding="utf-8"))
# The legal bases FACTS.md names for checkpoint screening and the PMI route; nothing else may be cited.
KNOWN_BASES = ("Permenkumham 9/2024", "IMI.2.GR.01.01-4.5890/2021", "UU 18/2017", "UU 21/2007")


def test_the_shipped_guide_is_valid() -> None:
    guide.validate(RAW)
    assert guide.load().reason_codes


def test_every_legal_basis_is_one_facts_md_names() -> None:
    for key, labels in RAW["legal_bases"].items():
        assert any(name in labels["id"] for name in KNOWN_BASES), key


def test_every_question_and_reason_has_both_languages_and_a_basis() -> None:
    for item in RAW["questions"] + RAW["reasons"]:
        assert item["legal_basis"]
    for q in RAW["questions"] + RAW["self_interview"]:
        assert q["text"]["id"] and q["text"]["en"] and q["text"]["id"] != q["text"]["en"]


def test_the_self_interview_asks_nothing_about_who_the_traveller_is() -> None:
    words = ("nama", "paspor nomor", "alamat rumah", "nomor telepon")
    for q in RAW["self_interview"]:
        assert not any(w in q["text"]["id"].lower() for w in words)


def _broken(change) -> dict:  # type: ignore[no-untyped-def]
    data = copy.deepcopy(RAW)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["questions"][0]["text"].pop("en"), "needs a text"),
        (lambda d: d["questions"][2]["flags"].update({"no": "tidak_ada"}), "unknown reason"),
        (lambda d: d["questions"][2]["flags"].update({"mungkin": "tiket_sekali_jalan"}), "unknown answer"),
        (lambda d: d["reasons"][0].update({"legal_basis": ["pasal_karangan"]}), "unknown legal basis"),
        (lambda d: d["reasons"][0].update({"legal_basis": []}), "legal_basis missing"),
        (lambda d: d["reasons"].append(dict(d["reasons"][0])), "unique"),
        (lambda d: d["questions"][1].update({"type": "slider"}), "type must be"),
        (lambda d: d["self_interview"][0]["flags"].update({"yes": "tidak_ada"}), "unknown reason"),
        (lambda d: d["destinations"].append({"code": "MYS", "label": {"id": "x", "en": "y"}}), "alpha-2"),
    ],
)
def test_a_broken_guide_fails_loudly(change, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(guide.GuideError, match=message):
        guide.validate(_broken(change))


def test_answers_raise_the_reasons_the_guide_names() -> None:
    answers = {"tujuan": "tidak_jelas", "tiket_kembali": "no", "dibayar_orang_lain": "no"}
    assert guide.flags_for(answers) == ["tujuan_tidak_jelas", "tiket_sekali_jalan"]
    assert guide.flags_for({"tujuan": "wisata", "tiket_kembali": "yes"}) == []


def test_self_interview_answers_raise_reasons() -> None:
    assert guide.flags_for({"paspor_dipegang": "yes", "utang": "yes"}, self_interview=True) == [
        "keterangan_tidak_konsisten",
        "biaya_dibayar_pihak_lain",
    ]


def test_unknown_questions_and_answers_are_refused_with_a_message() -> None:
    clean, errors = guide.clean_answers(
        {"tujuan": "liburan", "warna_favorit": "biru", "tiket_kembali": "yes"}
    )
    assert clean == {"tiket_kembali": "yes"}
    assert len(errors) == 2 and "tidak dikenal" in errors[0]
