"""The webhook door: verification handshake, signatures checked before parsing, idempotent storage."""

import json

import pytest
from django.core.management import call_command
from django.test import Client
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jaring.audit.models import AuditEvent
from jaring.channels.models import Contact, InboundMessage, OutboundMessage
from tests.channels import payloads

URL = "/channels/whatsapp/webhook"


@pytest.mark.django_db
def test_verification_echoes_the_challenge_for_the_right_token(graph):
    response = Client().get(
        URL, {"hub.mode": "subscribe", "hub.verify_token": "test-verify-token", "hub.challenge": "1158201444"}
    )
    assert response.status_code == 200
    assert response.content == b"1158201444"


@pytest.mark.django_db
def test_verification_with_a_wrong_token_is_refused(graph):
    response = Client().get(URL, {"hub.mode": "subscribe", "hub.verify_token": "guess", "hub.challenge": "1"})
    assert response.status_code == 403
    assert b"1" not in response.content.replace(b"verification failed", b"")


@pytest.mark.django_db
def test_verification_is_refused_when_no_token_is_configured(graph, settings):
    settings.WHATSAPP_VERIFY_TOKEN = ""
    response = Client().get(URL, {"hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1"})
    assert response.status_code == 403


@pytest.mark.django_db
def test_unsigned_post_is_refused_and_stores_nothing(graph, hotline_office):
    response = payloads.post(Client(), payloads.text("halo"), secret=None)
    assert response.status_code == 401
    assert not InboundMessage.objects.exists()
    assert not Contact.objects.exists()
    assert graph.requests == []


@pytest.mark.django_db
@pytest.mark.parametrize(("secret", "refused"), [(None, 401), ("not-the-app-secret", 403)])
def test_unsigned_or_mis_signed_garbage_is_refused_before_parsing(graph, hotline_office, secret, refused):
    """The signature is checked first: a body that is not even JSON gets 401/403, never the parser's 400."""
    response = payloads.post(Client(), b"not json", secret=secret)
    assert response.status_code == refused
    assert not InboundMessage.objects.exists()


@pytest.mark.django_db
def test_post_signed_with_another_secret_is_refused_and_stores_nothing(graph, hotline_office):
    response = payloads.post(Client(), payloads.text("halo"), secret="not-the-app-secret")
    assert response.status_code == 403
    assert not InboundMessage.objects.exists()
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_signature_over_a_different_body_is_refused(graph, hotline_office):
    """Signing one body and sending another (a tampered payload) fails the check over the raw bytes."""
    signed = json.dumps(payloads.text("halo")).encode()
    tampered = json.dumps(payloads.text("halo", wa_id="6289999999999")).encode()
    from jaring.channels.webhook import sign

    response = payloads.post(Client(), tampered, signature=sign(signed, payloads.APP_SECRET))
    assert response.status_code == 403
    assert not InboundMessage.objects.exists()


@pytest.mark.django_db
def test_everything_is_refused_when_no_app_secret_is_configured(graph, hotline_office, settings):
    settings.WHATSAPP_APP_SECRET = ""
    response = payloads.post(Client(), payloads.text("halo"), secret="")
    assert response.status_code == 403
    assert not InboundMessage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "raw",
    [
        b"not json",
        b"[]",
        b'{"object": "page", "entry": []}',
        b'{"object": "whatsapp_business_account"}',
        b'{"object": "whatsapp_business_account", "entry": [{"changes": [{"value": "x"}]}]}',
    ],
)
def test_signed_but_malformed_payload_is_refused_with_400(graph, hotline_office, raw):
    response = payloads.post(Client(), raw)
    assert response.status_code == 400
    assert not InboundMessage.objects.exists()


@pytest.mark.django_db
def test_message_without_id_is_skipped_but_the_rest_is_stored(
    graph, hotline_office, django_capture_on_commit_callbacks
):
    payload = payloads.text("halo")
    broken = dict(payload["entry"][0]["changes"][0]["value"]["messages"][0])
    del broken["id"]
    payload["entry"][0]["changes"][0]["value"]["messages"].append(broken)
    with django_capture_on_commit_callbacks(execute=True):
        response = payloads.post(Client(), payload)
    assert response.status_code == 200
    assert InboundMessage.objects.count() == 1


