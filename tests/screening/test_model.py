"""The learned scorer as shipped (data/model.json) and combined with the rules: the issue's own examples."""

import json

import pytest

from jaring.screening import corpus
from jaring.screening.engine import screen
from jaring.screening.engine.model import DEFAULT_PATH, Model, split_features
from jaring.screening.engine.ruleset import default_rules
from jaring.screening.engine.tokens import tokenize

RISKY = ("tinggi", "sedang")


def codes(result: dict) -> set[str]:
    return {flag["code"] for flag in result["flags"]}


def test_model_file_is_plain_json_small_and_loaded_by_default():
    raw = DEFAULT_PATH.read_bytes()
    assert len(raw) < 2_000_000 and not raw.startswith(b"\x80")  # JSON text, not a pickle
    data = json.loads(raw)
    assert {"heads", "stack", "neighbours", "flag_heads"} <= set(data)
    assert screen("Lowongan kerja di Kamboja gaji 15 juta")["model_version"] == data["version"]


def test_myawaddy_operator_offer_is_high_with_refuse_and_report_advice_never_licence_checks():
    result = screen("Dibutuhkan operator di Myawaddy, Myanmar, gaji 7 juta, DM")
    assert result["is_job_offer"] and result["risk_level"] == "tinggi"
    assert "destination_scam_hub" in codes(result)
    advice = " ".join(result["advice"])
    assert "Tolak tawaran ini" in advice and "Laporkan" in advice
    assert (
        "SISKOP2MI" not in advice
        and "SIP3MI" not in advice
        and "izin" not in advice.replace("izin perekrut", "")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Sihanoukville butuh admin, gaji Rp 8 juta/bulan, mess gratis. Minat hub 0812-0000-1111",
        "Lowongan CS online di Golden Triangle Laos, gaji 10 jt, tiket ditanggung",
        "Operator komputer Phnom Penh, resmi lewat P3MI berizin, kontrak kerja 2 tahun",
    ],
)
def test_any_offer_of_work_in_a_scam_hub_is_at_least_high(text):
    assert screen(text)["risk_level"] == "tinggi"


@pytest.mark.parametrize(
    "text",
    [
        # G to G: the official exam fee and a medical check paid by the applicant are lawful.
        "Pendaftaran Program G to G Korea Selatan (EPS-TOPIK) 2025 sektor manufaktur telah dibuka. Biaya ujian "
        "EPS-TOPIK sebesar Rp 400.000 dibayarkan peserta melalui bank yang ditunjuk. Peserta yang lulus wajib "
        "pemeriksaan kesehatan (medical check up) atas biaya sendiri. Pendaftaran hanya melalui SISKOP2MI.",
        # SP2T (one-stop placement service): the employer pays the placement costs.
        "Disnaker membuka pendaftaran calon PMI ke Taiwan melalui layanan SP2T (Sistem Pelayanan Penempatan "
        "Terpadu). Biaya penempatan ditanggung pemberi kerja, calon pekerja hanya mengikuti pelatihan dan uji "
        "kompetensi di BLK. Informasi di kantor Disnaker setempat.",
        # A ministry's apprenticeship post.
        "Kemnaker membuka program pemagangan ke Jepang tahun 2025 bagi lulusan SMA/SMK usia 19-26 tahun. Seleksi "
        "di BLK, tidak dipungut biaya pendaftaran. Informasi resmi di kemnaker.go.id.",
    ],
)
def test_government_programmes_with_exam_medical_fees_or_employer_paid_costs_are_not_alarms(text):
    result = screen(text)
    assert result["is_job_offer"] is True
    assert result["risk_level"] == "rendah", (result["score"], codes(result))


@pytest.mark.parametrize(
    "text",
    [
        "KBRI Phnom Penh mengimbau WNI agar tidak tergiur tawaran kerja di Kamboja dengan gaji 20 juta tanpa "
        "pengalaman. Banyak korban dipaksa bekerja di perusahaan penipuan daring.",
        "Waspada! BP2MI menerima laporan lowongan palsu: modusnya visa turis, berangkat cepat, paspor ditahan.",
    ],
)
def test_warnings_quoting_red_flag_phrases_are_not_offers(text):
    result = screen(text)
    assert result["is_job_offer"] is False and result["risk_level"] == "rendah"


