"""The inbox: filters shared by the web page, the export and the staff API, and keyset pagination.

Pages never COUNT(*) everything and never sort: a page is the newest ids of one status at a time, read from
the (office_id, status, id) index (or from the search index, see search.py) and merged per status
tier; totals are capped. So the inbox stays fast at a million reports (benchmarks/bench_inbox.py).

Urgent open reports (reports/urgency.py) form the first tier, read from a partial index of the few urgent rows;
with a search on SQLite their stems are compared in Python (search.has_terms), as there are few of them.
"""

import heapq
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from jaring.accounts.models import User
from jaring.casework import search
from jaring.casework.models import ReportLabel
from jaring.casework.search import apply_search, fts_match, query_terms
from jaring.casework.unread import unread_count
from jaring.reports.deadlines import FOLLOW_UP_PENDING, due_q, office_today, overdue_q
from jaring.reports.models import Attachment, Category, Channel, Party, Priority, Report, Status
from jaring.reports.statuses import CLOSED_STATUSES, OPEN_STATUSES

PAGE_SIZE = 25
COUNT_CAP = 1000
# A search on SQLite examines at most this many FTS5 hits for a page (and as many for its count); with filters
# that reject most hits, the page stops early and "Berikutnya" continues the scan.
SCAN_BUDGET = 5000
# Its count examines fewer: past this many hits the inbox says "at least N" (the exact figure rarely matters).
COUNT_SCAN_BUDGET = 2000
# A filtered list (no search) counts among at most this many reports of its statuses, newest or not.
COUNT_WINDOW = 5000
# "Urgent, new and open first": urgent open reports, then new reports, then the other open ones, then closed
# ones; newest first in each tier. Each tier: (statuses, urgent: True, False or None for either).
TIERS: tuple[tuple[tuple[str, ...], bool | None], ...] = (
    (OPEN_STATUSES, True),
    ((Status.BARU,), False),
    (OPEN_STATUSES[1:], False),
    (CLOSED_STATUSES, None),
)
# A search on SQLite compares the stems of at most this many urgent open reports (newest first) in Python.
URGENT_SCAN = 1000
STATUS_OPEN = "terbuka"
STATUS_ALL = "semua"
REGION_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")


@dataclass
class InboxFilters:
    status: str = ""  # "" or "terbuka": open statuses; "semua": all; or one status
    category: str = ""
    priority: str = ""
    channel: str = ""
    region: str = ""  # a Kemendagri code prefix, e.g. 21.71 (Kota Batam) or 21.71.08 (Galang)
    assignee: str = ""  # "mine", "unassigned" or a username
    due: str = ""  # "overdue" or "soon" (due within two days, overdue included)
    attachments: bool = False
    label: str = ""
    q: str = ""
    # A partner agency may not read a report's thread, and the search index holds it: their q matches the
    # description and the parties only (set from the user by inbox_page and apply_filters).
    plain_only: bool = False
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def search_query(self) -> str:
        """What goes to the search index (description, parties and the thread)."""
        return "" if self.plain_only else self.q

    @classmethod
    def from_params(cls, params: Mapping[str, object]) -> "InboxFilters":
        """Reads query parameters; unknown values are dropped and explained in `errors`."""
        f = cls()
        for name in ("status", "category", "priority", "channel", "region", "assignee", "due", "label", "q"):
            value = params.get(name)
            setattr(f, name, str(value).strip()[:200] if value is not None else "")
        f.attachments = str(params.get("attachments", "")).lower() in ("1", "true", "on", "yes")
        checks = {
            "status": [STATUS_OPEN, STATUS_ALL, *Status.values],
            "category": Category.values,
            "priority": Priority.values,
            "channel": Channel.values,
            "due": ["overdue", "soon"],
        }
        for name, allowed in checks.items():
            if getattr(f, name) and getattr(f, name) not in allowed:
                f.errors[name] = _("Pilihan tidak dikenal. Pilihan yang tersedia: %(choices)s.") % {
                    "choices": ", ".join(allowed)
                }
                setattr(f, name, "")
        if f.region and not REGION_RE.match(f.region):
            f.errors["region"] = _("Kode wilayah tidak valid; contoh 21.71 atau 21.71.08.")
            f.region = ""
        if f.label and not f.label.isdigit():
            f.errors["label"] = _("Label tidak dikenal.")
            f.label = ""
        return f

    def as_params(self) -> dict[str, str]:
        out = {}
        for fl in fields(self):
            value = getattr(self, fl.name)
            if fl.name not in ("errors", "plain_only") and value:
                out[fl.name] = "1" if value is True else value
        return out

    @property
    def statuses(self) -> tuple[str, ...]:
        if self.status in ("", STATUS_OPEN):
            chosen = OPEN_STATUSES
        elif self.status == STATUS_ALL:
            chosen = OPEN_STATUSES + CLOSED_STATUSES
        else:
            chosen = (self.status,)
        if self.due:
            chosen = tuple(s for s in chosen if s in FOLLOW_UP_PENDING)
        return chosen


