"""The licensed-P3MI registry: import from CSV/XLSX, and what the checker concludes from it."""

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from jaring.audit.models import AuditEvent
from jaring.screening import demo
from jaring.screening.engine import LicensedCompany, StaticLookups, screen
from jaring.screening.models import P3mi
from jaring.screening.services import screening_check

from .conftest import SAMPLE_CSV


def flag_codes(result: dict) -> list[str]:
    return [flag["code"] for flag in result["flags"]]


@pytest.mark.django_db
def test_import_csv_creates_sample_rows_marked_as_sample(capsys):
    call_command("import_p3mi", str(SAMPLE_CSV))
    assert P3mi.objects.count() == 5
    assert P3mi.objects.filter(is_sample=True).count() == 5
    assert not P3mi.objects.get(licence_number="SAMPLE-SIP3MI-0005").is_active  # "Dicabut"
    assert "SAMPLE rows" in capsys.readouterr().out
    assert AuditEvent.objects.filter(action="screening.p3mi_import").exists()


@pytest.mark.django_db
def test_import_is_idempotent_and_updates_by_licence_number():
    call_command("import_p3mi", str(SAMPLE_CSV))
    call_command("import_p3mi", str(SAMPLE_CSV))
    assert P3mi.objects.count() == 5


@pytest.mark.django_db
def test_import_xlsx_with_other_headers_and_replace(tmp_path):
    call_command("import_p3mi", str(SAMPLE_CSV))
    book = Workbook()
    sheet = book.active
    sheet.append(["No", "Nama Perusahaan", "No. Izin", "Telp", "Status Izin"])
    sheet.append([1, "PT Contoh Sarana Migran", "SAMPLE-SIP3MI-0001", "(0778) 123456", "Aktif"])
    sheet.append([2, "PT Sampel Baru Sejahtera", "SAMPLE-SIP3MI-0099", "", "Aktif"])
    path = tmp_path / "p3mi.xlsx"
    book.save(path)
    call_command("import_p3mi", str(path), "--replace")
    assert P3mi.objects.get(licence_number="SAMPLE-SIP3MI-0001").phone_list == ("+62778123456",)
    assert P3mi.objects.filter(is_active=True).count() == 2


@pytest.mark.django_db
def test_import_rejects_a_file_without_the_needed_columns(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("kolom,lain\n1,2\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing columns"):
        call_command("import_p3mi", str(path))


@pytest.mark.django_db
def test_import_rejects_junk(tmp_path):
    path = tmp_path / "junk.xlsx"
    path.write_bytes(b"\x00\x01not a workbook")
    with pytest.raises(CommandError):
        call_command("import_p3mi", str(path))


@pytest.mark.django_db
def test_demo_seed_loads_the_sample_registry_idempotently(office):
    demo.seed(office)
    demo.seed(office)
    assert P3mi.objects.filter(is_sample=True).count() == 5


@pytest.mark.django_db
def test_company_missing_from_registry_is_flagged_and_listed_one_is_a_signal(office):
    demo.seed(office)
    unknown = screening_check(
        text="PT Maju Sejahtera Abadi membuka lowongan operator pabrik di Taiwan. Hubungi (0778) 765432.",
        language="id",
        channel="web",
        record=False,
    )
    assert "unlicensed_recruiter" in flag_codes(unknown)
    assert unknown["entities"]["companies"][0]["licensed"] is False
    listed = screening_check(
        text="PT Contoh Sarana Migran membuka lowongan operator pabrik di Taiwan. Hubungi (0778) 765432.",
        language="id",
        channel="web",
        record=False,
    )
    assert "unlicensed_recruiter" not in flag_codes(listed)
    assert "licensed_p3mi" in [s["code"] for s in listed["positive_signals"]]
    assert listed["entities"]["companies"][0]["licence_number"] == "SAMPLE-SIP3MI-0001"


@pytest.mark.django_db
def test_revoked_licence_does_not_count_as_licensed(office):
    demo.seed(office)
    result = screening_check(
        text="PT Sampel Duta Pekerja Bahari membuka lowongan ABK kapal ikan di Taiwan. Hubungi kantor.",
        language="id",
        channel="web",
        record=False,
    )
    assert result["entities"]["companies"][0]["licensed"] is False


def test_name_matching_tolerates_typos_and_legal_forms():
    lookups = StaticLookups([LicensedCompany("PT Contoh Sarana Migran", "SAMPLE-1")])
    assert lookups.licensed("P.T. CONTOH SARANA MIGRAN") is not None
    assert lookups.licensed("contoh sarana migrant") is not None
    assert lookups.licensed("Contoh Sarana Jaya") is None


def test_licensed_name_with_personal_account_or_mobile_is_flagged():
    lookups = StaticLookups(
        [LicensedCompany("PT Contoh Sarana Migran", "SAMPLE-1", phones=("+62778123456",))]
    )
    text = (
        "PT Contoh Sarana Migran membuka lowongan pabrik di Taiwan. Biaya proses kirim ke BCA 1234567890 "
        "a.n. Rudi Hartono, info WA 0812-5555-6666."
    )
    result = screen(text, lookups=lookups)
    assert "impersonation" in flag_codes(result)
    assert "personal_payment_account" in flag_codes(result)
    official = screen(
        "PT Contoh Sarana Migran membuka lowongan pabrik di Taiwan, telp (0778) 123456.", lookups=lookups
    )
    assert "impersonation" not in flag_codes(official)


def test_without_a_registry_companies_are_not_judged():
    result = screen(
        "PT Maju Sejahtera Abadi membuka lowongan operator pabrik di Taiwan. Hubungi (0778) 765432."
    )
    assert result["entities"]["companies"][0]["licensed"] is None
    assert "unlicensed_recruiter" not in flag_codes(result)
