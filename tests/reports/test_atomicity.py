"""A submission is one transaction: a failure at any point leaves no report, party, attachment or file."""

import json

import pytest
from django.db import connection

from jaring.audit.models import AuditEvent
from jaring.reports.models import Attachment, Party, Report, StatusChange

from .conftest import ELF_HEADER, jpeg_with_gps, upload


def nothing_stored(settings) -> bool:
    media = settings.MEDIA_ROOT / "attachments"
    files = list(media.iterdir()) if media.exists() else []
    return (
        not files
        and not Report.objects.exists()
        and not Party.objects.exists()
        and not Attachment.objects.exists()
        and not StatusChange.objects.exists()
        and not AuditEvent.objects.filter(action="report.submitted").exists()
    )


@pytest.fixture
def failing_status_insert():
    """A real database error at the last insert of a submission (after files, report and parties are written)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE TRIGGER injected_failure BEFORE INSERT ON reports_statuschange "
                "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
            )
        else:
            cursor.execute(
                "ALTER TABLE reports_statuschange ADD CONSTRAINT injected_failure CHECK (to_status <> 'baru')"
            )
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER injected_failure")
        else:
            cursor.execute("ALTER TABLE reports_statuschange DROP CONSTRAINT injected_failure")


def test_invalid_second_file_stores_nothing(client, office, settings):
    response = client.post(
        "/api/v1/reports",
        {
            "category": "tppo",
            "description": "Dua foto bukti penampungan.",
            "identity_mode": "anonim",
            "parties": json.dumps([{"kind": "phone", "value": "0812-3456-7890"}]),
            "files": [upload("satu.jpg", jpeg_with_gps()), upload("dua.jpg", ELF_HEADER)],
        },
    )
    assert response.status_code == 422
    assert nothing_stored(settings)


def test_database_error_mid_submission_leaves_nothing_behind_on_the_api(
    client, office, settings, failing_status_insert
):
    with pytest.raises(Exception, match="injected"):
        client.post(
            "/api/v1/reports",
            {
                "category": "perekrut",
                "description": "Perekrut lewat TikTok, foto terlampir.",
                "identity_mode": "anonim",
                "parties": json.dumps([{"kind": "handle", "value": "@rekrut.demo"}]),
                "files": [upload("a.jpg", jpeg_with_gps()), upload("b.jpg", jpeg_with_gps())],
            },
        )
    assert nothing_stored(settings)


def test_database_error_on_the_web_keeps_the_text_and_says_nothing_was_saved(
    client, office, settings, failing_status_insert
):
    page = client.get("/lapor/").content.decode()
    token = page.split('name="submission_token" value="')[1].split('"')[0]
    response = client.post(
        "/lapor/",
        {
            "submission_token": token,
            "category": "pmi_nonprosedural",
            "description": "Rombongan berangkat malam ini lewat pelabuhan tikus.",
            "identity_mode": "anonim",
            "party_kind": ["vessel"],
            "party_value": ["KM Contoh"],
            "files": [upload("a.jpg", jpeg_with_gps())],
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Laporan belum tersimpan" in html
    assert "Rombongan berangkat malam ini lewat pelabuhan tikus." in html and 'value="KM Contoh"' in html
    assert nothing_stored(settings)
