"""An officer plans an event in the staff UI; a participant takes the pre and post quiz on a phone; the officer
sees the knowledge gain."""

import re

import pytest
from playwright.sync_api import expect

from jaring.outreach import quiz
from jaring.outreach.models import Event
from tests.conftest import PASSWORD


@pytest.mark.django_db(transaction=True)
def test_officer_creates_event_and_sees_the_gain_from_phone_quizzes(
    page, browser, live_server, petugas
) -> None:
    page.goto(f"{live_server.url}/petugas/masuk/")
    page.fill("input[name=username]", "petugas")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.get_by_role("heading", name="Ruang petugas")).to_be_visible()

    page.goto(f"{live_server.url}/petugas/sosialisasi/kegiatan/baru/")
    page.fill("#id_title", "Penyuluhan TPPO di Pulau Abang")
    page.select_option("#id_kind", "penyuluhan")
    page.fill("#id_starts_at", "2026-03-10T09:00")
    page.fill("#id_ends_at", "2026-03-10T11:00")
    page.fill("#id_region_code", "Pulau Abang")  # the type-ahead (htmx) lists matching regions as radios
    page.get_by_label(re.compile(r"Kelurahan Pulau Abang, Kec\. Galang")).check()
    page.fill("#id_venue", "Balai Kelurahan")
    page.get_by_label("TPPO (perdagangan orang)").check()
    page.get_by_label("PMI prosedural").check()
    page.get_by_label("Nelayan").check()
    page.get_by_role("button", name="Simpan kegiatan").click()
    code = page.get_by_test_id("event-code").inner_text()
    assert re.fullmatch(r"SOS-[A-Z0-9]{4}", code)
    event = Event.objects.get(code=code)
    assert event.region_code == "21.71.08.1007"
    questions = quiz.questions_of(event.quiz_questions)

    # A participant's phone: its own browser context (own device cookie), the same 390x844 viewport.
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID", is_mobile=True)
    try:
        quiz_page = phone.new_page()
        quiz_page.goto(f"{live_server.url}/sosialisasi/{code}/sebelum/")
        for q in questions:
            quiz_page.check(f'input[name="{q.id}"][value="d"]')  # "Tidak tahu" before the session
        quiz_page.get_by_role("button", name="Kirim jawaban").click()
        expect(quiz_page.get_by_text(f"Skor Anda: 0 dari {len(questions)}.")).to_be_visible()

        quiz_page.goto(f"{live_server.url}/sosialisasi/{code}/sesudah/")
        for q in questions:
            quiz_page.check(f'input[name="{q.id}"][value="{q.correct_key}"]')
        quiz_page.get_by_role("button", name="Kirim jawaban").click()
        expect(quiz_page.get_by_text(f"Skor Anda: {len(questions)} dari {len(questions)}.")).to_be_visible()
        expect(quiz_page.get_by_role("heading", name="Jawaban yang benar")).to_be_visible()
        # The same phone cannot answer again.
        quiz_page.goto(f"{live_server.url}/sosialisasi/{code}/sesudah/")
        for q in questions:
            quiz_page.check(f'input[name="{q.id}"][value="d"]')
        quiz_page.get_by_role("button", name="Kirim jawaban").click()
        expect(quiz_page.get_by_text("sudah mengisi kuis")).to_be_visible()
    finally:
        phone.close()

    page.reload()
    expect(page.get_by_test_id("gain")).to_contain_text("+100,0 poin")
