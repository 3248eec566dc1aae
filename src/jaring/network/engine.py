"""The linking engine: records that share a normalised identifier belong to one cluster.

Pure Python, no Django: `jaring network link` runs it on JSON Lines without a database, and the application
uses the same extraction and stoplist rules (network.services). Built for 1,000,000 records / 3,000,000
identifiers in one process: identifiers become small ints in one dict, record-identifier edges live in two
`array('i')` columns, and clusters come from an array-based union-find (union by size, path halving).
"""

import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jaring.lib.identifiers import (
    KINDS,
    MAX_PER_RECORD,
    Identifier,
    extract,
    is_weak,
    key,
    normalise,
    party_values,
    text_values,
)

STOPLIST_FILE = Path(__file__).resolve().parent / "data" / "stoplist.txt"
# An identifier found in more than this share of all records (and more than MIN_STOP_RECORDS records) is a
# hotline, a portal or a template, not a recruiter: it never links. Both are configurable per run.
MAX_SHARE = 0.001
MIN_STOP_RECORDS = 100


@dataclass
class Stoplist:
    keys: set[str] = field(default_factory=set)
    max_share: float = MAX_SHARE
    min_records: int = MIN_STOP_RECORDS

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[str, str]], **options: float) -> "Stoplist":
        keys = set()
        for kind, raw in entries:
            pairs = normalise(kind, raw) or [(kind, raw.strip())]
            keys.update(key(k, v) for k, v in pairs if k == kind)
        return cls(keys=keys, **options)  # type: ignore[arg-type]

    @classmethod
    def default(cls, extra: Iterable[tuple[str, str]] = (), **options: float) -> "Stoplist":
        return cls.from_entries([*read_stoplist(STOPLIST_FILE), *extra], **options)

    def limit(self, total_records: int) -> int:
        """Highest number of records an identifier may appear in and still link them."""
        return max(self.min_records, int(self.max_share * total_records))

    def links(self, kind: str, value: str) -> bool:
        """False for stoplisted and weak identifiers (one-word names): they are kept but never link."""
        return key(kind, value) not in self.keys and not is_weak(kind, value)


