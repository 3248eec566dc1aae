"""A visitor on a phone: home page, switch to English, search, and complete the "Ready to go?" checklist."""

import pytest
from playwright.sync_api import expect

from jaring.accounts.demo import BATAM
from jaring.accounts.models import Office
from jaring.content import checklist, demo

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_reads_searches_and_completes_the_checklist(page, live_server) -> None:
    demo.seed(office=Office.objects.get_or_create(slug="batam", defaults=BATAM)[0])

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pastikan aman dan resmi")
    expect(page.get_by_role("link", name="Cek tawaran kerja").first).to_be_visible()

    page.locator(".lang a").click()
    page.wait_for_url("**/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_contain_text("safe and legal")

    page.get_by_label("Search information").fill("bekerja")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/en/cari/?q=bekerja")
    results = page.locator("ol.results li")
    expect(results.first).to_be_visible()
    expect(
        page.get_by_role("link", name="Jalur resmi bekerja ke luar negeri: syarat dan dokumen")
    ).to_be_visible()

    page.goto(live_server.url + "/en/siap-berangkat/")
    page.get_by_label("Passport", exact=False).first.check()
    page.get_by_role("button", name="Check").click()
    result = page.locator("#checklist-result")
    expect(result).to_contain_text("Still missing")
    expect(result).to_contain_text("Work visa")
    expect(result).not_to_contain_text("All complete")

    for item in checklist.items("en"):
        box = page.locator(f"#punya-{item.id}")
        if not box.is_checked():
            box.check()
    page.get_by_role("button", name="Check").click()
    expect(result).to_contain_text("All complete")
    expect(result).not_to_contain_text("Still missing")
