"""`jaring network link IN.jsonl --out OUT.jsonl`: the engine over JSON Lines, without a database.

IN: one record a line, `{"id": ..., "text": "...", "parties": [{"kind": ..., "value": ...}]}` (text and
parties optional). OUT: one cluster a line, `{"cluster": n, "ids": [...], "identifiers": [{"kind", "value",
"records"}]}`, covering every input id. Malformed lines are reported with their line number and skipped.

Built for 10,000,000 records (about 29 million record-identifier links) in 4 GB: worker processes read the
records (the costly part) and send back compact columns, the identifier's 64-bit hash, kind code and
JSON-encoded value per link, the JSON-encoded id per record; this process keeps them in numpy arrays and byte
blobs (no Python object per identifier), numbers identifiers by first appearance, checks that equal hashes
are equal identifiers (a collision is split off exactly), and joins records with a vectorised union-find.
The clusters are those of engine.Linker (tests/network/test_batch_engine.py compares the two).
"""

import gc
import json
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice, repeat
from operator import itemgetter
from typing import TextIO

import numpy as np

from jaring.lib.identifiers import KINDS
from jaring.network.engine import Stoplist, record_keys

MAX_REPORTED = 100  # malformed lines printed one by one; beyond that only counted
PROGRESS_EVERY = 1_000_000  # records between two progress lines (10M records take a few minutes)
CHUNK = 4000  # lines a worker reads at a time
KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}


@dataclass
class LinkResult:
    records: int = 0
    identifiers: int = 0  # record-identifier links (distinct per record) that can link
    clusters: int = 0
    malformed: int = 0
    problems: list[str] = field(default_factory=list)


_scan_json = json.JSONDecoder().scan_once  # the C scanner of json.loads (same defaults), without its wrappers


def _load(line: str) -> object:
    """json.loads(line). A line holding one object and a line end is scanned directly: a third fewer
    instructions, about 1 us a record. Any other line, valid or not, takes json.loads itself, so values and
    error messages stay its own."""
    if line[:1] == "{":
        try:
            record, end = _scan_json(line, 0)
        except (StopIteration, ValueError):
            return json.loads(line)
        if end == len(line) or line[end:] in ("\n", "\r\n"):
            return record
    return json.loads(line)


