"""Hostile input gets a normal answer quickly: no crash, no catastrophic backtracking."""

import os
import random
import time

import pytest

from jaring.screening.engine import MAX_LENGTH, screen

# Generous wall-clock bound (CI machines are shared); a regex that backtracks would take minutes, not seconds.
LIMIT_SECONDS = 2.0


def timed(text: str) -> tuple[dict, float]:
    started = time.perf_counter()
    result = screen(text)
    return result, time.perf_counter() - started


def hostile_texts() -> dict[str, str]:
    rng = random.Random(5)
    junk = os.urandom(MAX_LENGTH).decode("latin-1")
    return {
        "repeated_phones": ("0812-3456-7890 " * 700)[:MAX_LENGTH],
        "phones_without_spaces": ("+6281234567890" * 800)[:MAX_LENGTH],
        "emoji_flood": "🙂💰🇰🇭" * (MAX_LENGTH // 4),
        "binary_junk": junk,
        "mixed_scripts": ("Lowongan 工作 вакансия وظيفة งาน gaji ১৫ 15jt ") * 200,
        "digits": "9" * MAX_LENGTH,
        "digit_separators": ("1 -" * MAX_LENGTH)[:MAX_LENGTH],
        "spaced_out_digits": " ".join(rng.choice("0123456789") for _ in range(MAX_LENGTH // 2)),
        "spaced_out_numbers": ("0 8 1 2 3 4 5 6 7 8 9 0, " * 500)[:MAX_LENGTH],
        "dots": ("a." * MAX_LENGTH)[:MAX_LENGTH],
        "capitalised_words": ("PT Abc " * 2000)[:MAX_LENGTH],
        "money": ("Rp 1.000.000.000,- " * 600)[:MAX_LENGTH],
        "at_signs": ("@a" * MAX_LENGTH)[:MAX_LENGTH],
        "urls": ("http://a.b/" * 1000)[:MAX_LENGTH],
        "random_words": " ".join(
            "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)) for _ in range(1200)
        )[:MAX_LENGTH],
        "zero_width": "\u200b" * MAX_LENGTH,
        "symbols_after_one_word": "gaji" + "!" * (MAX_LENGTH - 4),
        "combining_marks": "a\u0301" * (MAX_LENGTH // 2),
    }


@pytest.mark.parametrize("name", list(hostile_texts()))
def test_hostile_text_gets_a_normal_answer_quickly(name):
    result, seconds = timed(hostile_texts()[name])
    assert result["risk_level"] in ("tinggi", "sedang", "rendah")
    assert 0 <= result["score"] <= 1
    assert seconds < LIMIT_SECONDS, f"{name}: {seconds:.2f}s"


def test_ten_thousand_characters_of_phone_numbers_are_found_and_capped():
    result, _ = timed(("0812-3456-7890 " * 700)[:MAX_LENGTH])
    assert result["entities"]["phones"][0]["value"] == "+6281234567890"
    assert len(result["entities"]["phones"]) == 1  # the same number, listed once
