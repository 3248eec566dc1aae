"""Officers confirm identifiers ("terverifikasi"); the job-offer checker then says the number was reported."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from jaring.audit.models import AuditEvent
from jaring.network import services
from jaring.network.models import Identifier, IdentifierConfirmation
from jaring.screening.models import ConfirmedIdentifier

OFFER = "Lowongan kerja admin di Kamboja gaji 20 juta, tanpa pengalaman. Hubungi WA 0812-3456-7890 sekarang."


def screen(client, text: str) -> dict:  # type: ignore[no-untyped-def]
    response = client.post("/api/v1/screenings", {"text": text}, content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def test_unconfirmed_tip_does_not_make_the_checker_say_reported(office, submit, client):
    submit(office, "Perekrut WA 0812-3456-7890 menipu saya")
    assert screen(client, OFFER)["reported_identifiers"] == []


def test_confirmed_phone_feeds_the_checker(office, submit, petugas, client):
    report = submit(office, "Perekrut WA 0812-3456-7890 menipu saya", status="diverifikasi")
    phone = Identifier.objects.get(kind="phone", normalized="+6281234567890")
    services.identifier_confirm(
        identifier=phone, reason="Dipakai perekrut ke Kamboja", report=report, actor=petugas
    )
    confirmed = ConfirmedIdentifier.objects.get(kind="phone", value="+6281234567890")
    assert report.tracking_code in confirmed.reason
    reported = screen(client, OFFER.replace("0812-3456-7890", "+62 812 3456 7890"))["reported_identifiers"]
    assert [(r["kind"], r["value"]) for r in reported] == [("phone", "+6281234567890")]
    assert AuditEvent.objects.filter(action="network.identifier_confirmed", actor=petugas).count() == 1


def test_confirmed_account_and_handle_feed_the_checker(office, submit, petugas, client):
    report = submit(office, "Transfer ke BCA 123-456-7890, akun IG @loker.kamboja", status="diverifikasi")
    for kind in ("account", "handle"):
        identifier = Identifier.objects.get(kind=kind)
        services.identifier_confirm(identifier=identifier, reason="Terbukti", report=report, actor=petugas)
    assert set(ConfirmedIdentifier.objects.values_list("kind", "value")) == {
        ("account", "bca:1234567890"), ("handle", "instagram:loker.kamboja")}  # fmt: skip
    reported = screen(client, "Kerja di Kamboja gaji 20 juta, DP ke BCA 1234567890, cek IG @loker.kamboja")
    assert {r["kind"] for r in reported["reported_identifiers"]} == {"account", "handle"}


def test_confirmation_needs_a_reason_and_a_report_of_the_office(office, other_office, submit, petugas):
    report = submit(office, "WA 0812-3456-7890")
    phone = Identifier.objects.get(kind="phone")
    with pytest.raises(ValidationError) as failure:
        services.identifier_confirm(identifier=phone, reason="  ", report=None, actor=petugas)
    assert set(failure.value.message_dict) == {"reason", "report"}
    foreign = submit(other_office, "WA 0812-3456-7890")
    with pytest.raises(ValidationError):
        services.identifier_confirm(identifier=phone, reason="bukti", report=foreign, actor=petugas)
    assert not IdentifierConfirmation.objects.exists() and not ConfirmedIdentifier.objects.exists()
    services.identifier_confirm(identifier=phone, reason="bukti", report=report, actor=petugas)


def test_mitra_cannot_confirm(office, submit, mitra):
    report = submit(office, "WA 0812-3456-7890")
    with pytest.raises(PermissionDenied):
        services.identifier_confirm(
            identifier=Identifier.objects.get(), reason="x", report=report, actor=mitra
        )


def test_confirming_on_the_identifier_page_keeps_input_on_error(office, submit, petugas_client):
    report = submit(office, "WA 0812-3456-7890")
    phone = Identifier.objects.get(kind="phone")
    url = f"/petugas/jaringan/identitas/{phone.pk}/"
    response = petugas_client.post(url, {"reason": "Dipakai perekrut", "report": "TIDAKADA"})
    assert response.status_code == 422
    assert "Dipakai perekrut" in response.content.decode() and "TIDAKADA" in response.content.decode()
    response = petugas_client.post(
        url, {"reason": "Dipakai perekrut", "report": report.tracking_code.lower()}
    )
    assert response.status_code == 302
    assert ConfirmedIdentifier.objects.filter(value="+6281234567890").exists()
    assert "terverifikasi" in petugas_client.get(url).content.decode()
