"""Reads of Jaringan, scoped through casework's `reports_visible_to`: a user sees a cluster only through the
records of reports they may see (officers: their office; mitra: reports referred to their agency)."""

from dataclasses import dataclass

from django.db.models import Count, Max, Min, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse

from jaring.accounts.models import User
from jaring.accounts.permissions import can_view_network
from jaring.casework.selectors import reports_visible_to
from jaring.network.labels import record_type_label, record_url
from jaring.network.models import Cluster, Identifier, LinkedRecord, LinkProposal, Occurrence, WatchNotice
from jaring.network.search import identifier_query
from jaring.reports.models import Status

UNVERIFIED = (Status.BARU, Status.DITOLAK)
GRAPH_RECORDS = 120  # a graph of thousands of nodes helps nobody: the newest records and top identifiers
GRAPH_IDENTIFIERS = 60
TOP_IDENTIFIERS = 50


def visible_records(user: User) -> QuerySet[LinkedRecord]:
    records = LinkedRecord.objects.filter(report__in=reports_visible_to(user).values("pk"))
    if user.is_officer:
        # Checkpoint screenings (issue 15) belong to no report: the office's officers see their identifiers.
        records |= LinkedRecord.objects.filter(
            record_type=LinkedRecord.RecordType.CHECKPOINT, office_id=user.office_id
        )
    if not user.is_officer:
        # A mitra reads a referred report but not its thread (casework.selectors.messages_for): the records
        # made from the reporter's messages, and the numbers or addresses in them, stay hidden too.
        records = records.filter(record_type=LinkedRecord.RecordType.REPORT)
    return records


def _members(root_id: int) -> Q:
    return Q(cluster_id=root_id) | Q(cluster__root_id=root_id)


def clusters_for(
    user: User, *, q: str = "", kind: str = "", min_records: int = 2, category: str = ""
) -> QuerySet[Cluster]:
    """Current clusters (roots) the user can see, riskiest first. Officers filter on the root's counters;
    for a mitra the roots come from the few records referred to their agency."""
    roots = Cluster.objects.filter(root__isnull=True)
    if not can_view_network(user):
        return roots.none()
    if user.is_officer:
        # The root's office is that of its first record: a cheap filter that needs no scan of the records.
        roots = roots.filter(office_id=user.office_id)
    else:
        roots = roots.filter(pk__in=_roots_of(visible_records(user)))
    if min_records > 1:
        roots = roots.filter(record_count__gte=min_records)
    if category:
        roots = roots.filter(pk__in=_roots_of(visible_records(user).filter(category=category)))
    if q or kind:
        found = Identifier.objects.all()
        if kind:
            found = found.filter(kind=kind)
        if q:
            # Read as the linker reads a value: "0812-3456-7890" finds the stored +6281234567890.
            found = found.filter(identifier_query(q, kind).condition())
        roots = roots.filter(
            pk__in=_roots_of(visible_records(user).filter(occurrences__identifier__in=found))
        )
    return roots.order_by("-risk", "-last_seen", "pk")


def _roots_of(records: QuerySet[LinkedRecord]) -> QuerySet:
    return records.annotate(root=Coalesce("cluster__root_id", "cluster_id")).values("root")


def cluster_for(user: User, cluster_id: int) -> tuple[Cluster, QuerySet[LinkedRecord]]:
    """The current root of `cluster_id` and the records of it the user may see; 404 if none."""
    cluster = Cluster.objects.filter(pk=cluster_id).first()
    if cluster is None or not can_view_network(user):
        raise Http404
    if cluster.root_id is not None:
        cluster = Cluster.objects.get(pk=cluster.root_id)
    records = visible_records(user).filter(_members(cluster.pk))
    if not records.exists():
        raise Http404
    return cluster, records


@dataclass
class Summary:
    records: int
    by_type: list[dict]
    by_category: list[dict]
    first_seen: object
    last_seen: object
    reporters: int
    verified_reports: int
    identifiers: list[dict]