def parse_line(line: str) -> tuple[object, str | None, list[dict] | None]:
    """The record of one line, or ValueError with a short reason."""
    try:
        record = _load(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    record_id = record.get("id")
    if record_id is None or isinstance(record_id, (dict, list)):  # a tuple: no union type built per call
        raise ValueError('missing or invalid "id"')
    text, parties = record.get("text"), record.get("parties")
    if text is not None and not isinstance(text, str):
        raise ValueError('"text" must be a string')
    if parties is not None and not (
        isinstance(parties, list) and all(map(isinstance, parties, repeat(dict)))
    ):
        raise ValueError('"parties" must be a list of {"kind", "value"} objects')
    return record_id, text, parties


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_string = json.encoder.encode_basestring  # what _dumps writes for a str, without its per-call set-up


@dataclass
class Columns:
    """One chunk's records as compact columns (cheap to send between processes)."""

    records: int
    problems: list[str]
    ids: bytes  # JSON-encoded ids, UTF-8, back to back
    id_lengths: bytes  # array("I")
    key_counts: bytes  # array("H"): links of each record (at most MAX_PER_RECORD)
    hashes: bytes  # array("q"): hash of each link's "kind\tvalue" key
    kinds: bytes  # one KIND_CODE a link
    values: bytes  # JSON-encoded values, UTF-8, back to back
    value_lengths: bytes  # array("I")


def _columns(chunk: tuple[int, list[str]], stoplist: Stoplist) -> Columns:
    """Parse and extract one chunk (number of its first line, lines)."""
    problems: list[str] = []
    ids: list[str] = []
    key_counts = array("H")
    keys: list[str] = []
    first, lines = chunk
    for number, line in enumerate(lines, start=first):
        if not line or line.isspace():  # not line.strip(), without copying every line
            continue
        try:
            record_id, text, parties = parse_line(line)
        except ValueError as exc:
            problems.append(f"line {number}: {exc}")
            continue
        ids.append(_string(record_id) if type(record_id) is str else _dumps(record_id))
        found = record_keys(text, parties, stoplist)
        key_counts.append(len(found))
        keys += found
    # Per key, in C-level maps (no Python loop): hash(str) is SipHash, 64 bits, the same in this process and
    # the workers it forks (one seed a run); equal hashes of different keys are split by _numbered.
    parts = list(map(str.partition, keys, repeat("\t")))
    values = list(map(_string, map(itemgetter(2), parts)))
    value_blob, value_lengths = _blob(values)
    id_blob, id_lengths = _blob(ids)
    return Columns(
        records=len(ids),
        problems=problems,
        ids=id_blob,
        id_lengths=id_lengths,
        key_counts=key_counts.tobytes(),
        hashes=array("q", map(hash, keys)).tobytes(),
        kinds=bytes(map(KIND_CODE.__getitem__, map(itemgetter(0), parts))),
        values=value_blob,
        value_lengths=value_lengths,
    )


def _blob(texts: list[str]) -> tuple[bytes, bytes]:
    """Texts back to back in UTF-8, and their lengths in bytes (array("I"))."""
    joined = "".join(texts)
    if joined.isascii():  # one encode for the chunk: lengths in characters are lengths in bytes
        return joined.encode(), array("I", map(len, texts)).tobytes()
    encoded = [text.encode() for text in texts]
    return b"".join(encoded), array("I", map(len, encoded)).tobytes()


def _chunks(lines: Iterable[str], size: int) -> Iterator[tuple[int, list[str]]]:
    """(number of the first line, up to size lines): plain lists of lines are cut in C and pickled fast."""
    remaining = iter(lines)
    first = 1
    while chunk := list(islice(remaining, size)):
        yield first, chunk
        first += len(chunk)


_worker_stoplist: Stoplist | None = None


def _worker_init(stoplist: Stoplist) -> None:
    global _worker_stoplist
    _worker_stoplist = stoplist
    gc.disable()  # see link(): no reference cycles here, and collections would only rescan the caches


def _worker(chunk: tuple[int, list[str]]) -> Columns:
    assert _worker_stoplist is not None
    return _columns(chunk, _worker_stoplist)


def _extracted(lines: Iterable[str], stoplist: Stoplist, jobs: int) -> Iterator[Columns]:
    """Extraction is the costly part and independent per record: with jobs > 1 it runs in worker processes
    (fork, so that hash() agrees with this process), in input order, while this process stores."""
    if jobs <= 1:
        for chunk in _chunks(lines, CHUNK):
            yield _columns(chunk, stoplist)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_worker_init, initargs=(stoplist,)) as pool:
        yield from pool.imap(_worker, _chunks(lines, CHUNK), chunksize=1)


def link(
    lines: Iterable[str],
    out: TextIO,
    stoplist: Stoplist | None = None,
    jobs: int = 1,
    progress: Callable[[str], object] | None = None,
) -> LinkResult:
    """progress, if given, is called with a line of text every PROGRESS_EVERY records read and at each
    phase, so that a long run can be followed."""
    # The cyclic garbage collector is off for the run: nothing here holds reference cycles, and collections
    # would rescan every object still alive.
    collecting = gc.isenabled()
    gc.disable()
    try:
        stoplist = stoplist if stoplist is not None else Stoplist.default()
        return _link(lines, out, stoplist, jobs, progress or (lambda line: None))
    finally:
        if collecting:
            gc.enable()


class _Store:
    """Every chunk's columns appended to growing byte buffers (amortised, no copy per chunk)."""

    def __init__(self) -> None:
        self.records = 0
        self.ids, self.id_lengths, self.key_counts = bytearray(), bytearray(), bytearray()
        self.hashes, self.kinds, self.values, self.value_lengths = (bytearray() for _ in range(4))

    def add(self, columns: Columns) -> None:
        self.records += columns.records
        self.ids += columns.ids
        self.id_lengths += columns.id_lengths
        self.key_counts += columns.key_counts
        self.hashes += columns.hashes
        self.kinds += columns.kinds
        self.values += columns.values
        self.value_lengths += columns.value_lengths