def apply_filters(qs: QuerySet[Report], f: InboxFilters, user: User) -> QuerySet[Report]:
    """Every filter except status (the tiers apply it). Unknown assignees/labels match nothing."""
    f = _for_user(f, user)
    return apply_search(_filters(qs, f, user), f.search_query)


# The office's own triage: a partner sees none of it (deadlines, assignment, priority, labels, channel), and
# must not learn which referred reports carry files by filtering on them.
OFFICER_ONLY_FILTERS = {
    "priority": "",
    "channel": "",
    "assignee": "",
    "due": "",
    "label": "",
    "attachments": False,
}


def _for_user(f: InboxFilters, user: User) -> InboxFilters:
    return replace(f, plain_only=True, **OFFICER_ONLY_FILTERS) if not user.is_officer else f


def _filters(qs: QuerySet[Report], f: InboxFilters, user: User) -> QuerySet[Report]:
    """Every filter except status and search."""
    if f.category:
        qs = qs.filter(category=f.category)
    if f.priority:
        qs = qs.filter(priority=f.priority)
    if f.channel:
        qs = qs.filter(channel=f.channel)
    if f.region:
        qs = qs.filter(region_code__startswith=f.region)
    if f.assignee == "mine":
        qs = qs.filter(assignee_id=user.pk)
    elif f.assignee == "unassigned":
        qs = qs.filter(assignee__isnull=True)
    elif f.assignee:
        qs = qs.filter(assignee__username=f.assignee)
    if f.due:
        office = user.office
        today = office_today(office) if office else None
        if today is not None:
            qs = qs.filter(overdue_q(today) if f.due == "overdue" else due_q(today + timedelta(days=2)))
    if f.attachments:
        qs = qs.filter(Exists(Attachment.objects.filter(report=OuterRef("pk"))))
    if f.label:
        qs = qs.filter(Exists(ReportLabel.objects.filter(report=OuterRef("pk"), label_id=int(f.label))))
    if f.plain_only and f.q:
        words = Q(description__icontains=f.q) | Q(
            Exists(Party.objects.filter(report=OuterRef("pk"), value__icontains=f.q))
        )
        qs = qs.filter(words)
    return qs


def filtered(qs: QuerySet[Report], f: InboxFilters, user: User) -> QuerySet[Report]:
    """All matching reports, status included (for exports)."""
    return apply_filters(qs, f, user).filter(status__in=f.statuses)


@dataclass
class InboxPage:
    rows: list[Report]
    next_cursor: str
    total: int
    total_capped: bool  # at least `total` match (the count stopped at COUNT_CAP or at the scan budget)
    scan_limited: bool = False  # the page stopped at the scan budget before it was full


def _tier_of(status: str, urgent: bool) -> int:
    return next(
        i for i, (statuses, flag) in enumerate(TIERS) if status in statuses and flag in (None, urgent)
    )


def _parse_cursor(cursor: str) -> tuple[int, int] | None:
    tier, _sep, last_id = cursor.partition("-")
    if tier.isdigit() and last_id.isdigit():
        return int(tier), int(last_id)
    return None


def index_ids(
    base: QuerySet[Report], statuses: list[str], below: int | None, limit: int, urgent: bool | None = None
) -> list[int]:
    """The newest `limit` ids of `base` among `statuses`: one index walk per status (no sort), merged.

    `status IN (...) ORDER BY id DESC` would read and sort every row of those statuses; one query per status
    reads `limit` entries of the (office_id, status, id) index at most (more only when filters reject rows).
    Urgent ones come from the partial index of urgent rows; the others are nearly all rows, so skipping the
    urgent ones costs a row lookup per id of the page.
    """
    runs = []
    for status in statuses:
        qs = base.filter(status=status) if urgent is None else base.filter(status=status, urgent=urgent)
        if below is not None:
            qs = qs.filter(pk__lt=below)
        runs.append(list(qs.order_by("-pk").values_list("pk", flat=True)[:limit]))
    return list(heapq.merge(*runs, reverse=True))[:limit]


