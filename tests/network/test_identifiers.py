"""Extraction and normalisation of every identifier kind, from structured parties and from free text."""

import pytest

from jaring.lib.identifiers import extract, from_text, normalise


def values(text: str, kind: str) -> list[str]:
    return [i.value for i in from_text(text) if i.kind == kind]


@pytest.mark.parametrize(
    "raw",
    ["0812-3456-7890", "+62 812 3456 7890", "6281234567890", "0062 812 3456 7890", "0812 3456 7890",
     "(0812) 34567890", "+62-812-3456-7890", "081234567890"],
)  # fmt: skip
def test_indonesian_phone_in_any_writing_becomes_one_e164(raw):
    assert normalise("phone", raw) == [("phone", "+6281234567890")]
    assert values(f"hubungi {raw} ya", "phone") == ["+6281234567890"]


def test_malaysian_and_singaporean_phones():
    assert normalise("phone", "012-345 6789") == [("phone", "+60123456789")]
    assert normalise("phone", "+60 12-345 6789") == [("phone", "+60123456789")]
    assert normalise("phone", "+65 9123 4567") == [("phone", "+6591234567")]
    assert normalise("phone", "9123 4567") == [("phone", "+6591234567")]


def test_absurd_phone_is_rejected_not_linked():
    assert normalise("phone", "1" * 500) == []
    assert values("nomor " + "8" * 500, "phone") == []
    assert normalise("phone", "12") == []


def test_email_is_lower_cased_and_validated():
    assert normalise("email", "LOKER.Jaya@Gmail.COM") == [("email", "loker.jaya@gmail.com")]
    assert normalise("email", "bukan email") == []
    assert values("kirim CV ke Loker@Example.co.id segera", "email") == ["loker@example.co.id"]


def test_whatsapp_link_is_canonical_and_yields_the_phone():
    found = normalise("url", "https://api.whatsapp.com/send?phone=6281234567890&text=halo")
    assert found == [("url", "wa.me/6281234567890"), ("phone", "+6281234567890")]
    text = from_text("chat wa.me/6281234567890 sekarang")
    assert [(i.kind, i.value) for i in text] == [("url", "wa.me/6281234567890"), ("phone", "+6281234567890")]


def test_profile_links_become_platform_handles():
    assert normalise("url", "https://www.facebook.com/Loker.Malaysia/") == [
        ("handle", "facebook:loker.malaysia")
    ]
    assert normalise("url", "https://m.facebook.com/profile.php?id=10001234") == [
        ("handle", "facebook:10001234")
    ]
    assert normalise("url", "instagram.com/lokerjaya?igsh=xyz") == [("handle", "instagram:lokerjaya")]
    assert normalise("url", "https://www.tiktok.com/@kerja.luar/video/123") == [
        ("handle", "tiktok:kerja.luar")
    ]
    assert normalise("url", "https://t.me/LokerBatam") == [
        ("url", "t.me/lokerbatam"),
        ("handle", "telegram:lokerbatam"),
    ]


def test_other_links_keep_host_and_path_without_scheme_query_or_slash():
    assert normalise("url", "HTTPS://www.Loker-Jaya.com/daftar/?utm_source=fb#top") == [
        ("url", "loker-jaya.com/daftar")
    ]
    assert normalise("url", "https://facebook.com/groups/123456") == [("url", "facebook.com/groups/123456")]


def test_handles_take_the_platform_named_next_to_them():
    assert normalise("handle", "@LokerJaya (IG)") == [("handle", "instagram:lokerjaya")]
    assert normalise("handle", "tiktok: kerja.luar") == [("handle", "tiktok:kerja.luar")]
    assert normalise("handle", "@tanpa_platform") == [("handle", "@tanpa_platform")]
    assert values("follow IG @lokerjaya dan tiktok @kerja.luar atau @lain", "handle") == [
        "instagram:lokerjaya", "tiktok:kerja.luar", "@lain"]  # fmt: skip


def test_canonical_values_normalise_to_themselves():
    for kind, value in [("handle", "instagram:lokerjaya"), ("account", "bca:1234567890"),
                        ("account", "dana:+6285712345678"), ("url", "wa.me/6281234567890"),
                        ("phone", "+6281234567890"), ("email", "a@b.co")]:  # fmt: skip
        assert (kind, value) in normalise(kind, value)


