"""/cek-tawaran/ without JavaScript: the form, the verdict, highlighted evidence and the prefilled report link."""

from urllib.parse import parse_qs, urlsplit

import pytest

from jaring.screening.models import ScreeningStat

SCAM = "Loker admin di Kamboja, gaji 15jt, visa turis. <script>alert(1)</script> WA 0812-3456-7890, bit.ly/kerja-kh"


@pytest.mark.django_db
def test_page_shows_the_form(client):
    response = client.get("/cek-tawaran/")
    assert response.status_code == 200
    assert b'name="text"' in response.content and b"Cek tawaran kerja" in response.content


@pytest.mark.django_db
def test_posting_an_offer_shows_verdict_and_marks_evidence_safely(client):
    response = client.post("/cek-tawaran/", {"text": SCAM})
    html = response.content.decode()
    assert "Risiko tinggi" in html
    assert '<mark class="mark-flag">visa turis</mark>' in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "0800-1000" in html


@pytest.mark.django_db
def test_report_link_opens_lapor_prefilled_with_text_and_parties(client):
    response = client.post("/cek-tawaran/", {"text": SCAM})
    link = response.context["result"]["report_url"]
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    assert parts.path == "/lapor/"
    assert query["category"] == ["perekrut"]
    assert query["description"] == [SCAM]
    assert "phone:+6281234567890" in query["party"]
    assert "url:bit.ly/kerja-kh" in query["party"]


@pytest.mark.django_db
def test_long_text_is_cut_in_the_report_link(client):
    text = "Lowongan kerja di Malaysia, gaji 5 juta. " * 100
    link = client.post("/cek-tawaran/", {"text": text}).context["result"]["report_url"]
    assert len(parse_qs(urlsplit(link).query)["description"][0]) < 1300


@pytest.mark.django_db
def test_empty_text_shows_the_error_and_keeps_nothing_lost(client):
    response = client.post("/cek-tawaran/", {"text": "   "})
    assert response.status_code == 200
    assert "Teks tawaran kosong" in response.content.decode()
    assert response.context["result"] is None


@pytest.mark.django_db
def test_over_long_text_is_refused_and_kept_in_the_form(client):
    text = "x" * 10_001
    response = client.post("/cek-tawaran/", {"text": text})
    html = response.content.decode()
    assert "Teks terlalu panjang" in html and text in html


@pytest.mark.django_db
def test_english_page_explains_in_english(client):
    response = client.post("/en/cek-tawaran/", {"text": SCAM})
    html = response.content.decode()
    assert "High risk" in html and "Working on a tourist or visa-free entry" in html


@pytest.mark.django_db
def test_event_code_is_carried_by_the_form_and_counted(client):
    page = client.get("/cek-tawaran/?ref=SOS-ABANG-01").content.decode()
    assert 'value="SOS-ABANG-01"' in page
    client.post("/cek-tawaran/", {"text": SCAM, "ref": "SOS-ABANG-01"})
    assert ScreeningStat.objects.get(flag="", channel="web", ref="SOS-ABANG-01").count == 1


@pytest.mark.django_db
def test_malformed_event_code_is_dropped(client):
    client.post("/cek-tawaran/", {"text": SCAM, "ref": "<x> DROP TABLE"})
    assert ScreeningStat.objects.get(flag="", channel="web").ref == ""


@pytest.mark.django_db
def test_shared_text_in_the_query_is_checked(client):
    response = client.get("/cek-tawaran/", {"text": SCAM})
    assert response.context["result"]["risk_level"] == "tinggi"


@pytest.mark.django_db
def test_page_has_no_inline_script_or_style(client):
    html = client.post("/cek-tawaran/", {"text": SCAM}).content.decode()
    assert "<script>" not in html.split("</header>")[1]
    assert ' style="' not in html