def _fts_scope(
    qs: QuerySet[Report], f: InboxFilters, user: User
) -> tuple[int | None, QuerySet[Report] | None]:
    """(office for the MATCH, queryset the hits must also be in, or None when the MATCH says it all).

    An officer's scope is their office (selectors.reports_visible_to), which the FTS5 index knows; then only
    the other filters need reports_report. The rows shown are always read through `qs`, the user's scope.
    """
    office_id = user.office_id if user.is_officer else None
    return office_id, (None if not _has_filters(f) and office_id is not None else _filters(qs, f, user))


def _has_filters(f: InboxFilters) -> bool:
    """Any filter besides status and search."""
    return any(value for name, value in f.as_params().items() if name not in ("status", "q"))


def _count(
    qs: QuerySet[Report],
    base: QuerySet[Report],
    user: User,
    f: InboxFilters,
    terms: list[str],
    fts_scope: tuple[int | None, QuerySet[Report] | None],
) -> tuple[int, bool]:
    """(matches, capped): exact up to COUNT_CAP; a search on SQLite also stops at the scan budget."""
    if not f.statuses:
        return 0, False
    if search.walks_index(terms):
        office_id, check = fts_scope
        match = fts_match(terms, f.statuses, office_id)
        ids, resume = search.index_hits(check, match, None, COUNT_CAP + 1, COUNT_SCAN_BUDGET)
        return min(len(ids), COUNT_CAP), len(ids) > COUNT_CAP or resume is not None
    matching = apply_search(base, f.search_query).filter(status__in=f.statuses)
    if not _has_filters(f) or not search.counts_in_window():
        # No filters: read from the (office_id, status, id) index alone. PostgreSQL plans the filtered count
        # well with its statistics (the window below made it hash-join a sequential scan instead).
        return capped_count(matching)
    # Filters need the rows: look at most COUNT_WINDOW of them ("at least N" past that), not the 12,500 rows
    # it takes to find 1,001 matches of an 8% filter among a million reports.
    # The window carries scope and status; repeating them outside would make SQLite probe the (office, status,
    # id) index once per status and id instead of looking each id up once.
    in_statuses = qs.filter(status__in=f.statuses).order_by().values_list("pk", flat=True)
    others = apply_search(_filters(Report.objects.all(), f, user), f.search_query)
    total, capped = capped_count(others.filter(pk__in=in_statuses[:COUNT_WINDOW]))
    if not capped:
        capped = bool(list(in_statuses[COUNT_WINDOW : COUNT_WINDOW + 1]))
    return total, capped


def _few_matches(
    searched: QuerySet[Report], f: InboxFilters, terms: list[str]
) -> list[tuple[int, int]] | None:
    """PostgreSQL search: every match as (tier, id) in page order when there are at most COUNT_CAP; else None.

    PostgreSQL cannot read the GIN index in id order, and for a rare word its planner walks the id index
    backwards recomputing to_tsvector on every row (2.5 s at 100,000 reports). Fetching at most COUNT_CAP + 1
    matches without an order lets it use the GIN index; more matches than that are dense enough for the
    per-status walk to stop early.
    """
    if not search.lists_few_matches(terms) or not f.statuses:
        return None
    found = searched.filter(status__in=f.statuses).order_by().values_list("pk", "status", "urgent")
    matches = [(_tier_of(status, urgent), pk) for pk, status, urgent in found[: COUNT_CAP + 1]]
    if len(matches) > COUNT_CAP:
        return None
    return sorted(matches, key=lambda match: (match[0], -match[1]))


