"""The same submission arriving several times at once (a double click, a retried POST on a slow line, several
web processes) stores one report and no stray file: the race between the duplicate lookup and the insert."""

import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from jaring.reports.models import Attachment, Report
from jaring.reports.services import DuplicateSubmission, report_submit

from .conftest import jpeg_with_gps, upload, valid_fields

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="SQLite's test database runs one write transaction at a time; the race needs PostgreSQL",
)
COPIES = 6


@pytest.mark.django_db(transaction=True)
def test_one_submission_sent_six_times_at_once_is_one_report_with_one_file(office):
    start = threading.Barrier(COPIES)
    outcomes: list[str] = []
    failures: list[BaseException] = []

    def send() -> None:
        try:
            start.wait()
            report, _key = report_submit(
                office=office,
                files=[upload("bukti.jpg", jpeg_with_gps())],
                submission_token="double-click-token",
                **valid_fields(),
            )
            outcomes.append(report.tracking_code)
        except DuplicateSubmission as duplicate:
            outcomes.append(duplicate.report.tracking_code)
        except BaseException as exc:  # reported below: a thread's exception would otherwise be lost
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(COPIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures
    report = Report.objects.get()
    assert outcomes == [report.tracking_code] * COPIES
    assert Attachment.objects.count() == 1
    stored = [path for path in (settings.MEDIA_ROOT).rglob("*") if path.is_file()]
    assert [path.name for path in stored] == [Path(Attachment.objects.get().storage_name).name]
