"""TPI in a real browser: the counter form on a 10-inch tablet, keyboard only, with the draft surviving a
dropped connection and one record for two submits; the self-interview on a phone."""

import pytest
from playwright.sync_api import expect

from jaring.accounts.models import User
from jaring.checkpoints.demo import seed_checkpoints
from jaring.checkpoints.models import Screening
from jaring.checkpoints.self_interview import self_interview_start
from jaring.checkpoints.services import screening_record
from tests.checkpoints.conftest import screening_data
from tests.conftest import PASSWORD

TABLET = {"width": 1280, "height": 800}  # a 10-inch tablet in landscape


def _login(page, live_server, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live_server.url}/petugas/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.get_by_role("heading", name="Ruang petugas")).to_be_visible()


def _type(page, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    page.focus(selector)
    page.keyboard.type(text)


@pytest.mark.django_db(transaction=True)
def test_counter_form_on_a_tablet_keyboard_only_with_a_draft_and_one_record(
    page, live_server, office
) -> None:
    seed_checkpoints(office)
    page.set_viewport_size(TABLET)
    _login(page, live_server, "petugas")
    page.goto(f"{live_server.url}/petugas/tpi/baru/")
    _type(page, "#id_traveller_name", "Dewi Lestari")
    _type(page, "#id_passport_number", "c1234567")
    _type(page, "#id_birth_year", "2001")
    for select, label in (("#id_sex", "P"), ("#id_destination", "Kamboja"), ("#id_purpose", "Bekerja"),
                          ("#id_ticket", "Sekali"), ("#id_paid_by", "Sponsor"), ("#id_answer_tiket_kembali", "Tidak"),
                          ("#id_party_0_kind", "Nomor")):  # fmt: skip
        page.focus(select)
        page.keyboard.type(label)
    _type(page, "#id_party_0_value", "0812-5555-0002")
    expect(page.locator("#draft-status")).to_have_text("Draf tersimpan di perangkat ini.")
    token = page.input_value("input[name=submission_token]")
    # The connection drops while sending: nothing reaches the server and nothing is lost.
    page.context.set_offline(True)
    page.focus("#screening-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    page.context.set_offline(False)
    page.goto(f"{live_server.url}/petugas/tpi/baru/")
    expect(page.locator("#draft-status")).to_have_text("Draf yang belum terkirim dipulihkan.")
    assert page.input_value("#id_traveller_name") == "Dewi Lestari"
    assert page.input_value("#id_party_0_value") == "0812-5555-0002"
    assert page.input_value("input[name=submission_token]") == token
    # The form fits the tablet: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.focus("#screening-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_text("tersimpan.")).to_be_visible()
    # Back to the form: the confirmed draft is gone and the browser does not refill it, so it cannot be
    # sent a second time by mistake; re-sending it empty only shows the messages.
    page.go_back()
    assert page.input_value("#id_traveller_name") == ""
    page.focus("#screening-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Tulis nomor paspor.")).to_be_visible()
    screening = Screening.objects.get()
    assert screening.passport_number == "C1234567" and screening.destination == "KH"
    assert screening.parties.get().normalized == "+6281255550002"


@pytest.mark.django_db(transaction=True)
def test_bad_input_is_shown_beside_the_field_and_kept(page, live_server, office) -> None:
    seed_checkpoints(office)
    page.set_viewport_size(TABLET)
    _login(page, live_server, "petugas")
    page.goto(f"{live_server.url}/petugas/tpi/baru/")
    page.fill("#id_traveller_name", "Budi")
    page.fill("#id_passport_number", "12-AB")
    page.click("#screening-form button[type=submit]")
    expect(
        page.get_by_text("Nomor paspor tidak sesuai format: huruf lalu angka, mis. X1234567.")
    ).to_be_visible()
    assert page.input_value("#id_passport_number") == "12-AB"
    assert not Screening.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_self_interview_on_a_phone(page, live_server, office) -> None:
    checkpoints = {cp.slug: cp for cp in seed_checkpoints(office)}
    petugas = User.objects.get(username="petugas")
    screening = screening_record(checkpoint=checkpoints["batam-center"], actor=petugas, data=screening_data())
    _interview, token = self_interview_start(screening=screening, actor=petugas)
    page.goto(f"{live_server.url}/tpi/wawancara/{token}/")  # the default fixture viewport: a 390 px phone
    expect(page.get_by_role("heading", name="Pertanyaan untuk Anda")).to_be_visible()
    body = page.inner_text("body")
    for private in ("Siti", screening.passport_number, "Batam Center", screening.code):
        assert private not in body
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    buttons = page.locator(".yesno span")
    assert buttons.count() == 12
    box = buttons.first.bounding_box()
    assert box["height"] >= 56 and box["width"] >= 150
    for i in range(6):
        buttons.nth(2 * i + (0 if i == 1 else 1)).click()  # "Ya" only for the passport question
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_role("heading", name="Terima kasih")).to_be_visible()
    screening.refresh_from_db()
    assert screening.self_answers["paspor_dipegang"] == "yes" and screening.self_answers["takut"] == "no"
