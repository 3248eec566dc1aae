"""axe-core on every page, at a phone's size (390x844) and a desktop's (1280x800), and the first screen of a
phone showing each page's title: public pages in Indonesian and English, staff pages as each role that may open
them, the Lapor flow, the checker's verdicts and the error pages (issue 18).

axe-core is vendored (tests/e2e/vendor/axe-core, version in its file header) and injected into each page;
pages.py lists what is visited, and test_every_pattern_is_listed keeps that list complete.
"""

from pathlib import Path

import pytest
from django.test import RequestFactory
from playwright.sync_api import Page, expect

from jaring import web
from tests.conftest import PASSWORD

from .pages import (
    EXCLUDED,
    EXCLUDED_PREFIXES,
    FLOWS,
    PUBLIC,
    STAFF,
    seed_everything,
    url_patterns,
)

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(" ")).slice(0, 4).join(" | ")}`);
}"""
FIRST_HEADING_TOP = """() => {
  const h1 = document.querySelector("main h1");
  return h1 ? h1.getBoundingClientRect().top + window.scrollY : null;
}"""


def test_every_pattern_is_listed() -> None:
    """A new URL pattern fails here until pages.py visits it or says why not; a removed one must leave too."""
    listed = set(PUBLIC) | set(STAFF) | FLOWS | set(EXCLUDED)
    routes = [r for r in url_patterns() if not any(r.startswith(p) for p in EXCLUDED_PREFIXES)]
    missing = sorted(set(routes) - listed)
    assert not missing, f"URL patterns with no page entry or reason in tests/e2e/pages.py: {missing}"
    stale = sorted(listed - set(routes))
    assert not stale, f"entries in tests/e2e/pages.py for patterns that no longer exist: {stale}"


class Checker:
    """Visits pages and collects problems, so one run reports every page that fails, not only the first."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def check(self, page: Page, label: str, first_screen: bool = True) -> None:
        page.wait_for_load_state("load")
        if not page.evaluate("() => typeof axe !== 'undefined'"):
            page.add_script_tag(content=AXE)
        for name, size in (("390", PHONE), ("1280", DESKTOP)):
            page.set_viewport_size(size)
            for violation in page.evaluate(RUN_AXE):
                self.problems.append(f"{label} at {name}px: {violation}")
        page.set_viewport_size(PHONE)
        if first_screen:
            top = page.evaluate(FIRST_HEADING_TOP)
            if top is None:
                self.problems.append(f"{label}: no <h1> in <main>")
            elif top >= PHONE["height"]:
                self.problems.append(
                    f"{label}: <main>'s h1 starts at {top:.0f}px, below a 390x844 first screen"
                )

    def visit(self, page: Page, base: str, path: str, label: str = "") -> None:
        response = page.goto(base + path)
        if response is None or response.status >= 400:
            self.problems.append(f"{label or path}: HTTP {response.status if response else 'no response'}")
            return
        self.check(page, label or path)

    def assert_clean(self) -> None:
        assert not self.problems, "\n".join([f"{len(self.problems)} problems:", *self.problems])


def _context(browser):
    # bypass_csp: the pages forbid inline scripts (rightly); axe is injected as one.
    return browser.new_context(viewport=PHONE, locale="id-ID", bypass_csp=True)


@pytest.mark.django_db(transaction=True)
def test_public_pages_have_no_axe_violations_and_start_on_the_first_screen(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    seed = seed_everything(PASSWORD)
    checker = Checker()
    context = _context(browser)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        for route, build in PUBLIC.items():
            for language in ("id", "en"):
                urls = build(seed, language)
                if not urls:
                    checker.problems.append(f"{route} ({language}): the seed has no page to visit")
                for url in urls:
                    checker.visit(page, live_server.url, url)
        _lapor_flow(page, live_server.url, checker)
        _error_pages(page, live_server.url, checker)
    finally:
        context.close()
    checker.assert_clean()


def _lapor_flow(page: Page, base: str, checker: Checker) -> None:
    """The report form, the same form with its errors, the receipt, the follow-up form and the thread."""
    checker.visit(page, base, "/lapor/")
    page.get_by_role("button", name="Kirim laporan").click()
    checker.check(page, "/lapor/ with errors")
    page.get_by_label("Perekrut atau tawaran kerja mencurigakan").check()
    page.get_by_label("Apa yang terjadi?").fill(
        "Akun TikTok menawarkan kerja admin di Kamboja, gaji 25 juta."
    )
    page.get_by_role("button", name="Kirim laporan").click()
    page.get_by_role("heading", name="Laporan terkirim. Terima kasih.").wait_for()
    code = page.locator("#tracking-code").inner_text().strip()
    key = page.locator("#follow-up-key").inner_text().strip()
    checker.check(page, "/lapor/ receipt")
    checker.visit(page, base, "/lapor/cek/")
    page.get_by_label("Kode laporan").fill(code)
    page.get_by_label("Kunci tindak lanjut").fill("salah-" + key)
    page.get_by_role("button", name="Buka laporan").click()
    checker.check(page, "/lapor/cek/ wrong key")
    page.get_by_label("Kode laporan").fill(code)
    page.get_by_label("Kunci tindak lanjut").fill(key)
    page.get_by_role("button", name="Buka laporan").click()
    expect(page.get_by_text("Laporan Anda sudah kami terima")).to_be_visible()
    checker.check(page, "/lapor/cek/ thread")
    checker.visit(page, base, "/en/lapor/", "/en/lapor/")


def _error_pages(page: Page, base: str, checker: Checker) -> None:
    page.goto(base + "/tidak-ada-halaman-ini/")
    checker.check(page, "404")
    page.goto(base + "/en/no-such-page/")
    checker.check(page, "404 (en)")
    # A form posted without its CSRF token (an expired page): the CSRF failure page.
    page.goto(base + "/cek-tawaran/")
    with page.expect_navigation():
        page.evaluate(
            """() => { const f = document.createElement("form"); f.method = "post";
            f.action = "/cek-tawaran/"; document.body.append(f); f.submit(); }"""
        )
    checker.check(page, "CSRF failure (403)")
    # The 500 page cannot be provoked from outside; the handler's own response is served in its place.
    html = web.server_error(RequestFactory().get("/")).content.decode()
    page.route(
        base + "/__500__", lambda route: route.fulfill(status=500, body=html, content_type="text/html")
    )
    page.goto(base + "/__500__")
    checker.check(page, "500")


@pytest.mark.django_db(transaction=True)
def test_staff_pages_have_no_axe_violations_for_each_role(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    seed = seed_everything(PASSWORD)
    checker = Checker()
    pages: dict[str, Page] = {}
    try:
        for roles, build in STAFF.values():
            for role in roles:
                if role not in pages:
                    pages[role] = _signed_in(browser, live_server.url, role)
                for url in build(seed, "id"):
                    checker.visit(pages[role], live_server.url, url, f"{url} as {role}")
        # A page the user may not open: the 403 page inside the staff frame.
        page = pages["mitra-bp3mi"]
        page.goto(live_server.url + "/petugas/konten/")
        checker.check(page, "403 as mitra-bp3mi")
    finally:
        for page in pages.values():
            page.context.close()
    checker.assert_clean()


def _signed_in(browser, base: str, username: str) -> Page:
    page = _context(browser).new_page()
    page.set_default_timeout(15_000)
    page.goto(base + "/petugas/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/petugas/")
    return page
