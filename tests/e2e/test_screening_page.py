"""/cek-tawaran/ in a real browser (Debian chromium): paste an offer, read the verdict, open the report link."""

import shutil
from urllib.parse import parse_qs, urlsplit

import pytest

SCAM = "Loker admin di Kamboja, gaji 15jt/bln, tanpa pengalaman, visa turis. WA 0812-3456-7890"


def test_checking_an_offer_shows_verdict_evidence_and_report_link(page, live_server, db):
    page.goto(f"{live_server.url}/cek-tawaran/")
    page.get_by_label("Teks tawaran kerja").fill(SCAM)
    page.get_by_role("button", name="Periksa tawaran").click()
    assert page.locator(".badge-high").inner_text() == "Risiko tinggi"
    # The evidence and the reasons are folded under the verdict; the reader opens them.
    page.locator("#rincian-teks summary").click()
    page.locator("#rincian-tanda summary").click()
    assert "visa turis" in page.locator(".offer-text mark.mark-flag").all_inner_texts()
    assert page.get_by_text("Bekerja dengan visa turis atau bebas visa").is_visible()
    link = page.get_by_role("link", name="Laporkan tawaran ini").get_attribute("href")
    query = parse_qs(urlsplit(link).query)
    assert urlsplit(link).path == "/lapor/" and query["category"] == ["perekrut"]
    assert "phone:+6281234567890" in query["party"]


def test_page_works_without_javascript(browser, live_server, db):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/en/cek-tawaran/")
        page.locator("textarea[name=text]").fill(SCAM)
        page.locator("form.card button.btn-primary").click()
        assert page.locator(".badge-high").inner_text() == "High risk"
        page.locator("form.card textarea").fill("   ")
        page.locator("form.card button.btn-primary").click()
        assert "The offer text is empty" in page.locator(".errorlist").inner_text()
    finally:
        context.close()


@pytest.mark.skipif(
    not shutil.which("tesseract"), reason="no tesseract: apt-get install tesseract-ocr tesseract-ocr-ind"
)
def test_screenshot_is_read_shown_for_correction_and_checked(page, live_server, db):
    from tests.screening.screenshots import chat_screenshot

    offer = "Dibutuhkan operator di Myawaddy, Myanmar, gaji 7 juta, DM"
    page.goto(f"{live_server.url}/cek-tawaran/")
    page.set_input_files(
        "#id_image", files=[{"name": "layar.png", "mimeType": "image/png", "buffer": chat_screenshot(offer)}]
    )
    page.get_by_role("button", name="Baca gambar lalu periksa").click()
    assert "Myawaddy" in page.get_by_label("Teks tawaran kerja").input_value()
    assert page.locator("#ocr-notice").is_visible()
    assert page.locator(".badge-high").inner_text() == "Risiko tinggi"
    assert "Tolak tawaran ini" in page.locator(".verdict").inner_text()
    # The reader corrects a misread word and checks the corrected text.
    page.get_by_label("Teks tawaran kerja").fill(offer + " aja kak")
    page.get_by_role("button", name="Periksa tawaran").click()
    assert page.locator(".badge-high").inner_text() == "Risiko tinggi"
    assert not page.locator("#ocr-notice").is_visible()


def test_file_that_is_not_an_image_keeps_the_typed_text(page, live_server, db):
    page.goto(f"{live_server.url}/cek-tawaran/")
    page.get_by_label("Teks tawaran kerja").fill("teks yang sudah saya ketik")
    page.set_input_files(
        "#id_image",
        files=[{"name": "tawaran.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 x" * 20}],
    )
    page.get_by_role("button", name="Baca gambar lalu periksa").click()
    assert "bukan gambar" in page.locator("#image-errors").inner_text()
    assert page.get_by_label("Teks tawaran kerja").input_value() == "teks yang sudah saya ketik"