def read_stoplist(path: Path) -> list[tuple[str, str]]:
    """'kind value  # comment' lines; blank lines and comments skipped."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"\s#.*$", "", line).strip()
        if not line or line.startswith("#"):
            continue
        kind, _, value = line.partition(" ")
        if kind in KINDS and value.strip():
            entries.append((kind, value.strip()))
    return entries


class UnionFind:
    """Disjoint sets over 0..n-1 in two int arrays; grows as records are added."""

    def __init__(self) -> None:
        self.parent = array("i")
        self.size = array("i")

    def add(self) -> int:
        index = len(self.parent)
        self.parent.append(index)
        self.size.append(1)
        return index

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> int:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        return ra


@dataclass
class Cluster:
    number: int
    ids: list
    identifiers: list[dict]


class Linker:
    """Collects records, then clusters them with the share rule applied over the whole input.

    `add` keeps only ints per edge; `clusters` counts the records of each identifier, drops the too common,
    and unions the rest. `add_linked` is the incremental path: it links at once (no share rule until the
    next full run). The application links at once too, then splits what an identifier had joined when it
    becomes too common (network.clusters.split): with the same limit, the clusters of `clusters()`.
    """

    def __init__(self, stoplist: Stoplist | None = None) -> None:
        self.stoplist = stoplist if stoplist is not None else Stoplist.default()
        self.ids: list = []
        self.index: dict[str, int] = {}
        self.keys: list[str] = []
        self.edge_record = array("i")
        self.edge_ident = array("i")
        self.first_record = array("i")  # for add_linked: a record already holding the identifier
        self.uf = UnionFind()

    def add_keys(self, record_id: object, keys: Iterable[str]) -> int:
        """Adds one record with its identifier keys; returns its record number."""
        self.add_rows([(record_id, keys)])
        return len(self.ids) - 1

    def add_rows(self, rows: Iterable[tuple[object, Iterable[str]]]) -> None:
        """Adds records as (record_id, keys), with no call per key: the batch adds millions of keys."""
        ids, parent, size = self.ids, self.uf.parent, self.uf.size
        index, known, first_record = self.index, self.keys, self.first_record
        edge_record, edge_ident = self.edge_record, self.edge_ident
        for record_id, keys in rows:
            record = len(parent)
            parent.append(record)
            size.append(1)
            ids.append(record_id)
            for identifier_key in keys:
                number = index.get(identifier_key)
                if number is None:
                    number = index[identifier_key] = len(known)
                    known.append(identifier_key)
                    first_record.append(-1)
                edge_record.append(record)
                edge_ident.append(number)

    def add(self, record_id: object, text: str | None = None, parties: list[dict] | None = None) -> int:
        return self.add_keys(record_id, linking_keys(extract(text, parties), self.stoplist))

    def add_linked(
        self, record_id: object, text: str | None = None, parties: list[dict] | None = None
    ) -> int:
        """Add one record and merge its cluster at once; returns the record's cluster root."""
        record = self.add(record_id, text, parties)
        root = record
        for position in range(len(self.edge_record) - 1, -1, -1):
            if self.edge_record[position] != record:
                break
            ident = self.edge_ident[position]
            other = self.first_record[ident]
            if other < 0:
                self.first_record[ident] = record
            else:
                root = self.uf.union(other, record)
        return self.uf.find(root)

    def record_counts(self) -> array:
        counts = array("i", bytes(4 * len(self.keys)))
        for ident in self.edge_ident:
            counts[ident] += 1
        return counts

    def clusters(self) -> Iterator[Cluster]:
        """Every record in exactly one cluster (singletons too), largest clusters first."""
        counts, groups = self.groups()
        for number, records, idents in groups:
            found = []
            for ident in idents:
                kind, _, value = self.keys[ident].partition("\t")
                found.append({"kind": kind, "value": value, "records": counts[ident]})
            yield Cluster(number, [self.ids[r] for r in records], found)

    def groups(self) -> tuple[array, Iterator[tuple[int, list[int], list[int]]]]:
        """clusters() as numbers: the record count of each identifier, and (cluster number, record indices,
        identifier numbers) in the same order (the batch writes its output from these)."""
        counts = self.record_counts()
        return counts, self._groups(counts)

    def _groups(self, counts: array) -> Iterator[tuple[int, list[int], list[int]]]:
        limit = self.stoplist.limit(len(self.ids))
        first = array("i", [-1]) * len(self.keys)
        uf = self.uf
        union = uf.union
        for record, ident in zip(self.edge_record, self.edge_ident, strict=True):
            if counts[ident] > limit:
                continue
            other = first[ident]
            if other < 0:
                first[ident] = record
            else:
                union(other, record)
        members = _by_root(uf, enumerate(range(len(self.ids))))
        idents = _by_root(uf, ((ident, record) for ident, record in enumerate(first) if record >= 0))
        # Largest first; ties by first record, the order in which members was filled. C-level sort keys, over
        # millions of clusters (reverse=True keeps ties in their order).
        roots = list(members)
        sizes = [len(group) for group in members.values()]
        by_count = counts.__getitem__
        for number, position in enumerate(sorted(range(len(roots)), key=sizes.__getitem__, reverse=True), 1):
            root = roots[position]
            found = idents.get(root, [])
            if len(found) > 1:
                found.sort(key=by_count, reverse=True)
            yield number, members[root], found


def _by_root(uf: UnionFind, items: Iterable[tuple[int, int]]) -> dict[int, list[int]]:
    """(item, record) pairs grouped by the record's root, in the order given. Runs over millions of records:
    find() only when the parent is not already the root, no call per item otherwise."""
    parent, find = uf.parent, uf.find
    groups: dict[int, list[int]] = {}
    for item, record in items:
        root = parent[record]
        if parent[root] != root:
            root = find(record)
        group = groups.get(root)
        if group is None:
            groups[root] = [item]
        else:
            group.append(item)
    return groups


def linking_keys(identifiers: list[Identifier], stoplist: Stoplist) -> set[str]:
    return {key(i.kind, i.value) for i in identifiers if stoplist.links(i.kind, i.value)}


def record_keys(text: str | None, parties: list[dict] | None, stoplist: Stoplist) -> list[str]:
    """linking_keys(extract(text, parties), stoplist), the batch path: the same keys, without an Identifier
    object per structured value (the batch linker needs neither raw text nor spans)."""
    pairs = party_values(parties) if parties else []
    if text:
        pairs.extend(text_values(text))
    stopped = stoplist.keys
    keys = set()
    for kind, value in pairs[:MAX_PER_RECORD]:
        identifier_key = f"{kind}\t{value}"  # key(kind, value), inlined: millions of calls
        if identifier_key not in stopped and (kind != "person" or " " in value):  # is_weak, inlined
            keys.add(identifier_key)
    return sorted(keys)  # sorted: identifier numbers, and so the output's order of ties, do not vary by run
