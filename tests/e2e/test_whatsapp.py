"""Real browser: a citizen writes to the hotline (signed webhooks over HTTP), an officer answers from /petugas/
and the answer leaves through the (fake) Cloud API to the citizen's WhatsApp."""

import json
import urllib.request

import pytest
from playwright.sync_api import expect

from jaring.channels.webhook import sign
from tests.channels import payloads
from tests.channels.fake_graph import TOKEN, start
from tests.conftest import PASSWORD


@pytest.fixture
def graph(settings):
    fake, server = start()
    settings.WHATSAPP_GRAPH_URL = fake.url
    settings.WHATSAPP_ACCESS_TOKEN = TOKEN
    settings.WHATSAPP_PHONE_NUMBER_ID = payloads.PHONE_NUMBER_ID
    settings.WHATSAPP_APP_SECRET = payloads.APP_SECRET
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    yield fake
    server.shutdown()


def _webhook(base_url: str, payload: dict) -> int:
    raw = json.dumps(payload).encode()
    request = urllib.request.Request(
        f"{base_url}/channels/whatsapp/webhook",
        data=raw,
        headers={"Content-Type": "application/json", "X-Hub-Signature-256": sign(raw, payloads.APP_SECRET)},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status


@pytest.mark.django_db(transaction=True)
def test_officer_answers_a_whatsapp_question_from_the_report_page(page, live_server, graph, petugas) -> None:
    assert _webhook(live_server.url, payloads.text("4")) == 200
    assert (
        _webhook(live_server.url, payloads.text("Apakah lowongan kapal pesiar dari PT Samudra Biru resmi?"))
        == 200
    )
    assert any("Kode: JRG-" in text for text in graph.texts())

    page.goto(f"{live_server.url}/petugas/masuk/")
    page.fill("input[name=username]", "petugas")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/petugas/laporan/?channel=whatsapp")
    row = page.get_by_role("row").filter(has_text="WhatsApp").first
    expect(row).to_be_visible()
    row.get_by_role("link").first.click()

    expect(page.get_by_role("heading", name="WhatsApp")).to_be_visible()
    page.fill("#rp-body", "PT Samudra Biru tidak terdaftar di SISKOP2MI. Jangan kirim uang.")
    page.get_by_role("button", name="Kirim balasan").click()
    expect(page.get_by_text("Terkirim ke WhatsApp")).to_be_visible()
    reply = graph.texts()[-1]
    assert "PT Samudra Biru tidak terdaftar di SISKOP2MI" in reply
    assert graph.sent[-1]["to"] == payloads.WA_ID
