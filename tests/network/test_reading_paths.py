"""The identifier reader's fast paths (issue #20, 10M records) give what the slow paths give.

Each shortcut of lib.identifiers, lib.identifier_readings and lib.phones is compared with the test it skips
or replaces, on generated records (evasive forms included), on the false friends of the reader's tests and on
random strings over the characters that matter to it.
"""

import random

import pytest

from jaring.lib import identifier_readings as readings
from jaring.lib import identifiers as ids
from jaring.lib import phones
from jaring.lib.anchored import anchored_matches
from jaring.network import synthetic

FALSE_FRIENDS = [
    "Berangkat satu dua hari lagi, tujuh orang sudah daftar.",
    "Kami perusahaan B2B, standar 5S, ISO9001.",
    "Model SM-G991B, iPhone 15 Pro Max, RX100 V, Z10, B1234S.",
    "Gaji Rp 8.5jt per bulan, bonus Rp 1.500.000",
    "Tanggal 12-05-2024 atau 12/05/2024, jam 08.00-17.00",
    "Plat BP 1234 XY, B 1234 SZ",
    "Sistem kontrol satuan nol, bersatu kesatuan, nolak",
    "one two three four five six seven, here we go",
    "0812 3456 7890 satu dua hari lagi",
    "WA 08l2-3456-7890, rek BCA 123-456-7890 a.n. Budi, +62 (812) 3456-7890, 0062 812 3456 7890",
    "Pak Budi di KM Sinar Jaya, PT Maju Jaya, paspor B1234567, Sdn Bhd, www.loker.com/a, DM @loker . kamboja",
]


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [record for record, _network in synthetic.records(3000, seed=41, evasive=0.3)]


@pytest.fixture(scope="module")
def texts(records) -> list[str]:
    return [record["text"] for record in records if record.get("text")] + FALSE_FRIENDS


def random_strings(alphabet: str, count: int, longest: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_an_ascii_text_reads_as_through_the_unicode_paths(texts):
    """The ASCII patterns and gates against the general ones: a character outside ASCII on a line of its own
    sends the same text through the Unicode patterns, the whole-text provider test and the full evasion scan."""
    ascii_texts = [text for text in texts if text.isascii()]
    assert len(ascii_texts) > 2500
    for text in ascii_texts:
        assert ids._scan(text, ids.KINDS) == ids._scan(text + "\n✓", ids.KINDS), text


@pytest.mark.parametrize("seed", [1, 2])
def test_ascii_run_and_number_patterns_match_the_anchored_scans(texts, seed):
    corpus = [t for t in texts if t.isascii()] + random_strings("0123456789+() -.a_x", 20_000, 24, seed)
    for text in corpus:
        for pos in (0, 2):
            assert [m.span() for m in phones._RUN_ASCII.finditer(text, pos)] == [
                m.span() for m in anchored_matches(phones._RUN_START, phones._RUN, text, pos)
            ], text
            assert [(m.span(), m.group("number")) for m in ids._NUMBER_TEXT_ASCII.finditer(text, pos)] == [
                (m.span(), m.group("number"))
                for m in anchored_matches(ids._NUMBER_START, ids._NUMBER_TEXT, text, pos)
            ], text
        ascii_digit, digit = ids._ASCII_DIGITS.search(text), ids._DIGITS.search(text)
        assert (ascii_digit and ascii_digit.start()) == (digit and digit.start()), text


def test_shape_pattern_is_the_seven_substring_tests():
    hints = (b"0L", b"L0", b"0*", b"0 .", b"0-L", b"L-0", b"0 *")
    for text in random_strings("0L*.- xy", 50_000, 9, 3):
        shapes = text.encode()
        assert (readings._SHAPE_HINTS.search(shapes) is not None) == any(h in shapes for h in hints), text


def test_one_search_for_the_name_hints_misses_no_scan(texts):
    """No hint found: every gate it replaces is closed; a hint found: no gate opens before it."""
    hints = ids._PERSON_HINTS + ids._VESSEL_HINTS + ids._COMPANY_HINTS + ids._PASSPORT_HINTS
    letters = "".join(sorted(set("".join(hints)))) + " x"
    for text in texts + random_strings(letters, 30_000, 12, 4):
        hint = ids._NAME_HINTS.search(text)
        person, vessel = ids._PERSON_GATE.search(text), ids._VESSEL_GATE.search(text)
        words = [*ids._COMPANY_HINTS, *ids._PASSPORT_HINTS]
        if hint is None:
            assert person is None and vessel is None and not any(w in text for w in words), text
        else:
            assert person is None or person.start() >= hint.start(), text
            assert vessel is None or vessel.start() >= hint.start(), text
            assert all(text.find(w) < 0 or text.find(w) >= hint.start() for w in words), text


def test_a_run_of_one_digit_group_reads_as_the_general_cut(texts):
    runs = [m.group() for text in texts for m in phones._RUN.finditer(text)]
    runs += [
        digits + tail for digits in random_strings("0123456789", 5000, 18, 5) for tail in ("", ". ", ")")
    ]
    for run in runs:
        if run:
            assert phones._run_numbers(run, "ID") == tuple(phones._numbers_in_run(run, 0, len(run), "ID")), (
                run
            )


def test_runs_left_unread_hold_only_numbers_the_caller_drops(texts):
    rng = random.Random(6)
    for text in texts:
        spans = sorted((a, a + rng.randint(1, 30)) for a in rng.sample(range(len(text) + 1), 3))
        kept = [p for p in phones.find_phones_from(text, 0) if not any(s <= p[1] < e for s, e in spans)]
        skipped = phones.find_phones_from(text, 0, skip=spans)
        assert [p for p in skipped if not any(s <= p[1] < e for s, e in spans)] == kept, text
    # A text long enough to hold MAX_PHONES numbers reads every run, so that the limit keeps the same ones.
    long_text = " ".join(f"0812{n:07d}" for n in range(300))
    spans = [(0, 12 * 100)]
    assert phones.find_phones_from(long_text, 0, skip=spans) == phones.find_phones_from(long_text, 0)


def test_values_that_cannot_hold_an_evasion_read_as_nothing_evasive(records):
    values = [(p["kind"], p["value"]) for record in records for p in record.get("parties") or []]
    values += [(kind, text) for text in FALSE_FRIENDS for kind in ("phone", "account")]
    checked = 0
    for kind, value in values:
        if kind in ("phone", "account") and not readings.may_hold_evasion(value):
            assert readings.read_value(kind, value) == ([], False), value
            checked += 1
    assert checked > 1000


def test_phone_digits_of_an_ascii_text_as_the_pattern_gives_them():
    for raw in random_strings("0123456789+-() .xOlIB/", 20_000, 16, 7):
        assert raw.encode().translate(None, phones._NOT_DIAL_BYTES).decode() == phones._NOT_DIAL.sub("", raw)
        if raw.upper() == raw.lower():  # no letter: no letter can stand for a digit
            assert phones._LETTER_FOR_DIGIT.search(raw) is None
