"""/lapor/cek/ and GET/POST /api/v1/reports/{code}: reading replies, answering, and resisting guessing."""

import json
import re

import pytest

from jaring.reports import receipts
from jaring.reports.models import Message, StatusChange
from jaring.reports.services import report_reply

CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


def without_csrf(body: bytes) -> bytes:
    """The per-request anti-CSRF nonce is the only part of a page that differs between two identical requests."""
    return CSRF.sub(b'name="csrfmiddlewaretoken" value=""', body)


def open_report(client, code: str, key: str):
    return client.post("/lapor/cek/", {"action": "check", "tracking_code": code, "follow_up_key": key})


def test_reporter_sees_status_officer_reply_and_public_note_but_not_internal_notes(
    client, submitted, petugas
):
    report, key = submitted
    report_reply(report=report, author=petugas, body="Terima kasih. Mohon kirim foto brosurnya.")
    Message.objects.create(
        report=report, author_kind="petugas", author=petugas, body="CATATAN INTERNAL", is_internal=True
    )
    StatusChange.objects.create(
        report=report,
        from_status="baru",
        to_status="diverifikasi",
        public_note="Sudah kami cek.",
        reason="RAHASIA",
    )
    report.status = "diverifikasi"
    report.save()
    response = open_report(client, report.tracking_code, key)
    assert response.status_code == 302 and response["Location"].endswith("/lapor/cek/#status")
    html = client.get("/lapor/cek/").content.decode()
    assert "Mohon kirim foto brosurnya." in html and "Sudah kami cek." in html
    assert "Diverifikasi" in html and "Petugas sudah memeriksa laporan Anda" in html
    assert "CATATAN INTERNAL" not in html and "RAHASIA" not in html
    assert key not in html  # the key is never echoed back


def test_reporter_replies_without_retyping_the_key(client, submitted):
    report, key = submitted
    open_report(client, report.tracking_code, key)
    response = client.post("/lapor/cek/", {"action": "reply", "body": "Nomor rekening agen: 1234567890"})
    assert response.status_code == 302
    message = Message.objects.get(report=report)
    assert message.author_kind == "pelapor" and "1234567890" in message.body
    assert "Nomor rekening agen" in client.get("/lapor/cek/").content.decode()


def test_reply_after_logout_needs_the_receipt_again(client, submitted):
    report, key = submitted
    open_report(client, report.tracking_code, key)
    client.post("/lapor/cek/", {"action": "logout"})
    client.post("/lapor/cek/", {"action": "reply", "body": "Halo"})
    assert not Message.objects.exists()
    assert 'name="follow_up_key"' in client.get("/lapor/cek/").content.decode()


def test_wrong_key_page_is_identical_to_unknown_code_page(client, submitted):
    report, _key = submitted
    unknown_code = "JRG-2345-6789"
    wrong = open_report(client, report.tracking_code, receipts.new_follow_up_key())
    unknown = open_report(client, unknown_code, receipts.new_follow_up_key())
    assert wrong.status_code == unknown.status_code == 200
    same_code = without_csrf(wrong.content).replace(report.tracking_code.encode(), unknown_code.encode())
    assert same_code == without_csrf(unknown.content)
    assert b"Kode laporan atau kunci tindak lanjut salah" in wrong.content
    assert sorted(wrong.headers.keys()) == sorted(unknown.headers.keys())


def test_wrong_key_api_response_is_byte_identical_to_unknown_code(client, submitted):
    report, _key = submitted
    wrong = client.get(
        f"/api/v1/reports/{report.tracking_code}", HTTP_X_FOLLOW_UP_KEY=receipts.new_follow_up_key()
    )
    missing = client.get(f"/api/v1/reports/{report.tracking_code}")
    unknown = client.get("/api/v1/reports/JRG-2345-6789", HTTP_X_FOLLOW_UP_KEY=receipts.new_follow_up_key())
    assert wrong.status_code == missing.status_code == unknown.status_code == 404
    assert wrong.content == missing.content == unknown.content
    assert dict(wrong.headers) == dict(unknown.headers)