@pytest.mark.django_db
def test_redelivered_message_is_stored_and_answered_once(chat, graph):
    payload = payloads.text("halo")
    chat.post(payload)
    answers = len(graph.sent)
    chat.post(payload)  # Meta redelivers the same id
    chat.post(payload)
    assert InboundMessage.objects.count() == 1
    assert len(graph.sent) == answers == 1
    # The message row records the receipt; its handling is audited once.
    assert AuditEvent.objects.filter(action="whatsapp.processed").count() == 1


@pytest.mark.django_db
def test_sender_number_is_stored_encrypted_and_hashed(chat, graph):
    chat.send("halo")
    contact = Contact.objects.get()
    assert contact.wa_id == payloads.WA_ID  # decrypted on read
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT wa_id, wa_hash, profile_name FROM channels_contact")
        raw_wa_id, raw_hash, raw_name = cursor.fetchone()
    assert payloads.WA_ID not in raw_wa_id and payloads.WA_ID not in raw_hash
    assert "Siti" not in raw_name
    cursor_text = InboundMessage.objects.values_list("body", flat=True)
    assert list(cursor_text) == ["halo"]


@pytest.mark.django_db
def test_changed_profile_name_is_kept_encrypted(chat, graph):
    chat.send("halo")
    chat.name = "Siti Aminah"
    chat.send("menu")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT profile_name FROM channels_contact")
        (raw_name,) = cursor.fetchone()
    assert "Siti" not in raw_name
    assert Contact.objects.get().profile_name == "Siti Aminah"


@pytest.mark.django_db
def test_text_body_is_not_stored_in_clear(chat):
    chat.send("nomor perekrut saya 081298765432")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM channels_inboundmessage")
        (raw,) = cursor.fetchone()
    assert "081298765432" not in raw


@pytest.mark.django_db
def test_each_answer_goes_to_the_sender_through_the_configured_phone_number(chat, graph):
    chat.send("halo")
    request = [r for r in graph.requests if r.method == "POST"][0]
    assert request.path == f"/{payloads.PHONE_NUMBER_ID}/messages"
    assert request.authorization == "Bearer test-access-token"
    assert request.body["to"] == payloads.WA_ID
    assert request.body["messaging_product"] == "whatsapp"


@pytest.mark.django_db
def test_before_any_office_exists_messages_are_refused_for_redelivery(graph):
    response = payloads.post(Client(), payloads.text("halo"))
    assert response.status_code == 503  # Meta redelivers later; nothing is half-stored
    assert not InboundMessage.objects.exists() and not Contact.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_webhook_only_stores_and_queues_and_the_task_worker_answers(graph, hotline_office, settings):
    """With the database task backend (production's), the webhook answers 200 without talking to Meta: it
    stores the message and one task row; the worker (`jaring db_worker`) then answers."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = payloads.post(Client(), payloads.text("halo"))
    assert response.status_code == 200
    assert graph.requests == []
    inbound = InboundMessage.objects.get()
    assert inbound.status == InboundMessage.Status.RECEIVED
    assert not OutboundMessage.objects.exists()
    queued = DBTaskResult.objects.get()
    assert queued.status == TaskResultStatus.READY
    assert queued.task_path == "jaring.channels.tasks.process_inbound"
    assert queued.args_kwargs == {"args": [inbound.pk], "kwargs": {}}

    # The worker's run-once mode: it answers the message, then sends the answer it queued.
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    inbound.refresh_from_db()
    assert inbound.status == InboundMessage.Status.PROCESSED
    assert len(graph.texts()) == 1 and "1 Cek tawaran kerja" in graph.texts()[0]
    assert graph.sent[0]["to"] == payloads.WA_ID
    assert OutboundMessage.objects.get().status == OutboundMessage.Status.SENT
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}
