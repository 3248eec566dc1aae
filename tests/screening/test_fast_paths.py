"""The checker's shortcuts give exactly what the plain way gives: skipped identifier scans, salary amounts tried
only before digits, and weekly counters updated in one statement."""

import json
import random
from pathlib import Path

import pytest

from jaring.lib import identifiers
from jaring.screening.engine import default_rules, screen
from jaring.screening.engine.salary import _AMOUNT, _amounts, find_salaries
from jaring.screening.models import ScreeningStat
from jaring.screening.services import screening_stat_record

DEVSET = Path(__file__).resolve().parent / "data" / "devset.jsonl"


def devset_texts() -> list[str]:
    return [
        json.loads(line)["text"] for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def test_identifier_scan_limited_to_some_kinds_finds_the_same_identifiers_of_those_kinds():
    kinds = ("phone", "email", "url", "handle", "account", "company")
    texts = [*devset_texts(), "Kapal KM Sinar Jaya, plat BP 1234 XY, paspor A1234567, a.n. Budi Santoso"]
    for text in texts:
        everything = [ident for ident in identifiers.from_text(text) if ident.kind in kinds]
        assert identifiers.from_text(text, kinds) == everything


def test_identifier_scan_of_every_kind_is_the_default():
    text = "Kapal KM Sinar Jaya, plat BP 1234 XY, paspor A1234567, WA 0812-3456-7890"
    assert identifiers.from_text(text, identifiers.KINDS) == identifiers.from_text(text)
    assert {ident.kind for ident in identifiers.from_text(text)} >= {"vessel", "plate", "passport", "phone"}


def test_salary_amounts_are_the_regex_matches_of_the_whole_text():
    rng = random.Random(7)
    alphabet = "0123456789 .,-/$€¥₩\trpRPmjutakblnusdhari~sdgajiRM"
    texts = [*devset_texts(), *("".join(rng.choice(alphabet) for _ in range(60)) for _ in range(3000))]
    for text in texts:
        assert [m.span() for m in _amounts(text)] == [m.span() for m in _AMOUNT.finditer(text)], text


def test_salary_found_after_currency_and_spaces():
    table = default_rules().data.salary
    (salary,) = find_salaries("Gaji: US$  1.500 per bulan", table)
    assert salary["currency"] == "USD" and salary["text"].startswith("US$")


@pytest.mark.django_db
def test_counters_are_right_when_some_rows_of_a_check_exist_and_some_are_new():
    # Rules only: the second text's flags must include the first's (a model may weigh words differently).
    first = screen("Dicari admin di Kamboja, gaji 15jt/bln, visa turis. WA 0812-3456-7890", model=None)
    second = screen(
        "Dicari admin di Kamboja, gaji 15jt/bln, visa turis, paspor ditahan agen. WA 0812-3456-7890",
        model=None,
    )
    new_flags = {f["code"] for f in second["flags"]} - {f["code"] for f in first["flags"]}
    assert first["risk_level"] == second["risk_level"] and new_flags
    screening_stat_record(result=first, channel="api")
    screening_stat_record(result=second, channel="api")  # some rows exist, some are new
    screening_stat_record(result=second, channel="api")  # every row exists: the one-statement path
    counts = dict(ScreeningStat.objects.values_list("flag", "count"))
    assert counts[""] == 3
    for flag in first["flags"]:
        assert counts[flag["code"]] == 3
    for code in new_flags:
        assert counts[code] == 2
