"""Wawasan in a real browser, on a phone and on a desktop: charts load, nothing overflows, a figure opens its
list with the same number."""

import pytest
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.insights.conftest import month_data  # noqa: F401 - the March 2026 data set

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", SIZES)
def test_dashboard_reads_on_phone_and_desktop(browser, live_server, month_data, size):  # noqa: F811
    context = browser.new_context(viewport=SIZES[size], locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/petugas/masuk/")
    page.fill("input[name=username]", "supervisor")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/petugas/wawasan/?bulan=2026-03")
    expect(page.get_by_role("heading", name="Wawasan", exact=True)).to_be_visible()
    expect(page.locator('[data-figure="total"]')).to_have_text("7")

    chart = page.locator("#kategori img.chart")
    chart.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=chart.element_handle())
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px"
    chart_box = chart.bounding_box()
    table_box = page.locator('#kategori table[data-table="kategori"]').bounding_box()
    assert chart_box["width"] <= SIZES[size]["width"]
    if size == "phone":
        assert table_box["y"] >= chart_box["y"] + chart_box["height"] - 1  # stacked: chart, then its table
    else:
        assert table_box["x"] >= chart_box["x"] + chart_box["width"] - 1  # side by side

    page.locator('[data-figure="kategori:tppo"]').click()
    expect(page.get_by_role("heading", name="Daftar di balik angka")).to_be_visible()
    expect(page.locator("#row-count")).to_have_text("2")
    expect(page.locator("tr.report-row")).to_have_count(2)
    context.close()
