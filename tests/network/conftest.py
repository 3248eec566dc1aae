import pytest
from django.db import connection
from django.utils import timezone

from jaring.network.models import Cluster, Identifier, LinkedRecord, Occurrence
from jaring.network.services import report_link
from jaring.reports.models import Report
from jaring.reports.services import report_submit

SIZE = 100_000  # records of the huge cluster


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Linking runs as a task after commit; here it runs at once when the captured callbacks execute."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def make_report(office, description, parties=(), category="perekrut", status="baru"):  # type: ignore[no-untyped-def]
    """A report stored through the front door (report_submit: parties, status row, audit row, linking job),
    then given the status the test starts from."""
    report, _key = report_submit(
        office=office,
        category=category,
        description=description,
        identity_mode="anonim",
        parties=[{"kind": kind, "value": value} for kind, value in parties],
    )
    if status != report.status:
        Report.objects.filter(pk=report.pk).update(status=status)
        report.status = status
    return report


@pytest.fixture
def submit():
    """A report is stored and linked, as the task queued by report_submit does after the commit."""

    def _submit(office, description, parties=(), category="perekrut", status="baru"):  # type: ignore[no-untyped-def]
        report = make_report(office, description, parties, category, status)
        report_link(report_id=report.pk)
        return report

    return _submit


@pytest.fixture
def huge_cluster(office):  # type: ignore[no-untyped-def]
    """Rows written in bulk, as the linker leaves them: one shared account connects every record."""
    now = timezone.now()
    cluster = Cluster.objects.create(office=office, record_count=SIZE, serious_count=SIZE, risk=3 * SIZE,
                                     first_seen=now, last_seen=now)  # fmt: skip
    account = Identifier.objects.create(
        kind="account", normalized="bca:9990001112", cluster=cluster, record_count=SIZE
    )
    template = Report.objects.create(office=office, tracking_code="JB", follow_up_key_hash="-", category="tppo",
                                     description="x")  # fmt: skip
    # Set-based SQL copies of one template row (ORM objects for 300,000 rows would take minutes here).
    columns = [f.column for f in Report._meta.concrete_fields if f.column not in ("id", "tracking_code")]
    table, cols = Report._meta.db_table, ", ".join(columns)
    records, occurrences = LinkedRecord._meta.db_table, Occurrence._meta.db_table
    copy_reports = f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %s) INSERT INTO {table} (tracking_code, {cols}) SELECT 'JB' || i, {cols} FROM n, {table} WHERE id = %s"  # noqa: S608 - names from the model, values are parameters
    link_records = f"INSERT INTO {records} (record_type, record_id, report_id, office_id, cluster_id, category, label, seen_at) SELECT 'report', id, id, office_id, %s, 'tppo', tracking_code, %s FROM {table} WHERE tracking_code LIKE 'JB%%'"  # noqa: S608
    add_occurrences = f"INSERT INTO {occurrences} (identifier_id, record_id, source, start, \"end\", raw) SELECT %s, id, 'text', 0, 14, 'BCA 9990001112' FROM {records} WHERE cluster_id = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(copy_reports, [SIZE - 1, template.pk])
        cursor.execute(link_records, [cluster.pk, now])
        cursor.execute(add_occurrences, [account.pk, cluster.pk])
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
    assert LinkedRecord.objects.filter(cluster=cluster).count() == SIZE
    return cluster
