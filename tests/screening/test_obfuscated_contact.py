"""The checker reads contacts written to dodge filters, shows them, flags the disguise and lets it be reported."""

from urllib.parse import parse_qs, urlsplit

import pytest

from jaring.screening.engine import screen

OFFER = "Loker Kamboja admin online gaji 15 juta, berangkat gratis tanpa pengalaman. Minat WA {contact}"
SPELLED = "nol delapan satu dua tiga empat lima enam tujuh delapan sembilan nol"


def flags(result: dict) -> dict[str, dict]:
    return {flag["code"]: flag for flag in result["flags"]}


def test_a_spelled_out_number_is_found_flagged_and_explained():
    text = OFFER.format(contact=SPELLED)
    result = screen(text)
    (phone,) = result["entities"]["phones"]
    assert (phone["value"], phone["obfuscated"], phone["text"]) == ("+6281234567890", True, SPELLED)
    flag = flags(result)["obfuscated_contact"]
    assert flag["evidence"] == [{"text": SPELLED, "start": text.index(SPELLED), "end": len(text)}]
    assert "filter" in flag["explanation"] and "CareGuide" in flag["legal_basis"]
    english = flags(screen(text, language="en"))["obfuscated_contact"]
    assert english["title"] == "Number or account written to dodge filters"


def test_letters_for_digits_accounts_and_handles_are_flagged():
    for contact, kind in (
        ("08l2-5566-7788", "phones"),
        ("@loker . kamboja", "handles"),
    ):
        result = screen(OFFER.format(contact=contact))
        assert "obfuscated_contact" in flags(result), contact
        assert [e["obfuscated"] for e in result["entities"][kind]] == [True]
    text = OFFER.format(
        contact="0812-5566-7788, DP visa transfer BCA satu dua tiga empat 567890 a.n. Budi Santoso"
    )
    result = screen(text)
    (account,) = result["entities"]["accounts"]
    assert (account["value"], account["obfuscated"]) == ("bca:1234567890", True)
    assert "obfuscated_contact" in flags(result)


def test_a_plainly_written_number_is_not_a_disguise():
    result = screen(OFFER.format(contact="0812-3456-7890, berangkat satu dua hari lagi"))
    assert "obfuscated_contact" not in flags(result)
    assert [p["obfuscated"] for p in result["entities"]["phones"]] == [False]


@pytest.mark.django_db
def test_the_checker_page_shows_the_reading_and_reports_it(client):
    text = OFFER.format(contact=SPELLED)
    page = client.post("/cek-tawaran/", {"text": text})
    html = page.content.decode()
    assert (
        "+6281234567890" in html and "ditulis tersamar" in html and "Nomor atau akun ditulis tersamar" in html
    )
    report = page.context["result"]["report_url"]
    assert "phone:+6281234567890" in parse_qs(urlsplit(report).query)["party"]


@pytest.mark.django_db
def test_the_api_returns_the_reading(client):
    response = client.post("/api/v1/screenings", {"text": OFFER.format(contact="0️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣9️⃣0️⃣")},
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 200
    body = response.json()
    assert [(p["value"], p["obfuscated"]) for p in body["entities"]["phones"]] == [("+6281234567890", True)]
    assert "obfuscated_contact" in [f["code"] for f in body["flags"]]
