"""Full-text search over reports: one behaviour, two back-ends.

Reports store `search_text`, the space-joined Indonesian stems of their text (lib.text.search_terms), so
"dipekerjakan" finds "bekerja". A query matches the reports containing every stem of the query as a whole
word. SQLite answers from an FTS5 index kept in sync by triggers; PostgreSQL from a GIN index on
to_tsvector('simple', search_text). Both tokenise our [0-9a-z]+ stems identically, so results are the same.

The SQLite FTS5 table also indexes `status` and `office_id` (columns never matched by the user's words): the
inbox walks one status tier at a time, newest first, and FTS5 answers "these words AND this office AND one of
these statuses, rowid below X, newest first" by merging doclists, without touching reports_report (inbox.py).
"""

import json

from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from jaring.lib.text import search_terms
from jaring.reports.models import Report, Status

FTS_TABLE = "casework_report_fts"
MAX_TERMS = 8

_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS casework_report_fts_ai",
    "DROP TRIGGER IF EXISTS casework_report_fts_ad",
    "DROP TRIGGER IF EXISTS casework_report_fts_au",
    "DROP TABLE IF EXISTS casework_report_fts",
]
_SQLITE_SETUP = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS casework_report_fts USING fts5(
        search_text, status, office_id, content='reports_report', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER IF NOT EXISTS casework_report_fts_ai AFTER INSERT ON reports_report BEGIN
        INSERT INTO casework_report_fts(rowid, search_text, status, office_id)
        VALUES (new.id, new.search_text, new.status, new.office_id); END""",
    """CREATE TRIGGER IF NOT EXISTS casework_report_fts_ad AFTER DELETE ON reports_report BEGIN
        INSERT INTO casework_report_fts(casework_report_fts, rowid, search_text, status, office_id)
        VALUES ('delete', old.id, old.search_text, old.status, old.office_id); END""",
    """CREATE TRIGGER IF NOT EXISTS casework_report_fts_au AFTER UPDATE OF search_text, status, office_id
        ON reports_report BEGIN
        INSERT INTO casework_report_fts(casework_report_fts, rowid, search_text, status, office_id)
        VALUES ('delete', old.id, old.search_text, old.status, old.office_id);
        INSERT INTO casework_report_fts(rowid, search_text, status, office_id)
        VALUES (new.id, new.search_text, new.status, new.office_id); END""",
]
_PG_SETUP = [
    "CREATE INDEX IF NOT EXISTS casework_report_search_gin ON reports_report "
    "USING gin (to_tsvector('simple', search_text))",
]
# Inbox pages walk (office, status) newest first; this index serves them without sorting on both back-ends.
_COMMON_SETUP = [
    "CREATE INDEX IF NOT EXISTS casework_report_office_status_id ON reports_report (office_id, status, id)",
]


def ensure_search_index(using_connection: BaseDatabaseWrapper | None = None) -> None:
    """Creates the search index and triggers when missing (idempotent; run after every migrate).

    After migrate, because an SQLite table rebuild by a later reports migration drops triggers: this puts
    them back. A newly created FTS table is filled from the existing rows; an FTS table of an older layout
    (without the status and office columns) is replaced, with its triggers.
    """
    conn = using_connection or connection
    with conn.cursor() as cursor:
        for sql in _COMMON_SETUP:
            cursor.execute(sql)
        if conn.vendor == "sqlite":
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [FTS_TABLE])
            row = cursor.fetchone()
            if row is not None and "office_id" not in row[0]:
                for sql in _SQLITE_DROP:
                    cursor.execute(sql)
                row = None
            for sql in _SQLITE_SETUP:
                cursor.execute(sql)
            if row is None:
                cursor.execute("INSERT INTO casework_report_fts(casework_report_fts) VALUES ('rebuild')")
        elif conn.vendor == "postgresql":
            for sql in _PG_SETUP:
                cursor.execute(sql)


def query_terms(query: str) -> list[str]:
    """The distinct stems of a query, in order, at most MAX_TERMS."""
    seen: list[str] = []
    for term in search_terms(query).split():
        if term not in seen:
            seen.append(term)
    return seen[:MAX_TERMS]


def fts_match(terms: list[str], statuses: list[str] | tuple[str, ...], office_id: int | None = None) -> str:
    """An FTS5 MATCH expression: every term in search_text, one of `statuses`, and the office if given.

    Terms are [0-9a-z]+, statuses are our own constants and the office an int, so quoting them is safe; the
    column filters keep a word like "baru" from matching the status column.
    """
    words = " ".join(f'"{term}"' for term in terms)
    # Every status wanted: no clause (an OR over the big closed-status doclists costs a few ms per query).
    wanted = "" if set(statuses) >= set(Status.values) else " OR ".join(f'"{status}"' for status in statuses)
    status = f" AND status : ({wanted})" if wanted else ""
    office = f' AND office_id : "{int(office_id)}"' if office_id is not None else ""
    return f"search_text : ({words}){status}{office}"


def fts_ids(match: str, *, below: int | None, limit: int) -> list[int]:
    """Up to `limit` matching report ids below `below`, newest first, straight from the FTS5 index."""
    sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608 - constant table name
    params: list[object] = [match]
    if below is not None:
        sql += " AND rowid < %s"
        params.append(below)
    sql += " ORDER BY rowid DESC LIMIT %s"
    params.append(limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


# How each back-end answers the inbox's searches (inbox.py asks these instead of naming the database).


def walks_index(terms: list[str]) -> bool:
    """SQLite: a search walks the FTS5 hits newest first, in chunks (index_hits), with status and office in the
    MATCH; the inbox never joins reports_report to the FTS5 table."""
    return bool(terms) and connection.vendor == "sqlite"


def lists_few_matches(terms: list[str]) -> bool:
    """PostgreSQL: a search first fetches up to the count cap of matches without an order (the GIN index cannot
    give them in id order); more than that are dense enough for the per-status index walk to stop early."""
    return bool(terms) and connection.vendor == "postgresql"


def counts_in_window() -> bool:
    """SQLite: a filtered count looks at a window of the newest rows ("at least N" past it); PostgreSQL plans
    the full filtered count well with its statistics."""
    return connection.vendor == "sqlite"


def has_terms(search_text: str, terms: list[str]) -> bool:
    """Whether a report's stems hold every term as a whole word: what MATCH and @@ answer, for a few rows."""
    words = set(search_text.split())
    return all(term in words for term in terms)


def index_hits(
    check: QuerySet[Report] | None,
    match: str,
    below: int | None,
    limit: int,
    budget: int,
    *,
    skip: set[int] | None = None,
) -> tuple[list[int], int | None]:
    """(up to `limit` FTS5 hits that are also in `check`, newest first; where to resume if the budget ran out).

    Walks the hits newest first in growing chunks and keeps those that pass the other filters (`check`; None
    when the MATCH already expresses every condition). SQLite cannot plan a join driven by FTS5 well (it
    re-runs MATCH per report row, or reads every hit into a temporary table), hence the chunks. Ids in `skip`
    (the urgent reports, listed in their own tier) are passed over.
    """
    found: list[int] = []
    position, scanned, chunk = below, 0, max(2 * limit, 100)
    while True:
        take = min(chunk, budget - scanned, 5000)
        if take <= 0:
            return found, position
        hits = fts_ids(match, below=position, limit=take)
        scanned += len(hits)
        if hits:
            # Status and office are in the MATCH: checking them again here would make SQLite probe the
            # (office, status, id) index once per status and hit instead of once per hit.
            # The ids go in as one JSON parameter: compiling thousands of `IN (%s, ...)` parameters costs the
            # ORM more than SQLite spends on the lookups.
            if check is None:
                keep = set(hits)
            else:
                listed = RawSQL("SELECT value FROM json_each(%s)", [json.dumps(hits)])  # noqa: S611 - constant SQL
                keep = set(check.filter(pk__in=listed).values_list("pk", flat=True))
            if skip:
                keep -= skip
            for pk in hits:
                if pk in keep:
                    found.append(pk)
                    if len(found) == limit:
                        return found, None
            position = hits[-1]
        if len(hits) < take:
            return found, None
        chunk *= 4


def apply_search(qs: QuerySet, query: str) -> QuerySet:
    """Reports matching every stem of `query` as one queryset (exports, counts, PostgreSQL pages).

    The SQLite form (`id IN (all FTS5 hits)`) materialises every hit, so the inbox pages and counts on SQLite
    walk the FTS5 index in chunks instead (inbox.py). An empty query leaves `qs` unchanged.
    """
    terms = query_terms(query)
    if not terms:
        return qs
    if connection.vendor == "postgresql":
        tsquery = "to_tsvector('simple', reports_report.search_text) @@ plainto_tsquery('simple', %s)"
        return qs.extra(where=[tsquery], params=[" ".join(terms)])  # noqa: S610 - constant SQL
    if connection.vendor == "sqlite":
        match = "search_text : (" + " ".join(f'"{term}"' for term in terms) + ")"
        sql = f"reports_report.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"  # noqa: S608
        return qs.extra(where=[sql], params=[match])  # noqa: S610 - constant SQL, query as parameter
    raise NotImplementedError(f"search needs SQLite or PostgreSQL, not {connection.vendor}")
