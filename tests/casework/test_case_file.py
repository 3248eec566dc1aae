"""The referral's case file: a PDF with what the partner may see, on the letterhead, citing its audit event."""

import io
import re

import pytest
from pypdf import PdfReader

from jaring.accounts.models import Agency, User
from jaring.audit.models import AuditEvent
from jaring.casework.referral_thread import referral_message_post, referral_message_share
from jaring.casework.referrals import referral_create
from jaring.reports.models import Message
from jaring.reports.services import report_message_add
from tests.casework.conftest import client_for, walk_report

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())  # lines wrap anywhere; compare words


def _url(case, referral=None) -> str:
    referral = referral or case.referral
    return f"/petugas/laporan/{case.report.tracking_code}/rujukan/{referral.pk}/berkas.pdf"


def test_the_partner_downloads_what_the_referral_lets_them_see_and_nothing_else(office, mitra) -> None:
    office.address = "Jl. Contoh Alamat Uji No. 1, Batam"
    office.save()
    case = walk_report(office)
    t = case.texts
    police = Agency.objects.get(slug="polresta-barelang")
    other = referral_create(
        report=case.report,
        agency=police,
        note="Catatan khusus untuk kepolisian saja.",
        actor=case.report.assignee,
    )

    # The referral's own thread is the partner's to read, with the one reporter message an officer shared.
    officer = case.report.assignee
    referral_message_post(
        referral=case.referral, body="Apakah keberangkatan lewat Batam Centre?", actor=mitra
    )
    referral_message_post(referral=case.referral, body="Ya, jadwal kapal pukul 10.00.", actor=officer)
    answer = Message.objects.get(report=case.report, body=t["answer"])
    referral_message_share(referral=case.referral, message=answer, actor=officer)
    report_message_add(report=case.report, body="Pesan lain pelapor yang tidak dibagikan.")

    response = client_for(mitra).get(_url(case))

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert (
        "attachment;" in response["Content-Disposition"] and response["Cache-Control"] == "private, no-store"
    )
    text = pdf_text(response.content)
    # Letterhead: the office as an admin entered it.
    assert "KANTOR IMIGRASI KELAS I KHUSUS TPI BATAM" in text
    assert "Jl. Contoh Alamat Uji No. 1, Batam" in text and "0811-7002-019" in text
    # In scope: the report as submitted, this referral, its follow-ups.
    for allowed in (
        case.report.tracking_code,
        "Perekrut atau tawaran kerja mencurigakan",
        t["description"],
        "Kecamatan Batu Aji, Kota Batam, Kepulauan Riau",
        t["location_text"],
        t["party_phone"],
        t["party_company"],
        t["referral_note"],
        t["partner_update"],
        "BP3MI Kepulauan Riau",
        "Apakah keberangkatan lewat Batam Centre?",
        "Ya, jadwal kapal pukul 10.00.",
        f"Pesan pelapor (dibagikan petugas): {t['answer']}",
    ):
        assert allowed in text, allowed
    # Out of scope: identity, the thread, internal notes, status notes, other agencies' referrals.
    for hidden in (
        t["reporter_name"],
        t["reporter_contact"],
        t["question"],
        "Pesan lain pelapor yang tidak dibagikan",
        t["note"],
        t["verify_note"],
        "Catatan khusus untuk kepolisian",
        "21.71.12",
    ):
        assert hidden not in text, hidden
    assert text.count(t["answer"]) == 1  # only as shared into the referral's thread
    assert AuditEvent.objects.filter(action="referral.thread_viewed", actor=mitra).exists()
    event = AuditEvent.objects.get(action="referral.case_file")
    assert event.actor == mitra and event.object_id == str(case.report.pk)
    assert event.data == {"referral_id": case.referral.pk, "agency": "bp3mi-kepri"}
    assert f"Referensi audit: #{event.pk}." in text
    assert other.pk != case.referral.pk


def test_the_officer_downloads_each_referral_from_the_case_page(office, petugas) -> None:
    case = walk_report(office)
    page = client_for(petugas).get(f"/petugas/laporan/{case.report.tracking_code}/").content.decode()
    assert _url(case) in page and "Unduh berkas rujukan (PDF)" in page

    text = pdf_text(client_for(petugas).get(_url(case)).content)

    assert case.texts["referral_note"] in text and case.texts["note"] not in text
    made_by = re.search(r"oleh (.+?) melalui Jaring", text)
    assert made_by and made_by.group(1) == "Petugas Demo"
    assert AuditEvent.objects.filter(action="referral.case_file", actor=petugas).count() == 1


def test_nobody_outside_the_referral_gets_the_file_and_nothing_is_audited(office, other_office) -> None:
    case = walk_report(office)
    police = User.objects.create_user(
        username="mitra-polisi",
        password="x-pass-123456",
        role="mitra",
        agency=Agency.objects.get(slug="polresta-barelang"),
    )
    stranger = User.objects.create_user(
        username="petugas-tpi", password="x-pass-123456", role="petugas", office=other_office
    )
    for user in (police, stranger):
        assert client_for(user).get(_url(case)).status_code == 404
    assert not AuditEvent.objects.filter(action="referral.case_file").exists()