@pytest.mark.parametrize(
    "text",
    [
        "kakak saya diajak temannya kerja di kapal, katanya cukup bawa KTP dan paspor, semua ongkos ditanggung",
        "Modal paspor + 3 jt, pasti berangkat",
    ],
)
def test_retold_offers_and_chat_lines_are_judged_as_the_offer_they_carry(text):
    result = screen(text)
    assert result["is_job_offer"] is True and result["risk_level"] in RISKY, result["score"]


def test_hard_flags_are_never_discounted_by_the_model_or_signals():
    text = (
        "Lowongan resmi PT Contoh Sarana Migran (SAMPLE), terdaftar di SISKOP2MI, kontrak kerja dan medical "
        "sebelum berangkat. Berangkat pakai visa turis dulu, paspor dipegang agen selama kontrak."
    )
    result = screen(text)
    hard = {"tourist_visa_for_work", "passport_retention"}
    assert hard <= codes(result)
    assert result["risk_level"] == "tinggi"


def test_a_model_alarm_shows_similar_documented_cases_with_their_sources():
    result = screen(
        "Kerja jadi admin CS online di luar negeri, gaji besar, tiket dan visa diurus bos, berangkat minggu ini"
    )
    assert result["risk_level"] in RISKY
    assert 1 <= len(result["similar_cases"]) <= 3
    for case in result["similar_cases"]:
        assert case["url"].startswith("http") and case["outlet"] and case["summary"]
    known = {i["id"]: i for i in corpus.load()}
    assert all(known[c["id"]]["source"]["url"] == c["url"] for c in result["similar_cases"])


def test_packed_heads_give_the_plain_weighted_sums():
    """The run-time shortcuts (complex weights for the two heads, flag heads packed in integer lanes) must
    give what the file says: bias + sum of the weights present, scaled by 1/sqrt(number of features)."""
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    model, rules = Model(data), default_rules()
    texts = [i["text"] for i in corpus.load()[::3]] + ["kerja " * 700, "x"]
    for text in texts:
        words, grams = split_features(tokenize(text, rules.slang, rules.word_cache), rules.negators)
        feats = words | grams
        margins = model.margins(words, grams)
        if margins is not None:
            for name in ("risk", "offer"):
                head = data["heads"][name]
                plain = head["bias"] + sum(head["weights"].get(f, 0.0) for f in feats) / len(feats) ** 0.5
                assert abs(margins[name] - plain) < 1e-9
        expected = set()
        for code, head in data["flag_heads"].items():
            plain = head["bias"] + sum(head["weights"].get(f, 0.0) for f in words) / max(1, len(words)) ** 0.5
            if abs(plain) > 1e-9 and plain > 0:
                expected.add(code)
        found = {code for code, _words in model.flags(words)}
        assert found == expected, text[:80]


def test_screening_is_deterministic():
    text = "bro ada loker di Malaysia, gaji 6jt, brgkt lewat jalur laut, paspor nanti diurus"
    assert screen(text) == screen(text)


def test_training_is_deterministic_and_needs_no_pickle():
    pytest.importorskip("sklearn")  # training-only dependency (dev extras); CI installs it
    from jaring.screening.training import train

    items = [i for i in corpus.load() if not corpus.is_test(i)][::4]
    first, second = train(items), train(items)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    model = Model(json.loads(json.dumps(first)))
    assert screen("Loker Kamboja gaji 15 juta tanpa pengalaman, visa turis", model=model)["model_score"] > 0.5


def test_a_domestic_vacancy_with_no_red_flag_is_not_high_risk():
    """The model alone may ask for a check (sedang), but tinggi names red flags it can show."""
    result = screen("Dibutuhkan operator produksi di Batam, gaji 4 juta per bulan, hubungi 0812-7777-1234.")
    assert result["is_job_offer"] and result["flags"] == []
    assert result["risk_level"] != "tinggi"
    # Work in Indonesia: no advice about departing abroad.
    assert not any("paspor" in line.lower() for line in result["advice"])


def test_every_high_verdict_shows_at_least_one_red_flag():
    high = [r for r in (screen(i["text"]) for i in corpus.load()) if r["risk_level"] == "tinggi"]
    assert len(high) > 100
    assert all(r["flags"] for r in high)
