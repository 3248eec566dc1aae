"""The identifier reader on numbers, accounts and handles written to dodge platform filters (issue #20).

Every evasive form reads back to the plainly written value (with a confidence), an ambiguous one is a proposal,
and a form that reads as no valid number yields nothing: never a wrong number. False friends stay words.
"""

import pytest

from jaring.lib import identifiers as ids
from jaring.lib.identifier_readings import LINK_CONFIDENCE, scan
from jaring.lib.phones import find_phones, normalise_phone

NUMBER = "+6281234567890"


def phones(text: str) -> list[str]:
    """Phones that link (what the batch linker and extract() see)."""
    return [value for kind, value in ids.text_values(text) if kind == "phone"]


@pytest.mark.parametrize(
    "text",
    [
        "WA nol delapan satu dua tiga empat lima enam tujuh delapan sembilan nol",
        "WA NOL DELAPAN SATU DUA TIGA EMPAT LIMA ENAM TUJUH DELAPAN SEMBILAN NOL",
        "hubungi kosong delapan satu dua tiga empat lima enam tujuh delapan sembilan kosong",
        "call zero eight one two three four five six seven eight nine zero",
        "nol-delapan-satu-dua-tiga-empat-lima-enam-tujuh-delapan-sembilan-nol",
        "WA 0812 tiga empat 56 7890",
        "WA nol delapan 12-3456-7890",
        "+62 812 tiga empat 5678 90",
        "plus enam dua delapan satu dua tiga empat lima enam tujuh delapan sembilan nol",
        "WA O812-3456-789O",
        "WA 08l2-3456-7890",
        "WA 08I2 3456 7890",
        "WA 0812-34S6-7890",
        "WA 0812-3456-7B90",
        "0️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣9️⃣0️⃣",
        "WA ０８１２－３４５６－７８９０",
        "WA 𝟎𝟖𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗𝟎",
        "WA 0812*3456*7890",
        "WA 0812 . 3456 . 7890",
        "WA 0812_3456_7890",
        "WA 0812 | 3456 | 7890",
    ],
)
def test_every_evasive_form_reads_as_the_plain_number(text):
    assert phones(text) == [NUMBER]
    (reading,) = [i for i in ids.read(text) if i.kind == "phone"]
    assert LINK_CONFIDENCE <= reading.confidence < 1.0
    assert reading.raw.strip() and text[reading.start : reading.end] == reading.raw


def test_letters_for_digits_never_make_another_number():
    assert phones("hub 08l2-5566-7788") == ["+6281255667788"]
    assert ids.normalise("phone", "08l2-5566-7788") == [("phone", "+6281255667788")]
    # A letter that stands for no digit: nothing at all, not the digits after it (+6255667788).
    assert phones("hub 08x2-5566-7788") == []
    assert phones("hub 0812-5566-77x8") == []
    assert normalise_phone("08l2-5566-7788") is None  # the plain parser never drops a letter inside a number


def test_a_reading_that_is_no_valid_number_yields_nothing():
    assert phones("WA nol sembilan sembilan sembilan") == []
    assert phones("WA nol nol nol nol nol nol nol nol nol") == []
    assert phones("kode O0O0O0O0O0") == []
    assert ids.normalise("phone", "nol delapan satu dua") == []


def test_partly_spelled_numbers_read_whole():
    assert phones("0812 tiga 456789") == ["+628123456789"]


def test_an_ambiguous_reading_is_a_proposal_not_a_link():
    text = "WA 0812 3456 78 sembilan nol"  # 0812 3456 7890, or 0812 3456 78 followed by two words
    assert phones(text) == []
    readings = {(i.value, i.confidence) for i in ids.read(text)}
    assert readings == {("+6281234567890", 0.6), ("+62812345678", 0.6)}
    assert ids.extract(text) == []
    # Three letters for digits: proposed, not linked.
    assert phones("WA O8l2-3456-78S0") == []
    assert [(i.value, i.confidence) for i in ids.read("WA O8l2-3456-78S0")] == [("+6281234567850", 0.6)]


def test_two_numbers_spelled_back_to_back_are_nothing():
    text = " ".join(["nol delapan satu dua tiga empat lima enam tujuh delapan sembilan nol"] * 2)
    assert phones(text) == [] and ids.read(text) == []


