"""The verdict a citizen reads (issue 18): plain words before the details, worded links instead of paths,
no risk badge for a text that is not an offer, and no advice about departing for work inside Indonesia."""

import re

import pytest

from jaring.screening.engine import screen
from jaring.screening.views import advice_html

SCAM = "Loker admin di Kamboja, gaji 15jt/bln, tanpa pengalaman, visa turis. WA 0812-3456-7890"
DOMESTIC = (
    "Dibutuhkan operator produksi di Batam, gaji 4 juta per bulan, tanpa biaya, hubungi 0812-7777-1234. "
    "Kirim lamaran ke PT Maju Jaya, kawasan industri Muka Kuning, Batam."
)
ABROAD_WORDS = ("berangkat", "SISKOP2MI", "KBRI", "P3MI", "luar negeri")


@pytest.mark.django_db
def test_verdict_comes_before_the_details_and_the_form(client) -> None:
    html = client.post("/cek-tawaran/", {"text": SCAM}).content.decode()
    verdict, details, form = html.index('id="hasil"'), html.index("<details"), html.index('name="text"')
    assert verdict < details < form
    head = html[verdict:details]
    assert "Risiko tinggi" in head and "Artinya: jangan ikuti tawaran ini" in head
    # The number is not the verdict: it appears only inside the folded "how we judge" part.
    assert not re.search(r"Skor \d|\d dari 1\b", html)
    assert re.search(r'<details class="card" id="rincian-cara">.*0,\d+ pada skala 0', html, re.S)


@pytest.mark.django_db
def test_advice_links_pages_with_words_not_raw_paths(client) -> None:
    html = client.post("/cek-tawaran/", {"text": SCAM}).content.decode()
    advice = html[html.index('<ul class="advice">') : html.index("</ul>", html.index('<ul class="advice">'))]
    assert '<a href="/lapor/">halaman Lapor</a>' in advice
    assert '<a href="/darurat/">halaman nomor darurat</a>' in advice
    assert not re.search(r"[\s(]/(lapor|darurat)/", re.sub(r"<[^>]+>", " ", advice))
    assert '<span class="nowrap">0811-7002-019</span>' in advice
    english = client.post("/en/cek-tawaran/", {"text": SCAM}).content.decode()
    assert '<a href="/en/lapor/">Report page</a>' in english


def test_advice_html_escapes_the_text_around_the_links() -> None:
    html = advice_html("<b>Lapor</b> lewat halaman Lapor (/lapor/) atau WA 0811-7002-019.")
    assert html.startswith("&lt;b&gt;Lapor&lt;/b&gt; lewat ")
    assert '<a href="/lapor/">halaman Lapor</a> atau WA <span class="nowrap">0811-7002-019</span>.' in html


@pytest.mark.django_db
def test_greeting_is_not_judged_as_a_low_risk_offer(client) -> None:
    html = client.post("/cek-tawaran/", {"text": "halo"}).content.decode()
    verdict = html[html.index('id="hasil"') : html.index("</section>", html.index('id="hasil"'))]
    assert "Bukan tawaran kerja" in verdict and "tidak tampak seperti tawaran kerja" in verdict
    assert "Tempel pesan, unggahan atau iklan lowongan" in verdict
    assert "Risiko rendah" not in verdict and "badge-low" not in verdict


def test_domestic_offer_gets_no_advice_about_departing_abroad() -> None:
    result = screen(DOMESTIC, model=None)
    assert result["is_job_offer"]
    assert {d["country"] for d in result["entities"]["destinations"]} == {"ID"}
    advice = " ".join(result["advice"])
    assert "Dinas Tenaga Kerja" in advice and "Baca perjanjian kerjanya sebelum menandatangani" in advice
    for word in ABROAD_WORDS:
        assert word not in advice, word
    assert "/lapor/" in advice  # reporting stays


def test_offer_abroad_keeps_the_migrant_worker_advice() -> None:
    result = screen(DOMESTIC.replace("di Batam", "di Malaysia"), model=None)
    advice = " ".join(result["advice"])
    assert "SISKOP2MI" in advice and "Dinas Tenaga Kerja (Disnaker) kota" not in advice