def _link(
    lines: Iterable[str], out: TextIO, stoplist: Stoplist, jobs: int, progress: Callable[[str], object]
) -> LinkResult:
    result = LinkResult()
    store = _Store()
    reported = 0
    for columns in _extracted(lines, stoplist, jobs):
        result.malformed += len(columns.problems)
        result.problems.extend(columns.problems[: max(0, MAX_REPORTED - len(result.problems))])
        store.add(columns)
        if store.records - reported >= PROGRESS_EVERY:
            reported = store.records - store.records % PROGRESS_EVERY
            progress(f"{store.records:,} records read")
    result.records = store.records
    result.identifiers = len(store.kinds)
    progress(f"{result.records:,} records read; linking {result.identifiers:,} identifiers")
    plan = _plan(store, stoplist.limit(store.records))
    del store
    result.clusters = len(plan.cluster_sizes)
    progress(f"writing {result.clusters:,} clusters")
    _write(plan, out, jobs)
    return result


def _offsets(lengths: np.ndarray) -> np.ndarray:
    """Start of each item in a blob of items back to back, plus the end: len(lengths) + 1 int64."""
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return offsets


def _numbered(
    hashes: np.ndarray, kinds: bytes | bytearray, values: bytearray, value_starts: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Identifier number of each link, and the first link of each identifier: equal keys get one number,
    numbered in order of first appearance (as engine.Linker numbers them). Links are grouped by hash, and
    every link is compared byte for byte with the first link of its group: a different key in the same group
    (a collision of the bits compared, a few hundred keys of 21 million at 10 million records) gets a number
    of its own. Hashes never join records by themselves."""
    links = len(hashes)
    if not links:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int64)
    # Sorted as one int64 each: the hash with its low bits replaced by the link number, so that a plain sort
    # (SIMD, no index shuffling: several times faster than argsort) groups a hash's links lowest first. Keys
    # equal in the remaining bits (39 of them at 29 million links) are told apart by the byte check below.
    bits = max(1, (links - 1).bit_length())
    low = (1 << bits) - 1
    packed = np.bitwise_and(hashes, ~low)
    packed |= np.arange(links, dtype=np.int64)
    packed.sort()
    order = packed & low
    packed >>= bits
    starts = np.empty(links, dtype=bool)
    starts[0] = True
    np.not_equal(packed[1:], packed[:-1], out=starts[1:])
    del packed
    firsts = order[starts]  # first link of each group
    group = np.cumsum(starts, dtype=np.int64) - 1  # group of each position in sorted order
    group_of_link = np.empty(links, dtype=np.int64)
    group_of_link[order] = group
    repeats, heads = order[~starts], firsts[group[~starts]]
    del order, starts, group
    collided = repeats[_differ(repeats, heads, kinds, values, value_starts)]
    del repeats, heads
    # A collision: the key gets a number of its own, shared by its equals. A group's links are in input order,
    # so the number's first link is the key's first appearance (numbers are ranked by that below).
    numbers: dict[tuple[int, int, bytes], int] = {}
    extra_firsts: list[int] = []
    for link in collided.tolist():
        value = bytes(values[value_starts[link] : value_starts[link + 1]])
        key = (int(group_of_link[link]), kinds[link], value)
        if key not in numbers:
            numbers[key] = len(firsts) + len(extra_firsts)
            extra_firsts.append(link)
        group_of_link[link] = numbers[key]
    if extra_firsts:
        firsts = np.concatenate((firsts, np.array(extra_firsts, dtype=firsts.dtype)))
    # Numbers by first appearance: first links are distinct link numbers, so their rank is a running count.
    is_first = np.zeros(links, dtype=bool)
    is_first[firsts] = True
    rank = (np.cumsum(is_first, dtype=np.int32) - 1)[firsts]
    return rank[group_of_link], np.flatnonzero(is_first)


PAIRS_COMPARED = 1 << 18  # link pairs compared at a time (a few tens of MB of indexes)
_LOW_BYTES = np.array([(1 << 8 * n) - 1 for n in range(9)], dtype=np.uint64)  # mask of the first n bytes


def _differ(
    links: np.ndarray,
    heads: np.ndarray,
    kinds: bytes | bytearray,
    values: bytearray,
    value_starts: np.ndarray,
) -> np.ndarray:
    """Whether the key of each link differs from the key of its head link: kind, length, then the value's
    bytes, compared 8 at a time in arrays (values padded with 8 spare bytes, as _plan leaves them, are read
    in place; others are copied once)."""
    kind = np.frombuffer(kinds, dtype=np.uint8)
    differ = kind[links] != kind[heads]
    link_starts, head_starts = value_starts[links], value_starts[heads]
    sizes = value_starts[links + 1] - link_starts
    differ |= sizes != value_starts[heads + 1] - head_starts
    if len(values) < value_starts[-1] + 8:
        values = values + bytes(8)
    # The little-endian word of the 8 bytes at every offset (overlapping items over the same buffer).
    words = np.ndarray((len(values) - 7,), dtype="<u8", buffer=values, strides=(1,))
    same_size = np.flatnonzero(~differ)
    for at in range(0, len(same_size), PAIRS_COMPARED):
        pairs = same_size[at : at + PAIRS_COMPARED]
        size = sizes[pairs]
        count = (size + 7) >> 3  # words of each value
        pair_of_word = np.repeat(np.arange(len(pairs)), count)
        offset = (np.arange(len(pair_of_word)) - np.repeat(np.cumsum(count) - count, count)) << 3
        left = np.minimum(size[pair_of_word] - offset, 8)  # bytes of the value in this word
        unequal = (
            words[link_starts[pairs][pair_of_word] + offset]
            ^ words[head_starts[pairs][pair_of_word] + offset]
        )
        unequal &= _LOW_BYTES[left]
        differ[pairs[pair_of_word[unequal != 0]]] = True
    return differ


def _components(records: int, edge_record: np.ndarray, edge_ident: np.ndarray) -> np.ndarray:
    """Connected components of records joined by shared identifiers: the label of each record is the first
    (lowest) record of its cluster. Hook-and-jump union-find over arrays: each round hooks the root of every
    record to the lowest root among the records of its identifiers, then halves paths until every record
    points at its root; a handful of rounds even for chains."""
    label = np.arange(records, dtype=np.int32)
    if not len(edge_record):
        return label
    order = np.argsort(edge_ident, kind="stable")
    edge_record = edge_record[order]
    ident = edge_ident[order]
    del order
    starts = np.flatnonzero(np.concatenate(([True], ident[1:] != ident[:-1])))
    sizes = np.diff(np.append(starts, len(ident)))
    del ident
    while True:
        current = label[edge_record]
        lowest = np.repeat(np.minimum.reduceat(current, starts), sizes)
        moved = lowest < current
        if not moved.any():
            return label
        np.minimum.at(label, current[moved], lowest[moved])  # current values are roots: hook them
        while True:
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped


@dataclass
class _Plan:
    """What the output needs, in output order: clusters (sizes), their records and their identifiers."""

    cluster_sizes: np.ndarray  # records of each cluster, in output order
    ident_counts: np.ndarray  # identifiers shown by each cluster
    record_order: np.ndarray  # record numbers, cluster by cluster
    ids: bytearray
    id_starts: np.ndarray
    ident_order: np.ndarray  # link positions (first appearance) of the identifiers shown, cluster by cluster
    ident_records: np.ndarray  # record count of each identifier shown, same order
    kinds: bytes
    values: bytearray
    value_starts: np.ndarray


def _plan(store: _Store, limit: int) -> _Plan:
    kinds = bytes(store.kinds)
    store.values += bytes(8)  # spare bytes after the last value: _differ reads values 8 bytes at a time
    value_starts = _offsets(np.frombuffer(store.value_lengths, dtype=np.uint32))
    store.value_lengths = bytearray()
    ident, first_link = _numbered(
        np.frombuffer(store.hashes, dtype=np.int64), kinds, store.values, value_starts
    )
    store.hashes = bytearray()
    edge_record = np.repeat(
        np.arange(store.records, dtype=np.int32), np.frombuffer(store.key_counts, dtype=np.uint16)
    )
    counts = np.bincount(ident)  # records of each identifier (keys are distinct within a record)
    linking = counts[ident]
    linking = (linking >= 2) & (linking <= limit)  # one-record identifiers join nothing
    label = _components(store.records, edge_record[linking], ident[linking])
    del linking, ident
    # Clusters largest first, ties by first record (the label); records in input order within a cluster.
    sizes = np.bincount(label, minlength=store.records)
    roots = np.flatnonzero(sizes)
    cluster_order = np.lexsort((roots, -sizes[roots]))
    rank = np.empty(store.records, dtype=np.int64)
    rank[roots[cluster_order]] = np.arange(len(roots))
    record_rank = rank[label]
    del rank, label
    record_order = np.argsort(record_rank, kind="stable")
    # Identifiers shown: those that can link (not too common), with their cluster; in a cluster by record
    # count (highest first), ties by first appearance.
    shown = np.flatnonzero(counts <= limit)
    shown_rank = record_rank[edge_record[first_link[shown]]]
    ordered = np.lexsort((shown, -counts[shown], shown_rank))
    return _Plan(
        cluster_sizes=sizes[roots[cluster_order]],
        ident_counts=np.bincount(shown_rank, minlength=len(roots)),
        record_order=record_order,
        ids=store.ids,
        id_starts=_offsets(np.frombuffer(store.id_lengths, dtype=np.uint32)),
        ident_order=first_link[shown[ordered]],
        ident_records=counts[shown[ordered]],
        kinds=kinds,
        values=store.values,
        value_starts=value_starts,
    )


_KIND_TEXT = [f'{{"kind":{_string(kind)},"value":'.encode() for kind in KINDS]
BLOCK = 50_000  # clusters a formatting task writes


def _blocks(plan: _Plan) -> list[tuple[int, int, int, int]]:
    """(first cluster, end, first record position, first identifier position) of each block."""
    record_starts = _offsets(plan.cluster_sizes)
    ident_starts = _offsets(plan.ident_counts)
    clusters = len(plan.cluster_sizes)
    return [
        (start, min(start + BLOCK, clusters), int(record_starts[start]), int(ident_starts[start]))
        for start in range(0, clusters, BLOCK)
    ]


def _format(plan: _Plan, block: tuple[int, int, int, int]) -> bytes:
    """The output lines of clusters [start, end), as bytes."""
    start, end, record_at, ident_at = block
    ids, values, kinds = plan.ids, plan.values, plan.kinds
    id_starts, value_starts = memoryview(plan.id_starts), memoryview(plan.value_starts)
    sizes = plan.cluster_sizes[start:end].tolist()
    ident_counts = plan.ident_counts[start:end].tolist()
    records = plan.record_order[record_at : record_at + sum(sizes)].tolist()
    total_idents = sum(ident_counts)
    links = plan.ident_order[ident_at : ident_at + total_idents].tolist()
    counts = plan.ident_records[ident_at : ident_at + total_idents].tolist()
    lines = []
    r = i = 0
    for number, size, shown in zip(range(start + 1, end + 1), sizes, ident_counts, strict=True):
        record_ids = b",".join([ids[id_starts[x] : id_starts[x + 1]] for x in records[r : r + size]])
        found = b",".join(
            [
                b'%s%s,"records":%d}'
                % (_KIND_TEXT[kinds[x]], values[value_starts[x] : value_starts[x + 1]], n)
                for x, n in zip(links[i : i + shown], counts[i : i + shown], strict=True)
            ]
        )
        lines.append(b'{"cluster":%d,"ids":[%s],"identifiers":[%s]}\n' % (number, record_ids, found))
        r += size
        i += shown
    return b"".join(lines)


_worker_plan: _Plan | None = None


def _format_worker(block: tuple[int, int, int, int]) -> bytes:
    assert _worker_plan is not None
    return _format(_worker_plan, block)


def _write(plan: _Plan, out: TextIO, jobs: int) -> None:
    """Formatting is a Python loop over every record and identifier: with jobs > 1 worker processes (forked
    after the plan, so they share its arrays) format blocks of clusters, written here in order."""
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()

    def emit(data: bytes) -> None:
        if buffer is not None:
            buffer.write(data)
        else:
            out.write(data.decode())

    blocks = _blocks(plan)
    if jobs <= 1 or len(blocks) <= 1:
        for block in blocks:
            emit(_format(plan, block))
        return
    import multiprocessing

    global _worker_plan
    _worker_plan = plan
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for data in pool.imap(_format_worker, blocks):
                emit(data)
    finally:
        _worker_plan = None
