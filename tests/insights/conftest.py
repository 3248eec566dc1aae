"""A month of reports in two offices (Batam, Tanjung Pinang) with responses, closings and referrals."""

import itertools
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from jaring.accounts.models import Agency, Office, User
from jaring.casework.models import Referral
from jaring.checkpoints.models import Checkpoint, Screening
from jaring.reports.deadlines import deadlines_for
from jaring.reports.models import Report, StatusChange

WIB = ZoneInfo("Asia/Jakarta")
_codes = itertools.count(1)


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), WIB)


def make_report(office: Office, received: date, **fields) -> Report:
    """Stored as the intake stores it, then dated: created_at is auto_now_add."""
    hour = fields.pop("hour", 10)
    verify_due, follow_up_due = deadlines_for(office, received)
    values = {
        "office": office,
        "tracking_code": f"INS{next(_codes):05d}",
        "follow_up_key_hash": "argon2$test",
        "category": "perekrut",
        "description": "Ditawari kerja di Kamboja.",
        "verify_due": verify_due,
        "follow_up_due": follow_up_due,
        **fields,
    }
    report = Report.objects.create(**values)
    Report.objects.filter(pk=report.pk).update(created_at=at(received, hour))
    report.refresh_from_db()
    return report


def respond(report: Report, day: date, to: str = "diverifikasi") -> None:
    """As casework's report_transition records a first response, dated `day` (tested in tests/casework)."""
    change = StatusChange.objects.create(report=report, from_status="baru", to_status=to)
    StatusChange.objects.filter(pk=change.pk).update(created_at=at(day, 15))
    Report.objects.filter(pk=report.pk).update(status=to, responded_on=day)


def close(report: Report, day: date) -> None:
    Report.objects.filter(pk=report.pk).update(status="selesai", closed_at=at(day, 16), closed_on=day)


def refer(report: Report, agency: Agency, by: User, day: date, status: str = "dikirim") -> None:
    ref = Referral.objects.create(report=report, agency=agency, note="rujuk", status=status, created_by=by)
    Referral.objects.filter(pk=ref.pk).update(created_at=at(day, 11))


@pytest.fixture
def month_data(office, other_office, supervisor):
    """March 2026 in Batam (plus one report in February and one at Tanjung Pinang that must not count)."""
    bp3mi = Agency.objects.get(slug="bp3mi-kepri")
    polres = Agency.objects.get(slug="polresta-barelang")
    d = date(2026, 3, 2)  # a Monday
    reports = []
    specs = [
        ("tppo", "web", "21.71.08.1007"),
        ("tppo", "whatsapp", "21.71.01"),
        ("perekrut", "whatsapp", "21.71"),
        ("perekrut", "api", "33.02"),
        ("pmi_nonprosedural", "web", ""),
        ("layanan", "web", "21"),
        ("perekrut", "web", "21.71.05"),
    ]
    for i, (category, channel, region) in enumerate(specs):
        reports.append(
            make_report(
                office, d + timedelta(days=3 * i), category=category, channel=channel, region_code=region
            )
        )
    respond(reports[0], d + timedelta(days=1))  # on time
    respond(reports[1], d + timedelta(days=3 + 10))  # late
    respond(reports[2], d + timedelta(days=6), to="dirujuk")  # on time
    close(reports[0], d + timedelta(days=3))  # on time
    close(reports[2], d + timedelta(days=30))  # late
    refer(reports[2], bp3mi, supervisor, d + timedelta(days=7), status="ditindaklanjuti")
    refer(reports[2], polres, supervisor, d + timedelta(days=7))
    refer(reports[1], bp3mi, supervisor, d + timedelta(days=20))
    make_report(office, date(2026, 2, 27), category="tppo")  # outside the month
    make_report(other_office, d, category="tppo", region_code="21.72")  # another office
    screen_departures(office, other_office, supervisor)
    return reports


def screening(
    checkpoint: Checkpoint, officer: User, day: date, outcome: str, reasons=(), origin=""
) -> Screening:
    return Screening.objects.create(
        checkpoint=checkpoint,
        officer=officer,
        screened_at=at(day, 9),
        destination="MY",
        purpose="wisata",
        ticket="sekali_jalan",
        paid_by="sponsor",
        outcome=outcome,
        reasons=list(reasons),
        origin_region_code=origin,
    )


def screen_departures(office: Office, other_office: Office, officer: User) -> None:
    """March 2026: 4 postponements at two Batam TPI, one departure allowed, one postponement elsewhere."""
    center = Checkpoint.objects.create(
        office=office, slug="batam-center", name="Batam Center", kind="seaport", region_code="21.71.05"
    )
    harbour = Checkpoint.objects.create(
        office=office, slug="harbour-bay", name="Harbour Bay", kind="seaport", region_code="21.71.03"
    )
    tpi = Checkpoint.objects.create(
        office=other_office, slug="sri-bintan", name="Sri Bintan Pura", kind="seaport", region_code="21.72"
    )
    d = date(2026, 3, 4)
    screening(center, officer, d, "ditunda", ["tujuan_tidak_jelas", "tiket_sekali_jalan"], "33.02.01")
    screening(center, officer, d, "ditunda", ["tiket_sekali_jalan"], "33.02")
    screening(center, officer, d, "diizinkan")
    screening(harbour, officer, d + timedelta(days=5), "ditunda", ["perekrut_tidak_berizin"], "")
    screening(harbour, officer, d + timedelta(days=6), "ditunda", ["tujuan_bukan_negara_penempatan"], "52.03")
    screening(harbour, officer, date(2026, 4, 1), "ditunda", ["tujuan_tidak_jelas"], "52.03")  # April
    screening(tpi, officer, d, "ditunda", ["tujuan_tidak_jelas"], "21.72")


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def kanwil_user(office) -> User:
    return User.objects.create_user(
        username="kanwil-kepri", password="x-test-9", role="kanwil", province_code="21"
    )
