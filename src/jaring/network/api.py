"""Staff API for networks (Bearer token), scoped like /petugas/jaringan/: out-of-scope clusters answer 404."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema

from jaring.accounts.api_auth import staff_token
from jaring.network import selectors, services

router = Router(tags=["staff: networks"], auth=staff_token)
MAX_PAGE = 100


class ClusterOut(Schema):
    id: int
    code: str
    records: int
    serious: int
    confirmed: int
    risk: float
    first_seen: datetime | None
    last_seen: datetime | None


class ClusterFilters(Schema):
    q: str = ""
    kind: str = ""
    category: str = ""
    min_records: int = 2
    offset: int = 0
    limit: int = 25


class IdentifierOut(Schema):
    id: int
    kind: str
    value: str
    records: int
    stopped: bool
    confirmed: bool


class ClusterDetailOut(ClusterOut):
    visible_records: int
    reporters: int
    verified_reports: int
    identifiers: list[IdentifierOut]
    records_page: list[dict[str, Any]]


def _cluster(c: Any) -> dict:
    return {"id": c.pk, "code": c.code, "records": c.record_count, "serious": c.serious_count,
            "confirmed": c.confirmed_count, "risk": c.risk, "first_seen": c.first_seen, "last_seen": c.last_seen}  # fmt: skip


@router.get("/clusters", response=list[ClusterOut])
def cluster_list(request: HttpRequest, filters: Query[ClusterFilters]) -> list[dict]:
    """Clusters the token's user may see, riskiest first (`q` searches identifier values)."""
    clusters = selectors.clusters_for(
        request.user,
        q=filters.q[:100],
        kind=filters.kind,
        category=filters.category,
        min_records=filters.min_records,
    )
    start = max(0, filters.offset)
    return [_cluster(c) for c in clusters[start : start + max(1, min(MAX_PAGE, filters.limit))]]


@router.get("/clusters/{cluster_id}", response=ClusterDetailOut)
def cluster_detail(request: HttpRequest, cluster_id: int, offset: int = 0, limit: int = 50) -> dict:
    """Summary, top identifiers and one page of the visible records (newest first). Audited as a view."""
    cluster, records = selectors.cluster_for(request.user, cluster_id)
    services.cluster_view_record(cluster=cluster, actor=request.user, page=offset // max(1, limit) + 1)
    summary = selectors.summary(records)
    start = max(0, offset)
    page = selectors.timeline(records)[start : start + max(1, min(MAX_PAGE, limit))]
    return {
        **_cluster(cluster),
        "visible_records": summary.records,
        "reporters": summary.reporters,
        "verified_reports": summary.verified_reports,
        "identifiers": summary.identifiers,
        "records_page": [
            {"type": r.record_type, "label": r.label, "category": r.category, "seen_at": r.seen_at}
            for r in page
        ],  # fmt: skip
    }
