"""`jaring periodic`: each job once per period, however many schedulers run (claims in the shared cache)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from jaring.management.commands.periodic import run_due

pytestmark = pytest.mark.django_db
JAKARTA = ZoneInfo("Asia/Jakarta")


def test_the_minute_job_runs_once_a_minute(office):
    six = datetime(2026, 3, 2, 6, 0, 10, tzinfo=JAKARTA)
    # before 07:00: no digest, before 08:00 no monthly report; the retention (02:00) and cache jobs are due
    assert run_due(six) == ["whatsapp_retry", "checkpoints_retention", "insights_warm"]
    assert run_due(six + timedelta(seconds=30)) == []  # a second scheduler in the same minute
    assert run_due(six + timedelta(minutes=1)) == ["whatsapp_retry"]


def test_the_digest_runs_once_a_day_from_seven(office, petugas):
    petugas.email = "petugas@example.go.id"
    petugas.save()
    seven = datetime(2026, 3, 2, 7, 0, 5, tzinfo=JAKARTA)
    assert "send_digest" in run_due(seven)
    assert "send_digest" not in run_due(seven + timedelta(hours=3))
    assert "send_digest" in run_due(seven + timedelta(days=1))


def test_the_cache_warmer_runs_every_four_minutes_and_the_monthly_report_daily_from_eight(office):
    eight = datetime(2026, 3, 2, 8, 0, 5, tzinfo=JAKARTA)
    assert {"insights_warm", "insights_send_monthly"} <= set(run_due(eight))
    assert run_due(eight + timedelta(minutes=2)) == ["whatsapp_retry"]
    assert "insights_warm" in run_due(eight + timedelta(minutes=4))
    assert "insights_send_monthly" not in run_due(eight + timedelta(hours=2))
