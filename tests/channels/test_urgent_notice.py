"""An urgent report sent on WhatsApp: marked at intake, and the supervisors told by e-mail and on WhatsApp
(through the outbound queue and the fake Graph API), with the receipt code and a link, never the reporter."""

import pytest
from django.core import mail

from jaring.channels.models import OutboundMessage
from jaring.reports.models import Report


@pytest.mark.django_db
def test_whatsapp_report_about_a_departure_tomorrow_alerts_the_supervisor(chat, graph, supervisor, settings):
    supervisor.email, supervisor.notify_whatsapp = "kasi@imigrasi.example", "0811-7000-1234"
    supervisor.save()
    chat.send("2")
    chat.send("3")
    chat.send("Adik saya bsk brgkt ke Malaysia lewat pelabuhan, paspornya ditahan agen.")
    chat.send("Batu Aji, Batam")
    chat.send("081298765432")
    receipt = chat.send("KIRIM")

    report = Report.objects.get()
    assert report.tracking_code in receipt and report.channel == "whatsapp"
    assert report.urgent
    assert {(r["rule"], r["match"]) for r in report.urgency_reasons} == {
        ("departure", "bsk"),
        ("passport", "paspornya ditahan"),
    }
    link = f"https://jaring.example/petugas/laporan/{report.tracking_code}/"

    [email] = mail.outbox
    assert email.to == ["kasi@imigrasi.example"] and report.tracking_code in email.subject
    assert link in email.body and "keberangkatan dalam waktu dekat" in email.body
    assert "Siti" not in email.body and "Malaysia" not in email.body and "81234567890" not in email.body

    [notice] = [m for m in graph.sent if m.get("type") == "template"]
    assert notice["to"] == "6281170001234"
    assert notice["template"]["name"] == settings.WHATSAPP_URGENT_TEMPLATE
    params = [p["text"] for p in notice["template"]["components"][0]["parameters"]]
    assert params == [report.tracking_code, link]
    out = OutboundMessage.objects.get(template_name=settings.WHATSAPP_URGENT_TEMPLATE)
    assert out.status == OutboundMessage.Status.SENT


@pytest.mark.django_db
def test_an_ordinary_report_alerts_nobody(chat, graph, supervisor):
    supervisor.email, supervisor.notify_whatsapp = "kasi@imigrasi.example", "0811-7000-1234"
    supervisor.save()
    chat.send("2")
    chat.send("3")
    chat.send("Ada perekrut yang menawari kerja di Kamboja pakai visa turis.")
    chat.send("Batu Aji, Batam")
    chat.send("081298765432")
    chat.send("KIRIM")
    assert not Report.objects.get().urgent
    assert mail.outbox == [] and not [m for m in graph.sent if m.get("type") == "template"]
