"""Cluster bookkeeping for the services: merging roots as records arrive, splitting them when links are undone.

A merge re-points roots (a few rows). A split is rare (an identifier became too common, see `split`) and
recomputes the connected components of one cluster's records: rows are read and written in bulk, and the
components come from the batch engine's union-find.
"""

from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import Count, Q

from jaring.audit.services import audit_record
from jaring.lib.write_lock import transaction_lock
from jaring.network import engine
from jaring.network.models import (
    Cluster,
    Identifier,
    IdentifierConfirmation,
    LinkedRecord,
    LinkProposal,
    Occurrence,
)

SERIOUS = {"tppo", "pmi_nonprosedural", "perekrut"}
_LOCK_KEY = 0x4A524E47  # "JRNG": the lock of cluster changes


def lock_clusters() -> None:
    """Cluster changes one at a time, until the caller's transaction ends. A merge or a split reads roots and
    counters and then writes them: two at once would lose counts or leave a root pointing at a merged cluster.
    (lib.write_lock: an advisory lock on PostgreSQL, the write transaction itself on SQLite)."""
    transaction_lock(_LOCK_KEY)


def risk(cluster: Cluster) -> float:
    """Ordering of the cluster list: size, then serious categories and confirmed identifiers weigh more."""
    return float(cluster.record_count + 2 * cluster.serious_count + 10 * cluster.confirmed_count)


def merge(survivor: Cluster, others: list[Cluster], actor: Any = None) -> None:
    """Point the other roots (and every cluster already merged into them) at the survivor; add counters."""
    if not others:
        return
    other_ids = [c.pk for c in others]
    Cluster.objects.filter(Q(pk__in=other_ids) | Q(root_id__in=other_ids)).update(root=survivor)
    for other in others:
        survivor.record_count += other.record_count
        survivor.serious_count += other.serious_count
        survivor.confirmed_count += other.confirmed_count
        survivor.first_seen = min(filter(None, [survivor.first_seen, other.first_seen]), default=None)
        survivor.last_seen = max(filter(None, [survivor.last_seen, other.last_seen]), default=None)
    audit_record(
        action="network.clusters_merged",
        actor=actor,
        obj=survivor,
        office=survivor.office,
        summary=f"{survivor.code} <- {', '.join(c.code for c in others)}",
        data={"merged": other_ids},
    )


def split(*, identifier_ids: list[int], stops: engine.Stoplist, actor: Any = None) -> list[Cluster]:
    """Recompute the clusters these identifiers had joined now that they no longer link (too common or
    stoplisted): each current cluster they belong to becomes the connected components of its records.

    What still joins records: identifiers that link (not stopped, `stops.links`), a record and the others of
    its report (a message joins its report's cluster), and names an officer confirmed as one (LinkProposal).
    The largest part keeps the cluster and its code; the others get new clusters. Returns the new clusters.
    """
    pointers = Identifier.objects.filter(pk__in=identifier_ids, cluster__isnull=False)
    roots = {root or leaf for leaf, root in pointers.values_list("cluster_id", "cluster__root_id")}
    created: list[Cluster] = []
    for root in Cluster.objects.filter(pk__in=roots).order_by("pk"):
        created += _split_root(root, identifier_ids, stops, actor)
    return created


def _members(root_id: int, prefix: str = "") -> Q:
    return Q(**{f"{prefix}cluster_id": root_id}) | Q(**{f"{prefix}cluster__root_id": root_id})


