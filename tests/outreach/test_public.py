"""Public outreach pages: events without personal data, and the session request form into the office queue."""

from datetime import timedelta

from django.utils import timezone

from jaring.audit.models import AuditEvent
from jaring.outreach.models import RequestStatus, SessionRequest
from jaring.outreach.services import event_attendance_set


def test_public_page_lists_upcoming_and_past_events_without_internal_notes(
    client, make_event, petugas
) -> None:
    past = make_event(title="Penyuluhan yang lalu")
    past.notes = "Catatan internal: Pak Kades minta data peserta"
    past.save()
    event_attendance_set(actor=petugas, event=past, total=12, male=6, female=6, ages={"age_18_25": 12})
    make_event(start=timezone.now() + timedelta(days=7), title="Sosialisasi minggu depan")
    html = client.get("/sosialisasi/").content.decode()
    upcoming_at, past_at = html.index("Sosialisasi minggu depan"), html.index("Penyuluhan yang lalu")
    assert upcoming_at < past_at
    assert "12 peserta" in html
    assert "Catatan internal" not in html and "Pak Kades" not in html


def test_public_event_page_shows_the_code_and_the_quiz_links(client, make_event) -> None:
    event = make_event()
    html = client.get(f"/sosialisasi/{event.code}/").content.decode()
    assert event.code in html and f"/sosialisasi/{event.code}/sebelum/" in html


def _request_data(**overrides) -> dict:
    data = {
        "organisation": "SMP Negeri Pulau Abang",
        "requester_kind": "sekolah",
        "contact_name": "Ibu Ratna",
        "contact_phone": "0812-7000-1234",
        "topics": ["tppo"],
        "audience_size": "60",
        "message": "Untuk kelas 9 sebelum lulus.",
    }
    data.update(overrides)
    return data


def test_a_school_requests_a_session_and_it_enters_the_queue(client, petugas_client, office) -> None:
    response = client.post("/sosialisasi/minta/", _request_data())
    assert response.status_code == 302 and response["Location"].endswith("/sosialisasi/minta/terkirim/")
    request = SessionRequest.objects.get()
    assert request.status == RequestStatus.BARU and request.office == office
    assert request.contact_phone == "0812-7000-1234"
    queue = petugas_client.get("/petugas/sosialisasi/permintaan/").content.decode()
    assert "SMP Negeri Pulau Abang" in queue


def test_the_requester_contact_is_encrypted_at_rest(client, office) -> None:
    from django.db import connection

    client.post("/sosialisasi/minta/", _request_data())
    with connection.cursor() as cursor:
        cursor.execute("SELECT contact_name, contact_phone FROM outreach_sessionrequest")
        name, phone = cursor.fetchone()
    assert "Ratna" not in name and "0812" not in phone


def test_an_officer_viewing_the_contact_is_audited(petugas_client, client) -> None:
    client.post("/sosialisasi/minta/", _request_data())
    request = SessionRequest.objects.get()
    html = petugas_client.get(f"/petugas/sosialisasi/permintaan/{request.pk}/").content.decode()
    assert "0812-7000-1234" in html
    assert AuditEvent.objects.filter(action="outreach.request.viewed", object_id=str(request.pk)).exists()


def test_the_request_shows_the_village_by_name(petugas_client, client) -> None:
    client.post("/sosialisasi/minta/", _request_data(region_code="21.71.08.1007"))
    request = SessionRequest.objects.get()
    assert request.region_code == "21.71.08.1007"
    html = petugas_client.get(f"/petugas/sosialisasi/permintaan/{request.pk}/").content.decode()
    assert "Pulau Abang, Kec. Galang, Kota Batam" in html and "21.71.08.1007</p>" not in html


def test_rejecting_a_request_needs_a_reason(petugas_client, client) -> None:
    client.post("/sosialisasi/minta/", _request_data())
    request = SessionRequest.objects.get()
    html = petugas_client.post(
        f"/petugas/sosialisasi/permintaan/{request.pk}/", {"status": "ditolak"}
    ).content.decode()
    assert "Tulis alasan penolakan." in html
    request.refresh_from_db()
    assert request.status == RequestStatus.BARU


def test_a_bad_phone_number_is_explained_and_the_form_kept(client, office) -> None:
    html = client.post("/sosialisasi/minta/", _request_data(contact_phone="abc")).content.decode()
    assert "nomor telepon atau WhatsApp" in html
    assert 'value="SMP Negeri Pulau Abang"' in html and "Untuk kelas 9 sebelum lulus." in html
    assert not SessionRequest.objects.exists()


def test_the_honeypot_stores_nothing(client, office) -> None:
    response = client.post("/sosialisasi/minta/", _request_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not SessionRequest.objects.exists()


def test_requests_are_rate_limited_per_client(client, office) -> None:
    for i in range(5):
        client.post("/sosialisasi/minta/", _request_data(organisation=f"Desa {i}"))
    html = client.post("/sosialisasi/minta/", _request_data(organisation="Desa 6")).content.decode()
    assert "Terlalu banyak permintaan" in html
    assert SessionRequest.objects.count() == 5


def test_the_public_pages_are_served_in_english(client, office) -> None:
    html = client.get("/en/sosialisasi/minta/").content.decode()
    assert "Request a session" in html
