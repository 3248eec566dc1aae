"""Impersonation: an offer that claims the authority of a ministry, BP2MI/KP2MI, an embassy or a famous company.
A claim the text makes itself ("agen resmi", "ngaku dari BP2MI", "pakai logo Kemnaker") is a red flag on its own;
a bare mention of an agency or brand needs a second sign (money, a free e-mail, a task scam...), because real
official notices name BP2MI and Kemnaker too, often with their lawful exam or medical fees."""

import json

import pytest
from pydantic import ValidationError

from jaring.screening.engine import screen
from jaring.screening.engine.ruleset import DEFAULT_PATH, RulesFile


def flagged(text: str, **kwargs) -> dict | None:
    result = screen(text, **kwargs)
    return next((f for f in result["flags"] if f["code"] == "impersonation"), None)


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        # Self-claims: need no second sign.
        (
            "Kami agen resmi, bisa berangkatkan cepat jadi pembantu di Malaysia. WA 0812-0000-1111.",
            "agen resmi",
        ),
        (
            "Licensed employment agency: helper jobs in Singapore, change employer fast. Message our page.",
            "Licensed employment agency",
        ),
        (
            "Jawatan kosong kilang di Johor untuk pekerja Indonesia, melalui agensi berlesen kami. Hubungi kami.",
            "agensi berlesen",
        ),
        (
            "Lowongan pabrik di Taiwan gaji 20 juta, posternya pakai logo BP2MI. Daftar lewat WA 0812-0000-2222.",
            "logo BP2MI",
        ),
        (
            "Ada lowongan kerja di Jepang dari orang yang ngaku petugas Disnaker, daftarnya lewat dia saja.",
            "ngaku petugas",
        ),
        (
            "Lowongan magang kerja ke Korea dari LPK yang bawa-bawa nama Kemnaker, gaji 20 juta sebulan.",
            "nama Kemnaker",
        ),
        # Mentions with a second sign.
        (
            "Saya petugas dari Kemnaker, ada lowongan kerja pabrik di Jepang. Kirim CV ke rekrutmen@gmail.com.",
            "petugas dari Kemnaker",
        ),
        (
            "Dicari pekerja kebun sawit di Malaysia. Kami mitra BP2MI, berangkat minggu depan, biaya proses 5 juta.",
            "mitra BP2MI",
        ),
        (
            "Dibutuhkan pramugari di Dubai, gaji 30 juta. Kirim CV ke hrd.emirates.recruit@gmail.com",
            "emirates",
        ),
    ],
)
def test_claims_of_official_or_famous_backing_are_flagged_by_the_rules(text, evidence):
    flag = flagged(text, model=None)
    assert flag is not None, text
    assert flag["found_by"] == "rules"
    assert any(evidence.lower() in span["text"].lower() for span in flag["evidence"]), flag["evidence"]
    assert flag["legal_basis"].startswith("UU 21/2007")


@pytest.mark.parametrize(
    "text",
    [
        # Real official notices name the agency, often with lawful fees the applicant pays himself.
        "PENGUMUMAN BP2MI: pendaftaran G to G Korea dibuka. Biaya ujian EPS-TOPIK USD 28 dibayar di bank yang "
        "ditunjuk. Daftar online di siskop2mi.bp2mi.go.id.",
        "Lowongan perawat G to G Jerman dari BP2MI, daftar di bp2mi.go.id. Peserta membayar biaya tes bahasa sendiri.",
        "Seleksi magang ke Jepang resmi dari Kemnaker dan IM Japan dibuka. Biaya medical check-up, paspor dan "
        "transport tanggung sendiri.",
        "Peraturan BP2MI Nomor 9 Tahun 2020: PMI pada 10 jabatan dibebaskan dari biaya penempatan; biaya tiket dan "
        "visa ditanggung pemberi kerja.",
        "Info loker Malaysia resmi: SIP2MI dari BP2MI untuk pengasuh bayi, kuota 75 orang. Cek dulu ke Disnaker.",
        "Disnaker Batam membuka job fair, 1.500 lowongan dari 20 perusahaan. Pendaftaran gratis, bawa kartu kuning.",
        # A place or a police report named in passing is not a claim of authority.
        "Kerja PRT di Saudi, gaji 3.100 riyal, berangkat pakai visa ziarah, nanti dijemput agen di bandara.",
        # An ordinary free e-mail address names no agency.
        "Dibutuhkan staf hotel di Dubai, gaji 12 juta. Kirim CV ke sitirahayu88@gmail.com",
    ],
)
def test_official_notices_and_passing_mentions_are_not_impersonation(text):
    assert flagged(text) is None, text
    assert flagged(text, model=None) is None, text


def test_a_bare_mention_needs_a_second_sign_a_claim_does_not():
    mention = "Lowongan kerja pabrik Samsung di Korea, gaji 9 juta sebulan. Hubungi kantor kami."
    assert flagged(mention, model=None) is None
    assert flagged(mention + " Bayar biaya administrasi 15 juta dulu.", model=None) is not None
    claim = "Lowongan kerja pabrik di Korea lewat agen resmi, gaji 9 juta sebulan. Hubungi kantor kami."
    assert flagged(claim, model=None) is not None


def test_claims_are_only_for_flags_that_have_a_context():
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    flag = next(f for f in data["flags"] if f["code"] == "passport_retention")
    assert not flag.get("context")
    flag["claims"] = ["=paspor =ditahan"]
    with pytest.raises(ValidationError, match="claims are for flags with a context"):
        RulesFile.model_validate(data)
