"""A cluster of 100,000 records still renders its page: summarised, the graph capped, the timeline paged."""

import time

import pytest
from django.db import connection
from django.utils import timezone

from jaring.network.models import Cluster, Identifier, LinkedRecord, Occurrence
from jaring.reports.models import Report

SIZE = 100_000
PAGE_BUDGET_SECONDS = 30  # a worker's request timeout; the page takes far less on an idle machine


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


def test_cluster_of_100000_records_renders_summarised_and_paged(huge_cluster, petugas_client):
    started = time.monotonic()
    response = petugas_client.get(f"/petugas/jaringan/{huge_cluster.pk}/")
    elapsed = time.monotonic() - started
    body = response.content.decode()
    assert response.status_code == 200
    assert "100000" in body and "bca:9990001112" in body
    assert "Halaman 1 dari 2000" in body  # 50 records a page
    assert body.count('href="/petugas/laporan/JB') == 50
    assert len(body) < 200_000  # the graph is capped, not 100,000 nodes
    assert elapsed < PAGE_BUDGET_SECONDS, f"{elapsed:.1f} s"
    last = petugas_client.get(f"/petugas/jaringan/{huge_cluster.pk}/?page=2000")
    assert last.status_code == 200 and "Halaman 2000 dari 2000" in last.content.decode()
    listing = petugas_client.get("/petugas/jaringan/")
    assert huge_cluster.code in listing.content.decode()
