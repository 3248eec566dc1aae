"""/petugas/tawaran/: weekly statistics for officers, and the confirmed identifiers they maintain."""

import json

import pytest

from jaring.audit.models import AuditEvent
from jaring.screening.models import ConfirmedIdentifier

SCAM = "Loker admin di Kamboja, gaji 15jt, visa turis, WA 0812-3456-7890"


def test_statistics_need_a_login(client, db):
    response = client.get("/petugas/tawaran/")
    assert response.status_code == 302 and response["Location"].startswith("/petugas/masuk/")


def test_partner_users_cannot_see_the_statistics(mitra_client):
    assert mitra_client.get("/petugas/tawaran/").status_code == 403


def test_officer_sees_weekly_counts_by_level_and_flag(petugas_client, client):
    for _ in range(3):
        client.post("/api/v1/screenings", data=json.dumps({"text": SCAM}), content_type="application/json")
    client.post(
        "/cek-tawaran/", {"text": "Lowongan operator pabrik Korea lewat G to G, tidak dipungut biaya."}
    )
    response = petugas_client.get("/petugas/tawaran/")
    assert response.status_code == 200
    week = response.context["weeks"][0]
    assert week["total"] == 4 and week["levels"]["tinggi"] == 3
    assert ("tourist_visa_for_work", "Bekerja dengan visa turis atau bebas visa", 3) in week["flags"]


def test_officer_confirms_a_number_and_the_checker_reports_it(petugas_client, client):
    response = petugas_client.post(
        "/petugas/tawaran/identitas/",
        {"kind": "phone", "raw_value": "0812 3456 7890", "reason": "Laporan JRG-7K3M-Q9TX terverifikasi"},
    )
    assert response.status_code == 302
    assert ConfirmedIdentifier.objects.get().value == "+6281234567890"
    assert AuditEvent.objects.filter(action="screening.identifier_confirm").exists()
    body = client.post(
        "/api/v1/screenings", data=json.dumps({"text": SCAM}), content_type="application/json"
    ).json()
    assert body["reported_identifiers"][0]["value"] == "+6281234567890"
    assert body["entities"]["phones"][0]["reported"] is True
    page = client.post("/cek-tawaran/", {"text": SCAM}).content.decode()
    assert "Nomor ini telah dilaporkan" in page


def test_invalid_identifier_is_refused_with_a_message(petugas_client):
    response = petugas_client.post(
        "/petugas/tawaran/identitas/", {"kind": "phone", "raw_value": "12", "reason": "x"}
    )
    assert response.status_code == 200 and not ConfirmedIdentifier.objects.exists()
    assert "bukan" in response.content.decode()


def test_only_supervisors_remove_confirmations(petugas_client, supervisor_client, petugas):
    petugas_client.post(
        "/petugas/tawaran/identitas/", {"kind": "phone", "raw_value": "0812 3456 7890", "reason": "r"}
    )
    item = ConfirmedIdentifier.objects.get()
    assert petugas_client.post(f"/petugas/tawaran/identitas/{item.pk}/hapus/").status_code == 403
    assert supervisor_client.post(f"/petugas/tawaran/identitas/{item.pk}/hapus/").status_code == 302
    assert not ConfirmedIdentifier.objects.exists()


@pytest.mark.django_db
def test_unconfirmed_numbers_are_never_reported(client):
    body = client.post(
        "/api/v1/screenings", data=json.dumps({"text": SCAM}), content_type="application/json"
    ).json()
    assert body["reported_identifiers"] == []
