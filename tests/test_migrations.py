from datetime import UTC, date, datetime
from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_every_model_change_has_a_migration() -> None:
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_response_and_closing_days_are_filled_from_the_history() -> None:
    """reports 0003 fills `responded_on`/`closed_on` of existing reports from their status history."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate([("reports", "0002_category_label_nonprosedural")])
    old = executor.loader.project_state([("reports", "0002_category_label_nonprosedural")]).apps
    office = old.get_model("accounts", "Office").objects.create(slug="m", name="M", time_zone="Asia/Jakarta")
    Report = old.get_model("reports", "Report")
    StatusChange = old.get_model("reports", "StatusChange")
    late_evening = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)  # 3 March in WIB
    report = Report.objects.create(
        office=office, tracking_code="MIG1", follow_up_key_hash="x", status="selesai", closed_at=late_evening
    )
    change = StatusChange.objects.create(report=report, from_status="baru", to_status="diverifikasi")
    StatusChange.objects.filter(pk=change.pk).update(created_at=late_evening)
    untouched = Report.objects.create(office=office, tracking_code="MIG2", follow_up_key_hash="x")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    from jaring.reports.models import Report as Current

    filled = Current.objects.get(pk=report.pk)
    assert (filled.responded_on, filled.closed_on) == (date(2026, 3, 3), date(2026, 3, 3))
    assert Current.objects.filter(pk=untouched.pk, responded_on=None, closed_on=None).exists()
