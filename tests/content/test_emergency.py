"""Someone in danger now: the "Dalam bahaya sekarang?" block on every public page, /darurat/ with sourced
numbers by country, the Lapor receipt and a high-risk check."""

import copy
import re

import pytest

from jaring.content import emergency

PUBLIC_PAGES = [
    "/", "/edukasi/", "/layanan/", "/faq/", "/siap-berangkat/", "/cari/", "/lapor/", "/lapor/cek/",
    "/cek-tawaran/", "/sosialisasi/", "/darurat/",
]  # fmt: skip


def _block(html: str) -> str:
    return html.split('id="dalam-bahaya"', 1)[1].split("</aside>", 1)[0]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_every_public_page_has_the_danger_block_in_both_languages(client, batam, path):
    block = _block(client.get(path).content.decode())
    assert "Dalam bahaya sekarang?" in block
    assert 'href="tel:110"' in block and 'href="tel:112"' in block
    assert 'href="tel:+6281290070027"' in block and 'href="/darurat/"' in block
    english = _block(client.get("/en" + path).content.decode())
    assert "In danger now?" in english and 'href="/en/darurat/"' in english


def test_emergency_page_lists_every_number_with_its_source(client, batam):
    html = client.get("/darurat/").content.decode()
    for entry in emergency.entries("id"):
        item = html.split(f'id="{entry.key}"', 1)[1].split("</li>", 1)[0]
        if entry.number:
            assert f'href="{entry.href}"' in item, entry.key
            for source in entry.sources:
                assert f'href="{source["url"]}"' in item and f"diperiksa {source['accessed']}" in item
        else:
            assert "Nomor belum dicantumkan" in item and "Safe Travel" in item
        if entry.group == "mission":  # every mission links to its own page on the ministry's site
            assert entry.page.startswith("https://kemlu.go.id/") and f'href="{entry.page}"' in item
    assert "0811-7002-019 adalah kanal pengaduan dan informasi" in html and "bukan layanan darurat" in html
    english = client.get("/en/darurat/").content.decode()
    assert "Embassies and consulates by country" in english and "Cambodia" in english


def test_receipt_says_how_to_get_help_when_it_cannot_wait(client, office):
    page = client.get("/lapor/")
    token = re.search(r'name="submission_token" value="([^"]+)"', page.content.decode()).group(1)
    form = {
        "submission_token": token, "category": "tppo", "identity_mode": "anonim",
        "description": "Besok pagi tetangga saya diberangkatkan ke Kamboja lewat Batam Center oleh calo.",
    }  # fmt: skip
    html = client.post("/lapor/", form).content.decode()
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert 'id="follow-up-key"' in main and "Tidak bisa menunggu?" in main
    assert "telepon 110 atau 112 sekarang" in main and "Dalam bahaya sekarang?" in main


def test_only_a_high_risk_verdict_carries_the_danger_block(client, batam):
    scam = (
        "Loker admin di Kamboja gaji 25jt tanpa pengalaman, berangkat pakai visa turis, paspor dipegang agen."
    )
    high = client.post("/cek-tawaran/", {"text": scam})
    assert high.context["result"]["risk_level"] == "tinggi"
    verdict = high.content.decode().split('id="hasil"', 1)[1].split("</section>", 1)[0]
    assert "Dalam bahaya sekarang?" in verdict and 'href="tel:110"' in verdict
    assert "/darurat/" in verdict and "BP2MI 0800-1000 atau laporkan" not in verdict
    calm = "Lowongan operator pabrik di Malaysia melalui P3MI berizin, tidak dipungut biaya, kontrak sebelum berangkat."
    low = client.post("/cek-tawaran/", {"text": calm})
    assert low.context["result"]["risk_level"] != "tinggi"
    verdict = low.content.decode().split('id="hasil"', 1)[1].split("</section>", 1)[0]
    assert "Dalam bahaya sekarang?" not in verdict


def test_a_mission_number_is_kept_only_with_the_ministrys_own_page_as_source():
    data = copy.deepcopy(emergency.data())
    cambodia = next(e for e in data["entries"] if e["key"] == "kbri_phnom_penh")
    assert cambodia["number"], "the one mission number the ministry's page lists"
    cambodia["sources"] = [s for s in cambodia["sources"] if "kemlu.go.id" not in s["url"]]
    assert cambodia["sources"], "a news article quoting the embassy is still there"
    with pytest.raises(ValueError, match="needs the ministry's own page"):
        emergency.check(data)
    # Numbers reported only by the news (2020-2024) were removed: the entry keeps its name and official page.
    malaysia = next(e for e in emergency.data()["entries"] if e["key"] == "kbri_kuala_lumpur")
    assert malaysia["number"] == "" and malaysia["page"] == "https://kemlu.go.id/kualalumpur"
