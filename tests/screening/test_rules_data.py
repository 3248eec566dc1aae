"""The rules file: its schema, and every rule's own examples (a positive and a negative each)."""

import json

import pytest

from jaring.screening.engine import load_rules, screen
from jaring.screening.engine.ruleset import DEFAULT_PATH, RulesFile

DATA = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
FLAG_CASES = [(f["code"], t, True) for f in DATA["flags"] for t in f["examples"]["positive"]]
FLAG_CASES += [(f["code"], t, False) for f in DATA["flags"] for t in f["examples"]["negative"]]
SIGNAL_CASES = [(s["code"], t, True) for s in DATA["signals"] for t in s["examples"]["positive"]]
SIGNAL_CASES += [(s["code"], t, False) for s in DATA["signals"] for t in s["examples"]["negative"]]
FACTS_CODES = {
    "unlicensed_recruiter", "social_media_recruitment", "unsolicited_contact", "unrealistic_salary",
    "no_skills_needed", "fee_or_debt", "costs_covered_lure", "tourist_visa_for_work", "destination_scam_hub",
    "bait_and_switch_location", "irregular_route", "urgent_departure", "passport_retention",
    "personal_payment_account", "impersonation", "task_scam", "no_contract", "restricted_destination",
    "internship_disguised_work", "targets_youth_students",
}  # fmt: skip


@pytest.mark.parametrize(("code", "text", "expected"), FLAG_CASES)
def test_flag_rule_example(code, text, expected, lookups):
    result = screen(text, lookups=lookups, model=None)
    codes = [flag["code"] for flag in result["flags"]]
    assert (code in codes) is expected, (codes, result["is_job_offer"])
    assert result["is_job_offer"], "rule examples are offers: the flag must be judged, not skipped"


@pytest.mark.parametrize(("code", "text", "expected"), SIGNAL_CASES)
def test_signal_rule_example(code, text, expected, lookups):
    codes = [signal["code"] for signal in screen(text, lookups=lookups, model=None)["positive_signals"]]
    assert (code in codes) is expected, codes


def test_every_red_flag_code_of_facts_has_a_rule():
    assert {flag["code"] for flag in DATA["flags"]} >= FACTS_CODES


def test_every_rule_cites_a_known_source_and_has_both_languages():
    for rule in DATA["flags"]:
        for field in ("title", "explanation", "legal_basis"):
            assert rule[field]["id"] and rule[field]["en"], (rule["code"], field)
        assert all(key.strip() in DATA["sources"] for key in rule["source"].split(","))


def test_schema_rejects_unknown_fields():
    broken = json.loads(json.dumps(DATA))
    broken["flags"][0]["typo_field"] = 1
    with pytest.raises(ValueError, match="typo_field"):
        RulesFile.model_validate(broken)


def test_schema_rejects_a_rule_without_examples():
    broken = json.loads(json.dumps(DATA))
    broken["flags"][0]["examples"]["negative"] = []
    with pytest.raises(ValueError):
        RulesFile.model_validate(broken)


def test_unknown_word_class_in_a_pattern_fails_at_load(tmp_path):
    broken = json.loads(json.dumps(DATA))
    broken["flags"][1]["patterns"].append("@no_such_class")
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown class"):
        load_rules(path)


def test_rules_file_is_versioned():
    assert DATA["version"] and DATA["updated"]
