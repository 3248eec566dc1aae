"""Reports stored through the front door (reports.services.report_submit: parties, status row, audit row,
linking job), then put into the state a test starts from."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from jaring.accounts.models import Agency, User
from jaring.casework.models import Referral, ReferralUpdate
from jaring.casework.referrals import referral_create, referral_update
from jaring.casework.services import note_add, reply_send, report_assign, report_transition
from jaring.reports.deadlines import deadlines_for
from jaring.reports.models import Message, Report, StatusChange
from jaring.reports.services import report_message_add, report_submit

INTAKE = ("identity_mode", "reporter_name", "reporter_contact", "share_identity_with_partners", "parties")


def make_report(office, **fields) -> Report:
    """A report as Lapor stores it. `received` fixes the day its deadlines count from; `status`, `assignee` and
    other columns are then set as if the workflow had already run (the workflow itself is tested on its own)."""
    received = fields.pop("received", date(2025, 8, 14))
    intake = {name: fields.pop(name) for name in INTAKE if name in fields}
    intake.setdefault("identity_mode", "anonim")
    report, _key = report_submit(
        office=office,
        category=fields.pop("category", "perekrut"),
        description=fields.pop(
            "description", "Saya ditawari bekerja di Kamboja sebagai admin dengan gaji 20 juta."
        ),
        **intake,
    )
    verify_due, follow_up_due = deadlines_for(office, received)
    Report.objects.filter(pk=report.pk).update(verify_due=verify_due, follow_up_due=follow_up_due, **fields)
    report.refresh_from_db()
    return report


@pytest.fixture
def report(office) -> Report:
    return make_report(
        office,
        identity_mode="rahasia",
        reporter_name="Siti Rahayu",
        reporter_contact="0812-0000-1111",
    )


@pytest.fixture
def other_report(other_office) -> Report:
    return make_report(other_office, description="Laporan kantor lain tentang paspor palsu.")


@pytest.fixture
def petugas2(office) -> User:
    return User.objects.create_user(
        username="petugas2", password="x-test-password-9", role="petugas", office=office
    )


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@dataclass
class WalkedCase:
    """A report taken the whole way: intake, verification, questions and answers, a note, a referral."""

    report: Report
    key: str
    referral: Referral
    texts: dict[str, str]


# Demo-like, invented words (as jaring demo's): what each party wrote, to look for on pages and in the PDF.
WALK_TEXTS = {
    "description": "Adik saya ditawari kerja admin di Kamboja gaji 20 juta. Paspornya dipegang agen.",
    "location_text": "Ruko dekat Pasar Aviari",
    "party_phone": "0812-3456-7890",
    "party_company": "PT Samudra Biru Demo",
    "reporter_name": "Rahmat Hidayat",
    "reporter_contact": "0812-5555-0000",
    "verify_note": "Laporan Anda sedang kami periksa.",
    "question": "Terima kasih. Kapan keberangkatannya dan dari pelabuhan mana?",
    "answer": "Keberangkatan hari Sabtu pukul 10.00 dari Pelabuhan Batam Centre.",
    "note": "Nomor perekrut juga muncul di laporan lain bulan lalu; cek jaringan.",
    "referral_note": "Dugaan penempatan PMI non-prosedural ke Kamboja; berangkat Sabtu 10.00 WIB.",
    "partner_update": "Diterima; tim BP3MI menghubungi pelabuhan.",
}
WALK_START = datetime(2026, 11, 30, 8, 15, tzinfo=ZoneInfo("Asia/Jakarta"))


def walk_report(office, *, fixed: bool = False) -> WalkedCase:
    """Runs every step through the services a person would trigger. `fixed` then gives the report a fixed code
    and the steps fixed times, 7 minutes apart in the order they happened (for screenshots in docs/)."""
    t = WALK_TEXTS
    petugas = User.objects.get(username="petugas")
    mitra = User.objects.get(username="mitra-bp3mi")
    report, key = report_submit(
        office=office,
        category="perekrut",
        description=t["description"],
        identity_mode="rahasia",
        reporter_name=t["reporter_name"],
        reporter_contact=t["reporter_contact"],
        region_code="21.71.12",
        location_text=t["location_text"],
        parties=[
            {"kind": "phone", "value": t["party_phone"]},
            {"kind": "company", "value": t["party_company"]},
        ],
    )
    report_transition(report=report, actor=petugas, to="diverifikasi", public_note=t["verify_note"])
    report_assign(report=report, assignee=petugas, actor=petugas)
    reply_send(report=report, body=t["question"], actor=petugas)
    report_message_add(report=report, body=t["answer"])
    note_add(report=report, body=t["note"], actor=petugas)
    referral = referral_create(
        report=report, agency=Agency.objects.get(slug="bp3mi-kepri"), note=t["referral_note"], actor=petugas
    )
    referral_update(referral=referral, status="diterima", note=t["partner_update"], actor=mitra)
    if fixed:
        _fix_times(report)
        Report.objects.filter(pk=report.pk).update(tracking_code="JRG-DEMO-CASE")
    report.refresh_from_db()
    referral.refresh_from_db()
    return WalkedCase(report=report, key=key, referral=referral, texts=dict(t))


def _fix_times(report: Report) -> None:
    rows = [
        *((StatusChange, r.pk, r.created_at) for r in StatusChange.objects.filter(report=report)),
        *((Message, r.pk, r.created_at) for r in Message.objects.filter(report=report)),
        *((Referral, r.pk, r.created_at) for r in Referral.objects.filter(report=report)),
        *(
            (ReferralUpdate, r.pk, r.created_at)
            for r in ReferralUpdate.objects.filter(referral__report=report)
        ),
    ]
    rows.sort(key=lambda row: row[2])
    for step, (model, pk, _at) in enumerate(rows):
        model.objects.filter(pk=pk).update(created_at=WALK_START + timedelta(minutes=7 * step))
    verify_due, follow_up_due = deadlines_for(report.office, WALK_START.date())
    Report.objects.filter(pk=report.pk).update(
        created_at=WALK_START, verify_due=verify_due, follow_up_due=follow_up_due
    )
