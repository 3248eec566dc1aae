"""Linking tasks running at once (several `db_worker` processes on PostgreSQL) keep clusters and counters right."""

import threading

import pytest
from django.conf import settings
from django.db import connection

from jaring.network.models import Cluster, LinkedRecord
from jaring.network.services import report_link

from .conftest import make_report

pytestmark = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="SQLite runs one write transaction at a time by design; the race needs PostgreSQL",
)
THREADS, EACH = 6, 8


@pytest.mark.django_db(transaction=True)
def test_records_linked_at_once_end_in_one_cluster_with_every_record_counted(office):
    # Every record names the recruiter's number and one of its own: each link reads the root and adds to it.
    reports = [
        make_report(office, f"Rekrut lewat WA 0812-7777-0000, admin 0813-5555-{i:04d}.")
        for i in range(THREADS * EACH)
    ]
    start = threading.Barrier(THREADS)
    failures: list[BaseException] = []

    def link(mine: list) -> None:  # type: ignore[type-arg]
        try:
            start.wait()
            for report in mine:
                report_link(report_id=report.pk)
        except BaseException as exc:  # reported below: a thread's exception would otherwise be lost
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=link, args=(reports[n::THREADS],)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures
    records = LinkedRecord.objects.select_related("cluster")
    roots = {record.cluster.root_id or record.cluster_id for record in records}
    assert len(roots) == 1
    root = Cluster.objects.get(pk=roots.pop())
    assert root.root_id is None
    assert root.record_count == records.count() == THREADS * EACH