def inbox_page(
    qs: QuerySet[Report], f: InboxFilters, user: User, *, cursor: str = "", size: int = PAGE_SIZE
) -> InboxPage:
    """One page in "new and open first" order, from `cursor` ("<tier>-<last id>", as next_cursor gives)."""
    f = _for_user(f, user)
    terms = query_terms(f.search_query)
    base = _filters(qs, f, user)
    searched = base if search.walks_index(terms) else apply_search(base, f.search_query)
    fts_scope = _fts_scope(qs, f, user) if search.walks_index(terms) else (None, None)
    after = _parse_cursor(cursor)
    few = _few_matches(searched, f, terms)
    next_cursor, scan_limited = "", False
    if few is not None:
        picked = [
            m for m in few if after is None or m[0] > after[0] or (m[0] == after[0] and m[1] < after[1])
        ]
        picked = picked[: size + 1]
        total, capped = len(few), False
    else:
        picked, next_cursor, scan_limited = _walk(searched, f, terms, fts_scope, after, size)
        if search.lists_few_matches(terms):
            total, capped = COUNT_CAP, True  # _few_matches found more than COUNT_CAP
        else:
            total, capped = _count(qs, base, user, f, terms, fts_scope)
    if len(picked) > size:
        picked = picked[:size]
        next_cursor = "{}-{}".format(*picked[-1])
    rows = _rows([pk for _tier, pk in picked], qs, unread=user.is_officer)
    return InboxPage(
        rows=rows, next_cursor=next_cursor, total=total, total_capped=capped, scan_limited=scan_limited
    )


def _walk(
    searched: QuerySet[Report],
    f: InboxFilters,
    terms: list[str],
    fts_scope: tuple[int | None, QuerySet[Report] | None],
    after: tuple[int, int] | None,
    size: int,
) -> tuple[list[tuple[int, int]], str, bool]:
    """(up to size + 1 (tier, id) from `after` on, cursor where a cut-short search resumes, cut short?)."""
    wanted = set(f.statuses)
    picked: list[tuple[int, int]] = []
    urgent_open: set[int] | None = None
    for index, (tier, urgent) in enumerate(TIERS):
        statuses = [s for s in tier if s in wanted]
        if not statuses or (after and index < after[0]):
            continue
        below = after[1] if after and index == after[0] else None
        need = size + 1 - len(picked)
        if search.walks_index(terms) and urgent:
            ids, resume = _urgent_matches(searched, statuses, terms, below, need), None
        elif search.walks_index(terms):
            if urgent is False and urgent_open is None:
                urgent_open = set(
                    searched.filter(urgent=True, status__in=OPEN_STATUSES).values_list("pk", flat=True)
                )
            match = fts_match(terms, statuses, fts_scope[0])
            skip = urgent_open if urgent is False else None
            ids, resume = search.index_hits(fts_scope[1], match, below, need, SCAN_BUDGET, skip=skip)
        else:
            ids, resume = index_ids(searched, statuses, below, need, urgent), None
        picked += [(index, pk) for pk in ids]
        if resume is not None and len(picked) <= size:
            return picked, f"{index}-{resume}", True
        if len(picked) > size:
            break
    return picked, "", False


def _urgent_matches(
    base: QuerySet[Report], statuses: list[str], terms: list[str], below: int | None, limit: int
) -> list[int]:
    """Urgent reports among `statuses` whose stems hold every term, newest first (few rows: no FTS walk).

    One query per status, like index_ids: with `status IN (...)` SQLite walked the office's whole id index
    backwards (50 ms at 100,000 reports) instead of the partial index of urgent rows (2 ms).
    """
    runs = []
    for status in statuses:
        candidates = base.filter(urgent=True, status=status)
        if below is not None:
            candidates = candidates.filter(pk__lt=below)
        rows = candidates.order_by("-pk").values_list("pk", "search_text")[:URGENT_SCAN]
        runs.append([pk for pk, text in rows if search.has_terms(text, terms)])
    return list(heapq.merge(*runs, reverse=True))[:limit]


def _rows(ids: list[int], qs: QuerySet[Report], *, unread: bool = False) -> list[Report]:
    """The page's reports, with what the inbox shows, in the order of `ids`.

    Counts come as annotations of the one query (no query per row); unread counts only for officers, who
    may read the thread (accounts.permissions.can_read_thread).
    """
    if not ids:
        return []
    rows = qs.filter(pk__in=ids).select_related("assignee")
    rows = rows.prefetch_related(
        Prefetch("report_labels", queryset=ReportLabel.objects.select_related("label"))
    )
    rows = rows.annotate(has_attachments=Exists(Attachment.objects.filter(report=OuterRef("pk"))))
    if unread:
        rows = rows.annotate(unread_count=unread_count())
    by_id = {r.pk: r for r in rows.order_by()}
    return [by_id[pk] for pk in ids if pk in by_id]


def capped_count(qs: QuerySet[Report]) -> tuple[int, bool]:
    n = qs.order_by().values("pk")[: COUNT_CAP + 1].count()
    return min(n, COUNT_CAP), n > COUNT_CAP
