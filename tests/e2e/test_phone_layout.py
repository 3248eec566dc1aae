"""What a phone (390x844) shows first (issue 18): the checker's verdict, a menu that fits with "Lapor" in
sight, phone numbers on one line, the officers' menu of workspace areas, and the footer for a signed-in officer.
Desktop (1280) is checked where the layout changes."""

import pytest
from playwright.sync_api import Page, expect

from jaring.accounts.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

SCAM = "Loker admin di Kamboja, gaji 15jt/bln, tanpa pengalaman, visa turis. WA 0812-3456-7890"
PHONE_WIDTH = 390


def _inside_the_screen(page: Page, selector: str) -> list[str]:
    """Texts of the matching elements that reach past the right edge of the screen."""
    return page.evaluate(
        """s => [...document.querySelectorAll(s)].filter(e => e.getBoundingClientRect().right > innerWidth)
        .map(e => e.textContent.trim())""",
        selector,
    )


def test_verdict_is_the_first_thing_after_checking_on_a_phone(page: Page, live_server, office) -> None:
    page.goto(f"{live_server.url}/cek-tawaran/")
    page.get_by_label("Teks tawaran kerja").fill(SCAM)
    page.get_by_role("button", name="Periksa tawaran").click()
    verdict = page.locator("#hasil")
    badge = verdict.locator(".badge-high")
    expect(badge).to_have_text("Risiko tinggi")
    expect(badge).to_be_in_viewport()
    assert verdict.bounding_box()["y"] < 844 / 2
    expect(verdict).to_contain_text("Artinya: jangan ikuti tawaran ini")
    expect(verdict.get_by_role("link", name="halaman Lapor")).to_have_attribute("href", "/lapor/")
    assert "/lapor/)" not in verdict.inner_text()
    # The details are folded: the reader opens the reasons when they want them.
    reasons = page.locator("#rincian-tanda")
    expect(reasons.get_by_text("Bekerja dengan visa turis atau bebas visa")).not_to_be_visible()
    reasons.locator("summary").click()
    expect(reasons.get_by_text("Bekerja dengan visa turis atau bebas visa")).to_be_visible()
    assert "Skor" not in page.locator("main").inner_text()


def test_a_greeting_is_not_given_a_risk_badge(page: Page, live_server, office) -> None:
    page.goto(f"{live_server.url}/cek-tawaran/")
    page.get_by_label("Teks tawaran kerja").fill("halo")
    page.get_by_role("button", name="Periksa tawaran").click()
    verdict = page.locator("#hasil")
    expect(verdict).to_contain_text("Bukan tawaran kerja")
    expect(verdict).to_contain_text("Tempel pesan, unggahan atau iklan lowongan")
    expect(verdict).not_to_contain_text("Risiko rendah")
    expect(verdict).to_be_in_viewport()


def test_public_menu_fits_a_phone_with_lapor_in_sight(page: Page, live_server, office) -> None:
    page.goto(f"{live_server.url}/")
    nav = page.get_by_role("navigation", name="Menu utama")
    assert _inside_the_screen(page, ".nav a") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    for name in ("Lapor", "Sosialisasi", "Cek Tawaran Kerja"):
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_in_viewport()
    # The hotline number stays on one line wherever it is shown.
    hotline = page.locator("a", has_text="0811-7002-019")
    assert hotline.count() >= 1
    for i in range(hotline.count()):
        lines = hotline.nth(i).evaluate(
            """a => { const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
            let node; while ((node = walker.nextNode()) && !node.data.includes("0811-7002-019")) {}
            const r = document.createRange(), at = node.data.indexOf("0811-7002-019");
            r.setStart(node, at); r.setEnd(node, at + 13);
            return new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size; }"""
        )
        assert lines == 1, f"hotline link {i} is broken over {lines} lines"


def _sign_in(page: Page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/petugas/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/petugas/")


def test_staff_menu_offers_each_area_the_user_may_open_and_fits_a_phone(
    page: Page, live_server, office
) -> None:
    _sign_in(page, live_server, "supervisor")
    nav = page.get_by_role("navigation", name="Menu utama")
    for area in ("Ruang petugas", "Laporan", "Jaringan", "TPI", "Sosialisasi", "Konten", "Wawasan", "Audit"):
        expect(nav.get_by_role("link", name=area, exact=True)).to_be_visible()
    expect(nav.get_by_role("link", name="Ruang petugas", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    assert _inside_the_screen(page, ".nav a, .nav button") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    nav.get_by_role("link", name="Jaringan", exact=True).click()
    expect(nav.get_by_role("link", name="Jaringan", exact=True)).to_have_attribute("aria-current", "page")
    # Signed in, the footer leads back to the workspace instead of offering to sign in again.
    footer = page.locator("footer")
    expect(footer.get_by_role("link", name="Ruang petugas")).to_be_visible()
    expect(footer.get_by_role("link", name="Masuk petugas")).to_have_count(0)
    page.set_viewport_size({"width": 1280, "height": 800})
    assert _inside_the_screen(page, ".nav a, .nav button") == []


def test_partner_menu_shows_only_the_partner_areas(page: Page, live_server, office) -> None:
    User.objects.filter(username="mitra-bp3mi").update(is_active=True)
    _sign_in(page, live_server, "mitra-bp3mi")
    nav = page.get_by_role("navigation", name="Menu utama")
    for area in ("Laporan", "Jaringan", "TPI"):
        expect(nav.get_by_role("link", name=area, exact=True)).to_be_visible()
    for area in ("Konten", "Sosialisasi", "Audit", "Cek tawaran"):
        expect(nav.get_by_role("link", name=area, exact=True)).to_have_count(0)
    for link in nav.get_by_role("link").all():
        assert page.request.get(live_server.url + link.get_attribute("href")).status == 200, link.inner_text()
