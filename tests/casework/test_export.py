import csv
import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from jaring.audit.models import AuditEvent
from jaring.reports.models import Report
from tests.casework.conftest import client_for, make_report

pytestmark = pytest.mark.django_db


def test_csv_export_has_no_identity_or_free_text_and_is_audited(office, supervisor, report) -> None:
    response = client_for(supervisor).get("/petugas/laporan/ekspor.csv?status=semua")
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][0] == "Kode laporan" and rows[1][0] == report.tracking_code
    for secret in ("Siti", "0812", "Kamboja", "reporter"):
        assert secret not in body
    event = AuditEvent.objects.get(action="report.exported")
    assert event.actor == supervisor and event.data["format"] == "csv"


def test_xlsx_export_follows_the_filters(office, supervisor) -> None:
    make_report(office, category="tppo")
    make_report(office, category="aspirasi")
    response = client_for(supervisor).get("/petugas/laporan/ekspor.xlsx?category=tppo")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[0][4:6] == ("Kategori", "Kode kategori")
    assert rows[1][4:6] == ("Dugaan perdagangan orang (TPPO)", "tppo")


def test_officers_and_mitra_cannot_export(petugas, mitra) -> None:
    assert client_for(petugas).get("/petugas/laporan/ekspor.csv").status_code == 403
    assert client_for(mitra).get("/petugas/laporan/ekspor.csv").status_code == 403
    assert not AuditEvent.objects.filter(action="report.exported").exists()


def _csv(
    user, query: str = "status=semua", path: str = "/petugas/laporan/ekspor.csv"
) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    response = client_for(user).get(f"{path}?{query}")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_export_reads_in_indonesian_with_local_time_and_codes_apart(office, supervisor) -> None:
    late = make_report(office, category="tppo", region_code="21.71.08.1007")
    Report.objects.filter(pk=late.pk).update(created_at=datetime(2026, 1, 1, 20, 0, tzinfo=UTC))
    [row] = _csv(supervisor)
    assert row["Kode laporan"] == late.tracking_code
    # 20:00 UTC on New Year's Day is 03:00 the next morning in Batam, as the inbox shows it.
    assert row["Masuk (WIB)"] == "2026-01-02 03:00"
    assert (row["Kategori"], row["Kode kategori"]) == ("Dugaan perdagangan orang (TPPO)", "tppo")
    assert (row["Status"], row["Kode status"]) == ("Baru", "baru")
    assert (row["Kanal"], row["Kode kanal"]) == ("Situs web", "web")
    assert (row["Prioritas"], row["Kode prioritas"]) == ("Normal", "normal")
    assert row["Wilayah"].startswith("Kelurahan Pulau Abang") and row["Kode wilayah"] == "21.71.08.1007"


def test_english_export_has_english_headings_and_labels(office, supervisor) -> None:
    make_report(office, category="tppo")
    [row] = _csv(supervisor, path="/en/petugas/laporan/ekspor.csv")
    assert row["Category"] == "Suspected human trafficking (TPPO)" and row["Category code"] == "tppo"
    assert row["Status"] == "New" and "Received (WIB)" in row
