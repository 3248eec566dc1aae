"""An identifier that becomes too common undoes the links it made: the app ends with the batch engine's clusters."""

import random

import pytest
from django.db import connection
from django.db.models.functions import Coalesce
from django.test.utils import CaptureQueriesContext

from jaring.audit.models import AuditEvent
from jaring.network import engine, services
from jaring.network.models import Cluster, Identifier, LinkedRecord, LinkProposal, Occurrence
from jaring.reports.services import report_message_add

PORTAL = "Lowongan dari portal 0812-5555-0000."  # a job portal's number, in every report below
LIMIT = 5
BULK_QUERY_LIMIT = 500  # moving 50,000 records one by one would take 50,000+ statements


@pytest.fixture(autouse=True)
def _small_limit(settings):
    settings.NETWORK_MIN_STOP_RECORDS = LIMIT


def cluster_of(report) -> Cluster:  # type: ignore[no-untyped-def]
    record = LinkedRecord.objects.get(record_type="report", record_id=str(report.pk))
    return services.root_of(record.cluster_id)


def app_clusters() -> set[frozenset[int]]:
    roots: dict[int, set[int]] = {}
    rows = LinkedRecord.objects.filter(record_type="report").annotate(
        root=Coalesce("cluster__root_id", "cluster_id")
    )
    for root, record_id in rows.values_list("root", "record_id"):
        roots.setdefault(root, set()).add(int(record_id))
    return {frozenset(ids) for ids in roots.values()}


def batch_clusters(reports) -> set[frozenset[int]]:  # type: ignore[no-untyped-def]
    linker = engine.Linker(engine.Stoplist.default(min_records=LIMIT))
    for report in reports:
        parties = [{"kind": p.kind, "value": p.value} for p in report.parties.all()]
        linker.add(report.pk, report.description, parties)
    return {frozenset(cluster.ids) for cluster in linker.clusters()}


def test_too_common_phone_splits_its_cluster_as_the_batch_engine_would(office, submit):
    r0 = submit(office, f"{PORTAL} IG @loker.satu")
    r1 = submit(office, f"{PORTAL} IG @loker.satu")
    r2 = submit(office, f"{PORTAL} IG @loker.satu, email rekrut.asia@gmail.com")
    r3 = submit(office, f"{PORTAL} Transfer BCA 111-222-3333", category="tppo")
    r4 = submit(office, PORTAL, category="pertanyaan")
    glued = cluster_of(r0)
    assert glued == cluster_of(r4) and glued.record_count == 5  # the portal still links: 5 is the limit
    r5 = submit(office, f"{PORTAL} BCA 1112223333", category="pertanyaan")  # the sixth: too common
    r6 = submit(office, f"{PORTAL} rekrut.asia@gmail.com")
    r7 = submit(office, PORTAL)
    reports = [r0, r1, r2, r3, r4, r5, r6, r7]
    assert Identifier.objects.get(normalized="+6281255550000").stopped
    assert app_clusters() == batch_clusters(reports) == {
        frozenset({r0.pk, r1.pk, r2.pk, r6.pk}), frozenset({r3.pk, r5.pk}), frozenset({r4.pk}), frozenset({r7.pk})
    }  # fmt: skip
    biggest = cluster_of(r0)
    assert biggest.pk == glued.pk  # the officers' bookmarked J-code stays on the biggest part
    for part, members in ((biggest, [r0, r1, r2, r6]), (cluster_of(r3), [r3, r5]), (cluster_of(r4), [r4])):
        expected = (
            len(members),
            sum(r.category in services.SERIOUS for r in members),
            min(r.created_at for r in members),
            max(r.created_at for r in members),
            0,
        )
        assert (
            part.record_count,
            part.serious_count,
            part.first_seen,
            part.last_seen,
            part.confirmed_count,
        ) == (expected)
        assert part.root_id is None and part.risk == len(members) + 2 * expected[1]
    assert services.root_of(Identifier.objects.get(normalized="bca:1112223333").cluster_id) == cluster_of(r3)
    assert Cluster.objects.filter(root__isnull=True, record_count__gt=0).count() == 4
    split = AuditEvent.objects.get(action="network.cluster_split")
    assert split.object_id == str(glued.pk) and cluster_of(r3).code in split.summary


