"""The labelled sets' quality floor (issue #5: F1 >= 0.9 on the dev set), so a rule change cannot quietly lower it.

Same measure as benchmarks/eval_screening.py: `risk_level in {tinggi, sedang}` against the label "risk", with
the SAMPLE P3MI registry loaded; that script prints the details (per-flag recall, misses).
"""

import json
from pathlib import Path

import pytest

from jaring.screening.engine import StaticLookups, screen

from .conftest import sample_companies

DATA = Path(__file__).resolve().parent / "data"


@pytest.mark.parametrize("name", ["devset", "heldout"])
def test_labelled_set_keeps_f1_and_offer_accuracy_above_0_9(name):
    lookups = StaticLookups(sample_companies())
    items = [json.loads(line) for line in (DATA / f"{name}.jsonl").open(encoding="utf-8") if line.strip()]
    tp = fp = fn = offers = 0
    for item in items:
        result = screen(item["text"], lookups=lookups, model=None)
        predicted, actual = result["risk_level"] in ("tinggi", "sedang"), item["label"] == "risk"
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
        offers += result["is_job_offer"] == item["is_offer"]
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert len(items) >= 40
    assert f1 >= 0.9, f"{name}: F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})"
    assert offers / len(items) >= 0.9
