"""lib.phones: phone numbers as people type them in Indonesia, Malaysia and Singapore, to E.164."""

import pytest

from jaring.lib.phones import find_phones, normalise_phone


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("0062 812 3456 7890", "+6281234567890"),
        ("(0778) 123456", "+62778123456"),
        ("012-345 6789", "+60123456789"),
        ("+60 12-345 6789", "+60123456789"),
        ("+65 9123 4567", "+6591234567"),
        ("91234567", "+6591234567"),
        ("60123456789", "+60123456789"),
        ("0060 12-345 6789", "+60123456789"),
        ("6591234567", "+6591234567"),
        ("0065 9123 4567", "+6591234567"),
    ],
)
def test_phone_is_normalised_to_e164(raw, e164):
    assert normalise_phone(raw) == e164


@pytest.mark.parametrize("raw", ["12", "15.000.000", "0000000000000000000", "abc"])
def test_not_a_phone(raw):
    assert normalise_phone(raw) is None


def test_find_phones_gives_offsets_and_skips_money():
    text = "Gaji Rp 15.000.000, hubungi 0812-3456-7890 / 0813 1111 2222 atau wa.me/6281234567890"
    found = find_phones(text)
    assert [f[0] for f in found] == ["+6281234567890", "+6281311112222", "+6281234567890"]
    for _e164, start, end, raw in found:
        assert text[start:end] == raw


def test_two_numbers_separated_by_a_space_are_two_numbers():
    assert [f[0] for f in find_phones("0812 3456 7890 0813 1111 2222")] == [
        "+6281234567890",
        "+6281311112222",
    ]


def test_malaysian_and_singaporean_numbers_without_plus_are_found_in_text():
    text = "Agen KL: 60123456789 atau 0060 12-345 6789; Singapura 0065 9123 4567 / 6591234567."
    assert [f[0] for f in find_phones(text)] == ["+60123456789", "+60123456789", "+6591234567", "+6591234567"]


@pytest.mark.parametrize(
    "text",
    [
        "WA 0 8 1 2 3 4 5 6 7 8 9 0 ya",
        "wa: 0-8-1-2-3-4-5-6-7-8-9-0",
        "hub + 6 2 8 1 2 3 4 5 6 7 8 9 0 sekarang",
    ],
)
def test_digits_spaced_out_to_slip_past_filters_are_one_number(text):
    assert [f[0] for f in find_phones(text)] == ["+6281234567890"]


@pytest.mark.parametrize(
    "text", ["0 1 2 3 4 5 6 7 8 9", "langkah 1 2 3 4 5 6 7 8", "skor 9 8 7 6 5 4 3 2 1 0"]
)
def test_lists_of_single_digits_are_not_numbers(text):
    assert find_phones(text) == []
