"""A person in danger on a phone (390x844): the "Dalam bahaya sekarang?" block is reachable from any public
page, its numbers are tappable tel: links, and it leads to the sourced numbers by country."""

import pytest
from playwright.sync_api import expect

from jaring.accounts.demo import BATAM
from jaring.accounts.models import Office

pytestmark = pytest.mark.django_db(transaction=True)


def test_danger_block_on_a_phone_leads_to_sourced_numbers(page, live_server) -> None:
    Office.objects.get_or_create(slug="batam", defaults=BATAM)
    page.goto(live_server.url + "/cek-tawaran/")
    assert page.viewport_size == {"width": 390, "height": 844}

    # From the top of any page, one tap in the header brings the block into view.
    block = page.locator("#dalam-bahaya")
    expect(block).not_to_be_in_viewport()
    page.get_by_role("link", name="Dalam bahaya?").click()
    expect(block).to_be_in_viewport()
    expect(block.get_by_role("heading", name="Dalam bahaya sekarang?")).to_be_visible()
    police = block.locator('a[href="tel:110"]')
    expect(police).to_be_visible()
    expect(block.locator('a[href="tel:112"]')).to_be_visible()
    expect(block.locator('a[href="tel:+6281290070027"]')).to_be_visible()
    # Fits the phone: nothing in the block is wider than the screen, and the numbers are big enough to tap.
    box = block.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    number_box = police.bounding_box()
    assert number_box is not None and number_box["height"] >= 18

    block.get_by_role("link", name="Nomor KBRI/KJRI per negara, dengan sumbernya").click()
    page.wait_for_url("**/darurat/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dalam bahaya sekarang?")
    cambodia = page.locator("#kbri_phnom_penh")
    expect(cambodia.locator('a[href="tel:+85512813282"]')).to_be_visible()
    expect(cambodia.get_by_role("link", name="mengutip KBRI Phnom Penh")).to_have_count(1)

    page.locator(".lang a").click()
    page.wait_for_url("**/en/darurat/")
    expect(page.locator("#dalam-bahaya").get_by_role("heading", name="In danger now?")).to_be_visible()