def test_bank_accounts_keep_bank_and_digits():
    assert normalise("account", "BCA 123-456-7890 a.n. Budi") == [("account", "bca:1234567890")]
    assert normalise("account", "Bank Mandiri no rek 1400012345678") == [("account", "mandiri:1400012345678")]
    assert normalise("account", "1234567890") == [("account", "bank:1234567890")]
    assert values("transfer ke rekening BRI: 0021-01-000123-50-1 ya", "account") == ["bri:002101000123501"]


def test_e_wallets_are_keyed_by_their_phone_number():
    assert normalise("account", "DANA 0857 1234 5678") == [("account", "dana:+6285712345678")]
    assert values("bayar lewat OVO 0812-3456-7890 atau GoPay 081234567891", "account") == [
        "ovo:+6281234567890", "gopay:+6281234567891"]  # fmt: skip


def test_absurd_account_is_rejected():
    assert normalise("account", "BCA " + "1" * 40) == []


def test_companies_lose_legal_forms_case_and_punctuation():
    for raw in ["PT. Maju Jaya Abadi", "pt maju jaya abadi", "P.T. MAJU JAYA ABADI", "Maju Jaya Abadi, PT",
                "PT Maju-Jaya Abadi Tbk"]:  # fmt: skip
        assert normalise("company", raw) == [("company", "maju jaya abadi")], raw
    assert normalise("company", "Sinar Harapan Sdn. Bhd.") == [("company", "sinar harapan")]
    assert normalise("company", "CV Bintang Timur") == [("company", "bintang timur")]
    assert normalise("company", "UD Sumber Rejeki") == [("company", "sumber rejeki")]
    assert normalise("company", "PT") == []
    assert values("Agen PT. Maju Jaya Abadi dan Sinar Harapan Sdn Bhd di Johor", "company") == [
        "maju jaya abadi", "sinar harapan"]  # fmt: skip


def test_person_names_lose_honorifics():
    for raw in ["Pak Budi Santoso", "Bapak H. Budi Santoso", "bu budi santoso", "Bang Budi  Santoso",
                "Kak Budi Santoso", "Mr. Budi Santoso"]:  # fmt: skip
        assert normalise("person", raw) == [("person", "budi santoso")], raw
    assert values("hubungi Pak Rudi Hartono atau transfer a.n. Siti Aminah", "person") == [
        "rudi hartono", "siti aminah"]  # fmt: skip


def test_passport_numbers():
    assert normalise("passport", "c 123 4567") == [("passport", "C1234567")]
    assert normalise("passport", "A12345678") == [("passport", "A12345678")]
    assert normalise("passport", "12345") == []
    assert values("paspor saya ditahan agen, no. paspor X1234567", "passport") == ["X1234567"]


def test_vehicle_plates():
    assert normalise("plate", "bp1234xy") == [("plate", "BP 1234 XY")]
    assert normalise("plate", "BP-1234-XY") == [("plate", "BP 1234 XY")]
    assert normalise("plate", "ZZ 1234 XY") == []  # not an Indonesian registration area
    assert values("dijemput mobil Avanza BP 1234 XY di pelabuhan", "plate") == ["BP 1234 XY"]


def test_vessel_names():
    assert normalise("vessel", "KM Sinar Jaya") == [("vessel", "sinar jaya")]
    assert normalise("vessel", "M.V. Ocean Star") == [("vessel", "ocean star")]
    assert values("berangkat naik KM Kelud lalu speedboat Bintang Laut", "vessel") == [
        "kelud",
        "bintang laut",
    ]


def test_each_identifier_keeps_raw_text_and_span():
    text = "Hubungi 0812-3456-7890 sekarang"
    (found,) = from_text(text)
    assert (found.raw, found.source, text[found.start : found.end]) == (
        "0812-3456-7890",
        "text",
        "0812-3456-7890",
    )
    (party,) = extract(None, [{"kind": "company", "value": "PT Maju"}])
    assert (party.source, party.raw, party.value) == ("party:0", "PT Maju", "maju")


def test_structured_parties_of_unknown_kind_or_type_are_ignored():
    assert extract(None, [{"kind": "telepati", "value": "x"}, {"kind": "phone", "value": 12}, "junk"]) == []