def test_random_records_end_in_the_batch_engines_clusters(office):
    """Several identifiers cross the limit at different times, each splitting what it had joined."""
    portals = [f"WA 0813-7000-{n:04d}" for n in range(3)]  # in about a sixth of the records each
    rare = [f"BCA 88800{n:05d}" for n in range(40)]  # in two or three records each
    rng = random.Random(6)
    texts = {n: ", ".join(rng.sample(rare, rng.randint(1, 2)) + rng.sample(portals, rng.randint(0, 1)))
             for n in range(1, 61)}  # fmt: skip
    for number, text in texts.items():
        services.record_link(record_type="report", record_id=number, text=text, office=office)
    linker = engine.Linker(engine.Stoplist.default(min_records=LIMIT))
    for number, text in texts.items():
        linker.add(number, text)
    assert Identifier.objects.filter(stopped=True).count() >= 3
    assert app_clusters() == {frozenset(cluster.ids) for cluster in linker.clusters()}
    roots = Cluster.objects.filter(root__isnull=True, record_count__gt=0)
    assert sum(roots.values_list("record_count", flat=True)) == len(texts)


def test_attached_message_and_confirmed_name_link_survive_a_split(
    office, submit, petugas, django_capture_on_commit_callbacks
):
    a = submit(office, PORTAL)
    with django_capture_on_commit_callbacks(execute=True):
        report_message_add(report=a, body="Saya sudah transfer, tolong dibantu segera")
    b = submit(office, f"{PORTAL} IG @loker.satu")
    c = submit(office, f"{PORTAL} IG @loker.satu")
    handle = Identifier.objects.get(normalized="instagram:loker.satu")
    services.identifier_confirm(identifier=handle, reason="Akun perekrut", report=b, actor=petugas)
    g = submit(office, "Perekrut dari perusahaan ini", [("company", "PT Maju Jaya Abadi")])
    h = submit(office, PORTAL, [("company", "PT MajuJaya Abadi")])
    services.proposal_decide(proposal=LinkProposal.objects.get(), confirm=True, actor=petugas)
    e = submit(office, f"{PORTAL} IG @loker.satu")
    glued = cluster_of(a)
    assert glued.record_count == 7 and glued.confirmed_count == 1  # a, its message, b, c, e, g, h
    f = submit(office, PORTAL)  # the portal's sixth report
    assert cluster_of(b) == cluster_of(c) == cluster_of(e) == glued
    message = LinkedRecord.objects.get(record_type="message")
    assert services.root_of(message.cluster_id) == cluster_of(a) != glued
    assert cluster_of(g) == cluster_of(h) not in (glued, cluster_of(a))
    assert cluster_of(f) not in (glued, cluster_of(a), cluster_of(g))
    assert [cluster_of(r).record_count for r in (b, a, g, f)] == [3, 2, 2, 1]
    assert glued.pk == cluster_of(b).pk and cluster_of(b).confirmed_count == 1
    assert cluster_of(a).confirmed_count == 0
    later = submit(office, "Lowongan PT Maju Jaya Abadi")
    assert cluster_of(later) == cluster_of(g)  # the confirmed names' identifiers still point at their part


def test_splitting_a_cluster_of_100000_records_moves_half_of_them_in_bulk(huge_cluster, office):
    """The shared account becomes too common; every second record also shares another account."""
    other = Identifier.objects.create(kind="account", normalized="bri:5550001112", cluster=huge_cluster)
    table, records = Occurrence._meta.db_table, LinkedRecord._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (identifier_id, record_id, source, start, \"end\", raw) SELECT %s, id, 'text', 0, 14,"  # noqa: S608 - names from the models
            f" 'BRI 5550001112' FROM {records} WHERE cluster_id = %s AND id %% 2 = 0",
            [other.pk, huge_cluster.pk],
        )
    size = huge_cluster.record_count
    with CaptureQueriesContext(connection) as queries:
        services.record_link(
            record_type="report", record_id="baru", text="Transfer BCA 9990001112", office=office
        )
    kept = Cluster.objects.get(pk=huge_cluster.pk)
    assert (kept.root_id, kept.record_count, kept.serious_count) == (None, size // 2, size // 2)
    assert LinkedRecord.objects.filter(cluster=kept).count() == size // 2
    assert (
        Cluster.objects.filter(root__isnull=True, record_count=1).count() == size // 2 + 1
    )  # and the new one
    assert len(queries) < BULK_QUERY_LIMIT, len(queries)  # in bulk, not record by record
