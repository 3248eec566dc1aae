"""Outbound delivery: receipts, retries with backoff, permanent failures shown to officers, expired tokens."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from jaring.audit.models import AuditEvent
from jaring.channels.models import Alert, Contact, InboundMessage, OutboundMessage
from jaring.reports.services import report_reply
from tests.channels import images, payloads


@pytest.mark.django_db
def test_delivery_and_read_receipts_move_the_status_forward_only(chat, graph):
    chat.send("halo")
    out = OutboundMessage.objects.get()
    assert out.status == "sent" and out.wamid.startswith("wamid.")
    chat.post(payloads.status(out.wamid, "delivered"))
    out.refresh_from_db()
    assert out.status == "delivered"
    chat.post(payloads.status(out.wamid, "read"))
    chat.post(payloads.status(out.wamid, "delivered"))  # late, out of order: ignored
    out.refresh_from_db()
    assert out.status == "read"


@pytest.mark.django_db
def test_receipt_for_an_unknown_message_changes_nothing(chat):
    chat.post(payloads.status("wamid.UNKNOWN", "read"))
    assert not OutboundMessage.objects.exists()


@pytest.mark.django_db
def test_failed_receipt_is_kept_visible(chat, graph):
    chat.send("halo")
    out = OutboundMessage.objects.get()
    chat.post(
        payloads.status(out.wamid, "failed", errors=[{"code": 131026, "title": "Message undeliverable"}])
    )
    out.refresh_from_db()
    assert out.status == "failed" and "131026" in out.last_error


def _reply_to_report(chat, petugas, errors=()):  # type: ignore[no-untyped-def]
    chat.send("4")
    chat.send("Apakah lowongan dari PT Sinar Abadi resmi?")
    chat.graph.send_errors += list(errors)  # the Graph API fails the officer's reply, not the menu texts
    report = chat_report()
    with chat.capture(execute=True):
        message = report_reply(
            report=report, author=petugas, body="PT Sinar Abadi tidak terdaftar di SISKOP2MI."
        )
    return report, OutboundMessage.objects.get(report_message=message)


def chat_report():  # type: ignore[no-untyped-def]
    from jaring.reports.models import Report

    return Report.objects.get()


@pytest.mark.django_db
def test_failed_send_is_retried_with_backoff_until_it_goes_through(chat, graph, petugas):
    report, out = _reply_to_report(chat, petugas, errors=[(500, 1), (503, 2)])
    out.refresh_from_db()
    assert out.status == "retrying" and out.attempts == 1
    first_wait = out.next_attempt_at - timezone.now()
    assert timedelta(seconds=20) < first_wait <= timedelta(seconds=30)

    call_command("whatsapp_retry")  # not due yet: nothing happens
    out.refresh_from_db()
    assert out.attempts == 1

    OutboundMessage.objects.filter(pk=out.pk).update(next_attempt_at=timezone.now())
    call_command("whatsapp_retry")
    out.refresh_from_db()
    assert out.status == "retrying" and out.attempts == 2
    assert out.next_attempt_at - timezone.now() > timedelta(seconds=50)  # the wait doubled

    OutboundMessage.objects.filter(pk=out.pk).update(next_attempt_at=timezone.now())
    call_command("whatsapp_retry")
    out.refresh_from_db()
    assert out.status == "sent" and out.attempts == 3
    assert "tidak terdaftar di SISKOP2MI" in graph.texts()[-1]


@pytest.mark.django_db
def test_permanent_failure_is_shown_to_the_officer_who_can_send_again(chat, graph, petugas, petugas_client):
    report, out = _reply_to_report(chat, petugas, errors=[(400, 131026)])
    out.refresh_from_db()
    assert out.status == "failed"
    page = petugas_client.get("/petugas/whatsapp/").content.decode()
    assert report.tracking_code in page and "Kirim ulang" in page
    with chat.capture(execute=True):
        response = petugas_client.post(f"/petugas/whatsapp/kirim-ulang/{out.pk}/")
    assert response.status_code == 302
    out.refresh_from_db()
    assert out.status == "sent"
    assert AuditEvent.objects.filter(action="whatsapp.outbound_retry", actor__username="petugas").exists()


@pytest.mark.django_db
def test_another_offices_officer_cannot_retry(chat, graph, petugas, other_office):
    from django.test import Client

    from jaring.accounts.models import User

    _report, out = _reply_to_report(chat, petugas, errors=[(400, 131026)])
    stranger = User.objects.create_user("luar", password="x" * 12, role="petugas", office=other_office)
    client = Client()
    client.force_login(stranger)
    assert client.post(f"/petugas/whatsapp/kirim-ulang/{out.pk}/").status_code == 404


@pytest.mark.django_db
def test_expired_token_alerts_admins_and_queues_messages_until_renewed(
    chat, graph, petugas, admin_user, settings
):
    admin_user.email = "admin@imigrasi.example"
    admin_user.save()
    chat.send("4")
    chat.send("Apakah lowongan dari PT Sinar Abadi resmi?")
    graph.token = "renewed-token"  # the token Jaring holds has expired
    report = chat_report()
    with chat.capture(execute=True):
        report_reply(report=report, author=petugas, body="Kami sedang memeriksa perusahaan tersebut.")
        report_reply(report=report, author=petugas, body="Mohon kirim tangkapan layar iklannya.")
    pending = OutboundMessage.objects.filter(status="retrying")
    assert pending.count() == 2
    alert = Alert.objects.get(resolved_at=None)
    assert alert.kind == "token_expired"
    assert len(mail.outbox) == 1 and "token" in mail.outbox[0].subject.lower()
    assert mail.outbox[0].to == ["admin@imigrasi.example"]
    assert AuditEvent.objects.filter(action="whatsapp.alert.token_expired").count() == 1

    # Many more failures while the token stays expired: still queued, never dropped, one alert only.
    for _ in range(12):
        OutboundMessage.objects.filter(status="retrying").update(next_attempt_at=timezone.now())
        call_command("whatsapp_retry")
    assert OutboundMessage.objects.filter(status="retrying").count() == 2
    assert len(mail.outbox) == 1

    settings.WHATSAPP_ACCESS_TOKEN = "renewed-token"
    OutboundMessage.objects.filter(status="retrying").update(next_attempt_at=timezone.now())
    call_command("whatsapp_retry")
    assert OutboundMessage.objects.filter(status="sent", report=report).count() >= 2
    assert "Mohon kirim tangkapan layar iklannya." in graph.texts()[-1]
    alert.refresh_from_db()
    assert alert.resolved_at is not None


@pytest.mark.django_db
def test_media_during_an_expired_token_is_postponed_and_processed_later(chat, graph, settings):
    chat.send("2")
    chat.send("1")
    graph.add_media("v1", images.ogg_voice(), "audio/ogg")
    graph.token = "renewed-token"
    chat.post(payloads.voice("v1"))
    inbound = InboundMessage.objects.get(kind="audio")
    assert inbound.status == "pending"
    settings.WHATSAPP_ACCESS_TOKEN = "renewed-token"
    with chat.capture(execute=True):  # the answer is sent after the retry's commit
        call_command("whatsapp_retry")
    inbound.refresh_from_db()
    assert inbound.status == "processed"
    assert "Di mana kejadiannya" in graph.texts()[-1]


@pytest.mark.django_db
def test_a_hundred_messages_a_minute_get_one_polite_notice(chat, graph, settings):
    for n in range(100):
        chat.post(payloads.text(f"pesan {n}"))
    assert InboundMessage.objects.count() == 100
    limited = InboundMessage.objects.filter(status="rate_limited").count()
    assert limited == 100 - settings.WHATSAPP_RATE_PER_MINUTE
    notices = [t for t in graph.texts() if "banyak pesan dalam waktu singkat" in t]
    assert len(notices) == 1
    assert len(graph.sent) == settings.WHATSAPP_RATE_PER_MINUTE + 1


@pytest.mark.django_db
def test_a_reply_that_meta_rejects_as_outside_the_window_falls_back_to_the_template(chat, graph, petugas):
    _report, out = _reply_to_report(chat, petugas)
    out.refresh_from_db()
    chat.post(
        payloads.status(out.wamid, "failed", errors=[{"code": 131047, "title": "Re-engagement message"}])
    )
    out.refresh_from_db()
    assert out.status == "held"
    assert graph.templates()[-1]["name"] == "jaring_balasan_petugas"
    assert "tidak terdaftar di SISKOP2MI" in chat.send("ya?")  # the user writes: the held reply goes out


@pytest.mark.django_db
def test_report_page_shows_whatsapp_delivery_of_replies(chat, graph, petugas, petugas_client):
    report, out = _reply_to_report(chat, petugas, errors=[(400, 131026)])
    page = petugas_client.get(f"/petugas/laporan/{report.tracking_code}/").content.decode()
    assert "tersambung ke percakapan WhatsApp" in page
    assert "Gagal" in page and f"/petugas/whatsapp/kirim-ulang/{out.pk}/" in page


@pytest.mark.django_db
def test_retry_command_answers_a_stored_message_whose_task_was_lost(chat, graph, hotline_office):
    from jaring.channels.identity import wa_hash

    contact = Contact.objects.create(
        office=hotline_office, wa_hash=wa_hash(payloads.WA_ID), wa_id=payloads.WA_ID
    )
    inbound = InboundMessage.objects.create(
        wamid="wamid.LOST", contact=contact, kind="text", body="halo", sent_at=timezone.now()
    )
    InboundMessage.objects.filter(pk=inbound.pk).update(received_at=timezone.now() - timedelta(minutes=2))
    with chat.capture(execute=True):
        call_command("whatsapp_retry")
    inbound.refresh_from_db()
    assert inbound.status == "processed"
    assert "1 Cek tawaran kerja" in graph.texts()[-1]


@pytest.mark.django_db
def test_a_receipt_that_fails_for_good_forgets_the_follow_up_key(chat, graph, petugas_client):
    chat.send("2")
    chat.send("1")
    chat.send("Agen menahan paspor saya dan meminta uang tebusan.")
    chat.send("lewati")
    chat.send("lewati")
    chat.send("lewati")
    graph.send_errors.append((400, 131026))  # the receipt cannot be delivered: number no longer on WhatsApp
    chat.send("kirim")
    report = chat_report()
    receipt = OutboundMessage.objects.get(report=report, status="failed")
    assert "Kunci tindak lanjut: ••••" in receipt.body and report.tracking_code in receipt.body
    assert receipt.redact == ""
    page = petugas_client.get("/petugas/whatsapp/").content.decode()
    assert report.tracking_code in page and "Gagal" in page  # the officer still sees the failed receipt


@pytest.mark.django_db
def test_a_delivered_message_cannot_be_sent_again(chat, graph, petugas_client):
    chat.send("halo")
    out = OutboundMessage.objects.get()
    chat.post(payloads.status(out.wamid, "delivered"))
    before = len(graph.sent)
    with chat.capture(execute=True):
        response = petugas_client.post(f"/petugas/whatsapp/kirim-ulang/{out.pk}/", follow=True)
    assert "Hanya pesan yang gagal terkirim yang dapat dikirim ulang." in response.content.decode()
    assert len(graph.sent) == before
    out.refresh_from_db()
    assert out.status == "delivered"
    assert not AuditEvent.objects.filter(action="whatsapp.outbound_retry").exists()