def summary(records: QuerySet[LinkedRecord]) -> Summary:
    """Aggregates over the visible records only; bounded queries, usable on a cluster of 100,000 records."""
    totals = records.aggregate(n=Count("pk"), first=Min("seen_at"), last=Max("seen_at"),
                               reports=Count("report", distinct=True))  # fmt: skip
    verified = records.exclude(report__status__in=UNVERIFIED).aggregate(n=Count("report", distinct=True))["n"]
    return Summary(
        records=totals["n"],
        by_type=list(records.values("record_type").annotate(n=Count("pk")).order_by("-n")),
        by_category=list(records.values("category").annotate(n=Count("pk")).order_by("-n")),
        first_seen=totals["first"],
        last_seen=totals["last"],
        reporters=totals["reports"],  # each report has one reporter; anonymous ones cannot be told apart
        verified_reports=verified,
        identifiers=top_identifiers(records),
    )


def top_identifiers(records: QuerySet[LinkedRecord], limit: int = TOP_IDENTIFIERS) -> list[dict]:
    """Identifiers ranked by how many of these records they connect."""
    rows = (
        Occurrence.objects.filter(record__in=records.values("pk"))
        .values("identifier_id", "identifier__kind", "identifier__normalized", "identifier__stopped")
        .annotate(records=Count("record", distinct=True))
        .order_by("-records", "identifier__kind", "identifier__normalized")[:limit]
    )
    confirmed = set(
        Identifier.objects.filter(pk__in=[r["identifier_id"] for r in rows], confirmations__isnull=False)
        .values_list("pk", flat=True)
    )  # fmt: skip
    return [
        {"id": r["identifier_id"], "kind": r["identifier__kind"], "value": r["identifier__normalized"],
         "records": r["records"], "stopped": r["identifier__stopped"], "confirmed": r["identifier_id"] in confirmed}
        for r in rows
    ]  # fmt: skip


def graph(records: QuerySet[LinkedRecord], identifiers: list[dict]) -> dict:
    """Nodes and edges for the page's graph: the newest records and the identifiers that connect them."""
    shown = list(
        records.order_by("-seen_at", "-pk").values("pk", "record_id", "label", "record_type", "category")[
            :GRAPH_RECORDS
        ]
    )
    wanted = [i["id"] for i in identifiers[:GRAPH_IDENTIFIERS]]
    edges = (
        Occurrence.objects.filter(record_id__in=[r["pk"] for r in shown], identifier_id__in=wanted)
        .values_list("record_id", "identifier_id")
        .distinct()
    )
    nodes = [{"id": f"r{r['pk']}", "label": r["label"] or record_type_label(r["record_type"]), "type": "record",
              "category": r["category"], "url": record_url(r["record_type"], r["record_id"], r["label"])}
             for r in shown]  # fmt: skip
    used = {identifier for _record, identifier in edges}
    nodes += [{"id": f"i{i['id']}", "label": i["value"], "type": "identifier", "kind": i["kind"],
               "confirmed": i["confirmed"], "url": reverse("network:identifier", args=[i["id"]])}
              for i in identifiers if i["id"] in used]  # fmt: skip
    return {
        "nodes": nodes,
        "edges": [{"source": f"r{record}", "target": f"i{identifier}"} for record, identifier in edges],
    }


def timeline(records: QuerySet[LinkedRecord]) -> QuerySet[LinkedRecord]:
    return records.select_related("report").order_by("-seen_at", "-pk")


def identifier_for(user: User, identifier_id: int) -> Identifier:
    """An identifier the user can see (it occurs in one of their visible records); 404 otherwise."""
    identifier = Identifier.objects.filter(
        pk=identifier_id, occurrences__record__in=visible_records(user).values("pk")
    ).first()
    if identifier is None:
        raise Http404
    return identifier


def occurrences_for(user: User, identifier: Identifier) -> QuerySet[Occurrence]:
    """Where the identifier occurs, in the records the user may see, newest first."""
    return (
        identifier.occurrences.filter(record__in=visible_records(user).values("pk"))
        .select_related("record")
        .order_by("-record__seen_at")
    )


def proposals_for(user: User) -> QuerySet[LinkProposal]:
    """Open proposals between names the user can see."""
    visible = Occurrence.objects.filter(record__in=visible_records(user).values("pk")).values("identifier_id")
    return (
        LinkProposal.objects.filter(status=LinkProposal.Status.OPEN, first__in=visible, second__in=visible)
        .select_related("first", "second")
        .order_by("-score", "pk")
    )


def notices_for(user: User) -> QuerySet[WatchNotice]:
    return WatchNotice.objects.filter(watch__user=user).select_related("watch__identifier", "record")
