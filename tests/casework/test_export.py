import csv
import io

import pytest
from openpyxl import load_workbook

from jaring.audit.models import AuditEvent
from tests.casework.conftest import client_for, make_report

pytestmark = pytest.mark.django_db


def test_csv_export_has_no_identity_or_free_text_and_is_audited(office, supervisor, report) -> None:
    response = client_for(supervisor).get("/petugas/laporan/ekspor.csv?status=semua")
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][0] == "tracking_code" and rows[1][0] == report.tracking_code
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
    assert len(rows) == 2 and rows[1][3] == "tppo"


def test_officers_and_mitra_cannot_export(petugas, mitra) -> None:
    assert client_for(petugas).get("/petugas/laporan/ekspor.csv").status_code == 403
    assert client_for(mitra).get("/petugas/laporan/ekspor.csv").status_code == 403
    assert not AuditEvent.objects.filter(action="report.exported").exists()