def _split_root(
    root: Cluster, identifier_ids: list[int], stops: engine.Stoplist, actor: Any
) -> list[Cluster]:
    records = list(
        LinkedRecord.objects.filter(_members(root.pk))
        .order_by("pk")
        .values_list("pk", "report_id", "category", "seen_at", "office_id")
    )
    parts, first_record = _components(root.pk, records, stops)
    if len(parts) < 2:
        return []
    parts.sort(key=len, reverse=True)  # stable: among equal sizes, the part holding the earliest record first
    part_of = {index: number for number, part in enumerate(parts) for index in part}
    # An identifier points into the part holding its records; stopped ones stay with the root (part 0).
    identifier_part = {
        pk: part_of[first_record[pk]]
        for pk in Identifier.objects.filter(_members(root.pk)).values_list("pk", flat=True)
        if pk in first_record
    }
    confirmed = [0] * len(parts)
    by_identifier = IdentifierConfirmation.objects.filter(_members(root.pk, "identifier__"))
    for pk, count in by_identifier.values_list("identifier_id").annotate(n=Count("pk")):
        confirmed[identifier_part.get(pk, 0)] += count
    clusters = [root, *(Cluster(office_id=records[part[0]][4]) for part in parts[1:])]
    for cluster, part, count in zip(clusters, parts, confirmed, strict=True):
        _count(cluster, [records[i] for i in part], count)
    root.save()
    created = Cluster.objects.bulk_create(clusters[1:])
    _repoint(LinkedRecord, [(records[i][0], clusters[n].pk) for n in range(1, len(parts)) for i in parts[n]])
    _repoint(Identifier, [(pk, clusters[n].pk) for pk, n in identifier_part.items() if n])
    audit_record(
        action="network.cluster_split",
        actor=actor,
        obj=root,
        office=root.office,
        summary=f"{root.code} -> {root.code}, {', '.join(c.code for c in created)}",  # cut at 300 characters
        data={
            "identifiers": identifier_ids,
            "clusters": [c.pk for c in created],
            "sizes": [len(p) for p in parts],
        },
    )
    return created


def _components(
    root_id: int, records: list[tuple], stops: engine.Stoplist
) -> tuple[list[list[int]], dict[int, int]]:
    """The connected components of the records (as indices into `records`, in record order), and for each
    identifier that still links the index of one record holding it."""
    index = {row[0]: i for i, row in enumerate(records)}
    uf = engine.UnionFind()
    for _row in records:
        uf.add()
    # A message record carries its report: it stays with the report's record whatever it mentions.
    by_report: dict[int, int] = {}
    for i, row in enumerate(records):
        if row[1] is not None:
            uf.union(by_report.setdefault(row[1], i), i)
    candidates = Identifier.objects.filter(stopped=False).filter(_members(root_id, "occurrences__record__"))
    linking = {pk for pk, kind, value in candidates.distinct().values_list("pk", "kind", "normalized")
               if stops.links(kind, value)}  # fmt: skip
    first_record: dict[int, int] = {}
    occurrences = Occurrence.objects.filter(_members(root_id, "record__"), identifier__stopped=False)
    for identifier, record in occurrences.values_list("identifier_id", "record_id"):
        if identifier in linking:
            i = index[record]
            uf.union(first_record.setdefault(identifier, i), i)
    # Names an officer confirmed as the same stay joined (proposal_decide merged their clusters).
    confirmed = LinkProposal.objects.filter(status=LinkProposal.Status.CONFIRMED)
    for first, second in confirmed.values_list("first_id", "second_id"):
        if first in first_record and second in first_record:
            uf.union(first_record[first], first_record[second])
    parts: dict[int, list[int]] = {}
    for i in range(len(records)):
        parts.setdefault(uf.find(i), []).append(i)
    return list(parts.values()), first_record


def _repoint(model: type[LinkedRecord | Identifier], pairs: list[tuple[int, int]]) -> None:
    """Set cluster_id of each (pk, cluster_id) row in one UPDATE from a temporary table. SQLite checks the
    deferred foreign key of every statement inside a savepoint at a cost that grows with the savepoint:
    one UPDATE per row took 200 s for 100,000 rows, this takes under a second."""
    if not pairs:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    # Created and dropped inside the caller's transaction: a rollback removes it as well.
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMPORARY TABLE network_split (pk bigint PRIMARY KEY, cluster_id bigint NOT NULL)"
        )
        cursor.executemany("INSERT INTO network_split (pk, cluster_id) VALUES (%s, %s)", pairs)
        cursor.execute(
            f"UPDATE {table} SET cluster_id = (SELECT s.cluster_id FROM network_split s WHERE s.pk = {table}.id)"  # noqa: S608 - table from the model
            " WHERE id IN (SELECT pk FROM network_split)"
        )
        cursor.execute("DROP TABLE network_split")


def _count(cluster: Cluster, rows: list[tuple], confirmed: int) -> None:
    """Set a root's counters from its records' (pk, report_id, category, seen_at, office_id) rows."""
    seen: list[datetime] = [row[3] for row in rows]
    cluster.record_count = len(rows)
    cluster.serious_count = sum(row[2] in SERIOUS for row in rows)
    cluster.confirmed_count = confirmed
    cluster.first_seen, cluster.last_seen = min(seen), max(seen)
    cluster.risk = risk(cluster)
