"""On a phone and a desktop, a visitor who types "abc" as a phone and "bukan email" as an e-mail is told so on
those rows, keeps everything typed, fixes them and sends; an evasive number is stored normalised."""

import pytest
from playwright.sync_api import expect

from jaring.reports.models import Report

SIZES = [(390, 844), (1280, 800)]
STORY = "Perekrut bernama Bu Rina menawarkan kerja di Kamboja, paspor diminta dititipkan."


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.django_db(transaction=True)
def test_bad_parties_are_explained_on_their_rows_and_the_input_is_kept(
    page, live_server, office, width, height
) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{live_server.url}/lapor/")
    page.get_by_label("Perekrut atau tawaran kerja mencurigakan").check()
    page.get_by_label("Apa yang terjadi?").fill(STORY)
    kinds, values = page.locator("select[name=party_kind]"), page.locator("input[name=party_value]")
    kinds.nth(0).select_option("phone")
    values.nth(0).fill("abc")
    kinds.nth(1).select_option("email")
    values.nth(1).fill("bukan email")
    values.nth(2).fill("Bu Rina")
    kinds.nth(2).select_option("person")
    page.get_by_role("button", name="Kirim laporan").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Pihak terlibat, baris 1: Nomor telepon tidak dikenali")
    expect(summary).to_contain_text("Pihak terlibat, baris 2: Alamat email tidak valid")
    first_error = page.locator("#party-1-errors")
    expect(first_error).to_contain_text("0812-3456-7890")
    expect(page.locator("#party-1")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#party-1")).to_have_value("abc")
    expect(page.locator("#party-2")).to_have_value("bukan email")
    expect(values.nth(2)).to_have_value("Bu Rina")
    expect(page.get_by_label("Apa yang terjadi?")).to_have_value(STORY)
    summary.get_by_role("link", name="Pihak terlibat, baris 1: Nomor telepon tidak dikenali").click()
    expect(page.locator("#party-1")).to_be_in_viewport()
    _no_sideways_scroll(page)
    assert Report.objects.count() == 0

    page.locator("#party-1").fill("08l2-3456-7890")
    page.locator("#party-2").fill("rina@contoh.com")
    page.get_by_role("button", name="Kirim laporan").click()
    page.get_by_role("heading", name="Laporan terkirim. Terima kasih.").wait_for()
    stored = {(p.kind, p.normalized) for p in Report.objects.get().parties.all()}
    assert stored == {("phone", "+6281234567890"), ("email", "rina@contoh.com"), ("person", "rina")}