def test_api_thread_shows_public_messages_only(client, submitted, petugas):
    report, key = submitted
    report_reply(report=report, author=petugas, body="Balasan publik")
    Message.objects.create(report=report, author_kind="petugas", body="internal", is_internal=True)
    response = client.get(f"/api/v1/reports/{report.tracking_code}", HTTP_X_FOLLOW_UP_KEY=key)
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "baru" and body["category"] == "perekrut"
    assert [m["body"] for m in body["messages"]] == ["Balasan publik"]
    assert body["timeline"][0]["status"] == "baru"


def test_api_message_with_key_is_created(client, submitted):
    report, key = submitted
    response = client.post(
        f"/api/v1/reports/{report.tracking_code}/messages",
        json.dumps({"body": "Tambahan: agen memakai nama samaran."}),
        content_type="application/json",
        HTTP_X_FOLLOW_UP_KEY=key,
    )
    assert response.status_code == 201
    assert Message.objects.get().body == "Tambahan: agen memakai nama samaran."
    denied = client.post(
        f"/api/v1/reports/{report.tracking_code}/messages",
        json.dumps({"body": "x"}),
        content_type="application/json",
        HTTP_X_FOLLOW_UP_KEY="salah",
    )
    assert denied.status_code == 404 and Message.objects.count() == 1
    unknown = client.post(
        "/api/v1/reports/JRG-2345-6789/messages",
        json.dumps({"body": "x"}),
        content_type="application/json",
        HTTP_X_FOLLOW_UP_KEY="salah",
    )
    assert unknown.content == denied.content and dict(unknown.headers) == dict(denied.headers)


def test_guessing_keys_for_one_code_is_stopped_with_429_even_from_many_clients(client, submitted, settings):
    settings.RATE_FOLLOW_UP_FAILURES_PER_CODE = 3
    report, key = submitted
    for attempt in range(3):
        ip = f"198.51.100.{attempt}"
        assert (
            client.get(
                f"/api/v1/reports/{report.tracking_code}", HTTP_X_FOLLOW_UP_KEY="x", REMOTE_ADDR=ip
            ).status_code
            == 404
        )
    blocked = client.get(
        f"/api/v1/reports/{report.tracking_code}", HTTP_X_FOLLOW_UP_KEY=key, REMOTE_ADDR="198.51.100.9"
    )
    assert blocked.status_code == 429
    assert "Terlalu banyak percobaan" in blocked.json()["detail"][0]["message"]
    assert int(blocked["Retry-After"]) > 0


def test_unknown_codes_lock_the_same_way_as_real_ones(client, office, settings):
    settings.RATE_FOLLOW_UP_FAILURES_PER_CODE = 2
    for _attempt in range(2):
        client.get("/api/v1/reports/JRG-2345-6789", HTTP_X_FOLLOW_UP_KEY="x", REMOTE_ADDR="198.51.100.1")
    assert client.get("/api/v1/reports/JRG-2345-6789", REMOTE_ADDR="198.51.100.2").status_code == 429


def test_one_client_guessing_many_codes_gets_429_on_the_web(client, submitted, settings):
    settings.RATE_FOLLOW_UP_FAILURES_PER_CLIENT = 3
    report, key = submitted
    for number in range(3):
        open_report(client, f"JRG-2345-{number + 2}222", "x")
    response = open_report(client, report.tracking_code, key)
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in response.content.decode()
    assert not client.session.get("lapor_cek")


def test_successful_checks_do_not_count_towards_the_limit(client, submitted, settings):
    settings.RATE_FOLLOW_UP_FAILURES_PER_CLIENT = 2
    settings.RATE_FOLLOW_UP_FAILURES_PER_CODE = 2
    report, key = submitted
    for _attempt in range(5):
        assert (
            client.get(f"/api/v1/reports/{report.tracking_code}", HTTP_X_FOLLOW_UP_KEY=key).status_code == 200
        )


@pytest.mark.parametrize("status", ["selesai", "ditolak"])
def test_closed_report_shows_no_reply_box(client, submitted, status):
    report, key = submitted
    report.status = status
    report.save()
    open_report(client, report.tracking_code, key)
    html = client.get("/lapor/cek/").content.decode()
    assert "sudah ditutup" in html and 'value="reply"' not in html
