"""A Rahasia web reporter who opted in hears that an answer is waiting (e-mail or a WhatsApp template through
the fake Graph API), never what it says; they can turn it off on /lapor/cek/."""

import json

import pytest
from django.core import mail

from jaring.audit.models import AuditEvent
from jaring.channels.models import ContactReport, OutboundMessage
from jaring.reports.models import Report
from jaring.reports.services import report_reply
from tests.reports.test_follow_up import open_report
from tests.reports.test_submit_web import form_data, receipt_of

pytestmark = pytest.mark.django_db

ANSWER = "Perekrut itu tidak terdaftar; jangan serahkan paspor Anda kepada Bu Rina."


def submit(client, path: str = "/lapor/", **overrides) -> tuple[Report, str]:
    data = form_data(client, identity_mode="rahasia", reporter_name="Siti Rahayu", **overrides)
    response = client.post(path, data)
    code, key = receipt_of(response)
    return Report.objects.get(tracking_code=code), key


def reply(report: Report, officer, capture) -> None:
    with capture(execute=True):
        report_reply(report=report, author=officer, body=ANSWER)


def test_email_notice_says_only_that_there_is_an_answer(
    client, graph, petugas, django_capture_on_commit_callbacks
) -> None:
    report, _key = submit(client, reporter_contact="siti@example.org", notify_new_answer="on")
    assert report.notify_new_answer and report.reporter_language == "id"
    reply(report, petugas, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["siti@example.org"]
    assert "https://jaring.example/lapor/cek/" in notice.body
    text = notice.subject + notice.body
    for secret in (ANSWER, "Bu Rina", report.tracking_code, "paspor", "Kamboja"):
        assert secret not in text
    assert graph.sent == []
    event = AuditEvent.objects.get(action="report.reporter_notified")
    assert event.data["via"] == "email"


def test_english_submission_gets_the_english_link(
    client, graph, petugas, django_capture_on_commit_callbacks
) -> None:
    report, _key = submit(client, "/en/lapor/", reporter_contact="siti@example.org", notify_new_answer="on")
    assert report.reporter_language == "en"
    reply(report, petugas, django_capture_on_commit_callbacks)
    notice = mail.outbox[0]
    assert "https://jaring.example/en/lapor/cek/" in notice.body
    assert notice.subject == "There is a new answer to your report"


def test_whatsapp_notice_is_the_template_with_the_link_only(
    client, graph, petugas, django_capture_on_commit_callbacks
) -> None:
    report, _key = submit(client, reporter_contact="0812-7777-1234", notify_new_answer="on")
    reply(report, petugas, django_capture_on_commit_callbacks)
    assert len(graph.sent) == 1
    sent = graph.sent[0]
    assert sent["to"] == "6281277771234"
    assert sent["type"] == "template" and sent["template"]["name"] == "jaring_jawaban_baru"
    params = sent["template"]["components"][0]["parameters"]
    assert params == [{"type": "text", "text": "https://jaring.example/lapor/cek/"}]
    payload = json.dumps(sent)
    assert ANSWER not in payload and report.tracking_code not in payload and "Rina" not in payload
    out = OutboundMessage.objects.get()
    assert out.status == "sent" and out.report_message_id is None
    assert mail.outbox == []


def test_no_notice_without_opt_in(client, graph, petugas, django_capture_on_commit_callbacks) -> None:
    report, _key = submit(client, reporter_contact="siti@example.org")
    assert not report.notify_new_answer
    reply(report, petugas, django_capture_on_commit_callbacks)
    assert mail.outbox == [] and graph.sent == []


def test_anonymous_web_report_drops_the_notice_choice(client, graph, hotline_office) -> None:
    data = form_data(client, identity_mode="anonim", notify_new_answer="on")
    response = client.post("/lapor/", data)
    # The web form drops identity fields typed before switching to Anonim, the notice included.
    assert response.status_code == 200
    code, _key = receipt_of(response)
    assert not Report.objects.get(tracking_code=code).notify_new_answer


def test_api_refuses_notice_on_an_anonymous_report(client, graph, hotline_office) -> None:
    response = client.post(
        "/api/v1/reports",
        {
            "category": "perekrut",
            "description": "Tawaran kerja di Kamboja gaji 20 juta.",
            "identity_mode": "anonim",
            "notify_new_answer": True,
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "notify_new_answer"


def test_reporter_turns_the_notice_off_on_lapor_cek(
    client, graph, petugas, django_capture_on_commit_callbacks
) -> None:
    report, key = submit(client, reporter_contact="siti@example.org", notify_new_answer="on")
    open_report(client, report.tracking_code, key)
    page = client.get("/lapor/cek/").content.decode()
    assert "Matikan pemberitahuan" in page
    response = client.post("/lapor/cek/", {"action": "notify", "notify": "off"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert not report.notify_new_answer
    assert AuditEvent.objects.filter(action="report.notify_changed", data__enabled=False).exists()
    reply(report, petugas, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    client.post("/lapor/cek/", {"action": "notify", "notify": "on"})
    report.refresh_from_db()
    assert report.notify_new_answer


def test_a_report_linked_to_a_whatsapp_chat_gets_the_reply_there_not_a_notice(
    client, graph, chat, petugas, django_capture_on_commit_callbacks
) -> None:
    report, _key = submit(client, reporter_contact="0812-7777-1234", notify_new_answer="on")
    chat.send("Halo")  # the reporter writes to the hotline: a contact exists
    from jaring.channels.models import Contact

    ContactReport.objects.create(contact=Contact.objects.get(), report=report, via="cek")
    before = len(graph.sent)
    reply(report, petugas, django_capture_on_commit_callbacks)
    new = graph.sent[before:]
    assert [m["type"] for m in new] == ["text"]  # the relayed reply itself, no template notice
    assert not AuditEvent.objects.filter(action="report.reporter_notified").exists()
