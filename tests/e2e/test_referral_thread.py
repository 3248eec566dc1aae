"""On a phone and a desktop: the BP3MI partner asks a question on the referral, the officer shares the
reporter's follow-up message and answers; the partner reads both and never the message that was not shared."""

import re

import pytest
from playwright.sync_api import expect

from jaring.accounts.models import Agency, User
from jaring.casework.referrals import referral_create
from jaring.reports.services import report_message_add
from tests.casework.conftest import make_report
from tests.e2e.test_casework import _login

SIZES = [(390, 844), (1280, 800)]
SHARED = "Keberangkatan hari Sabtu pukul 10.00 dari Pelabuhan Batam Centre."
PRIVATE = "Rumah saya di Batu Aji blok C, jangan sampai perekrut tahu."
QUESTION = "Apakah ada jadwal kapal dan nama agennya?"
ANSWER = "Jadwalnya sudah kami bagikan di atas; nama agen menyusul."


def _logout(page) -> None:
    page.get_by_role("button", name=re.compile("Keluar")).click()


def _no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.django_db(transaction=True)
def test_partner_and_officer_talk_on_the_referral(page, live_server, office, width, height) -> None:
    page.set_viewport_size({"width": width, "height": height})
    petugas = User.objects.get(username="petugas")
    report = make_report(office, status="diverifikasi", assignee=petugas)
    report_message_add(report=report, body=PRIVATE)
    report_message_add(report=report, body=SHARED)
    referral = referral_create(
        report=report, agency=Agency.objects.get(slug="bp3mi-kepri"), note="Mohon dicek.", actor=petugas
    )
    url = f"{live_server.url}/petugas/laporan/{report.tracking_code}/"

    _login(page, live_server, "mitra-bp3mi")
    page.goto(url)
    box = page.locator(f"#th-body-{referral.pk}")
    box.fill("")
    page.locator(f"#rujukan-{referral.pk}").get_by_role("button", name="Kirim pesan").click()
    expect(page.locator(f"#th-body-{referral.pk}-error")).to_contain_text("Tulis pesan Anda.")
    page.locator(f"#th-body-{referral.pk}").fill(QUESTION)
    page.locator(f"#rujukan-{referral.pk}").get_by_role("button", name="Kirim pesan").click()
    expect(page.get_by_text("Pesan terkirim.")).to_be_visible()
    expect(page.locator(f"#rujukan-{referral.pk}")).to_contain_text(QUESTION)
    assert SHARED not in page.content() and PRIVATE not in page.content()
    _no_sideways_scroll(page)
    _logout(page)

    _login(page, live_server, "petugas")
    page.goto(url)
    thread = page.locator(f"#rujukan-{referral.pk}")
    expect(thread).to_contain_text(QUESTION)
    thread.get_by_text("Bagikan pesan pelapor kepada").click()
    shared_row = thread.locator("li", has_text=SHARED)
    shared_row.get_by_role("button", name="Bagikan ke mitra").click()
    expect(page.get_by_text("Pesan pelapor dibagikan kepada")).to_be_visible()
    reply = page.locator(f"#rujukan-{referral.pk} details.thread-reply")
    expect(reply).not_to_have_attribute("open", "")  # folded for officers, as every action of the panel
    reply.locator("summary").click()
    page.locator(f"#th-body-{referral.pk}").fill(ANSWER)
    page.locator(f"#rujukan-{referral.pk}").get_by_role("button", name="Kirim pesan").click()
    expect(page.get_by_text("Pesan terkirim.")).to_be_visible()
    _no_sideways_scroll(page)
    _logout(page)

    _login(page, live_server, "mitra-bp3mi")
    page.goto(url)
    thread = page.locator(f"#rujukan-{referral.pk}")
    expect(thread).to_contain_text(SHARED)
    expect(thread).to_contain_text("Pesan pelapor (dibagikan petugas)")
    expect(thread).to_contain_text(ANSWER)
    assert PRIVATE not in page.content()