def test_accounts_written_evasively():
    assert ids.text_values("transfer ke BCA satu dua tiga empat lima enam tujuh delapan sembilan nol") == [
        ("account", "bca:1234567890")
    ]
    assert ids.text_values("BRI 1234*5678*9012*345") == [("account", "bri:123456789012345")]
    assert ids.text_values("rek BNI 12345678O9 a.n Budi")[:1] == [("account", "bni:1234567809")]
    assert ids.text_values("DANA nol delapan satu dua 3456 7890") == [("account", "dana:+6281234567890")]
    assert ids.normalise("account", "Mandiri satu dua tiga 4567890123") == [
        ("account", "mandiri:1234567890123")
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("DM @loker . kamboja", "@loker.kamboja"),
        ("DM @loker .kamboja", "@loker.kamboja"),
        ("IG @ loker_kamboja", "instagram:loker_kamboja"),
        ("tiktok @loker _ kamboja", "tiktok:loker_kamboja"),
    ],
)
def test_handles_with_spaces_or_dots_inserted(text, value):
    assert ids.text_values(text) == [("handle", value)]
    assert ids.normalise("handle", text.split(" ", 1)[1]) == [
        ("handle", value.replace("instagram:", "@").replace("tiktok:", "@"))
    ]


def test_a_handle_then_a_sentence_is_not_one_handle():
    assert ids.text_values("DM @budi. Besok berangkat") == [("handle", "@budi")]
    # "@budi. kamboja" may be a sentence end without a capital: proposed, not linked.
    assert ids.text_values("DM @budi. kamboja") == []
    assert [(i.value, i.confidence) for i in ids.read("DM @budi. kamboja")] == [("@budi.kamboja", 0.6)]


@pytest.mark.parametrize(
    "text",
    [
        "Berangkat satu dua hari lagi, tujuh orang sudah daftar.",
        "Kami perusahaan B2B, standar 5S, ISO9001.",
        "Model SM-G991B, iPhone 15 Pro Max, RX100 V, Z10, B1234S.",
        "Gaji Rp 8.5jt per bulan, bonus Rp 1.500.000",
        "Tanggal 12-05-2024 atau 12/05/2024, jam 08.00-17.00",
        "Plat BP 1234 XY, B 1234 SZ",
        "Sistem kontrol satuan nol, bersatu kesatuan, nolak",
        "Langkah satu dua tiga empat lima enam",
        "one two three four five six seven, here we go",
        "kamar 5 lantai 2, Blok B2 No. 10",
        "0812 3456 7890 satu dua hari lagi",
    ],
)
def test_false_friends_do_not_become_phone_numbers(text):
    expected = ["+6281234567890"] if text.startswith("0812") else []
    assert phones(text) == expected
    assert [i for i in ids.read(text) if i.kind == "phone" and i.value != NUMBER] == []
    assert all(r.kind != "phone" for r in scan(text).readings)


def test_plain_numbers_read_as_before():
    text = "WA 0812-3456-7890 atau +60 12-345 6789, rek BCA 123-456-7890"
    assert ids.text_values(text) == [
        ("account", "bca:1234567890"),
        ("phone", "+6281234567890"),
        ("phone", "+60123456789"),
    ]
    assert [e for e, *_ in find_phones("0812 3456 7890")] == [NUMBER]
    assert all(i.confidence == 1.0 for i in ids.read(text))


@pytest.mark.parametrize(
    "value",
    ["nol delapan satu dua tiga empat lima enam tujuh delapan sembilan nol", "0️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣9️⃣0️⃣",
     "０８１２３４５６７８９０", "0812*3456*7890", "O812-3456-789O", "0812 tiga empat 56 7890"],
)  # fmt: skip
def test_structured_values_written_evasively_read_as_the_number(value):
    assert ids.normalise("phone", value) == [("phone", NUMBER)]
    assert ids.read_phone(value) == NUMBER


@pytest.mark.parametrize(
    "text", ["Karnival Kerjaya MyFuture Jobs @ MOHE Zon Borneo", "Ketemu @ 10 pagi", "Harga @ Rp 50.000"]
)
def test_an_at_sign_for_at_is_no_handle(text):
    assert [i for i in ids.read(text) if i.kind == "handle"] == []
