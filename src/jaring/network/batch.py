"""`jaring network link IN.jsonl --out OUT.jsonl`: the engine over JSON Lines, without a database.

IN: one record a line, `{"id": ..., "text": "...", "parties": [{"kind": ..., "value": ...}]}` (text and
parties optional). OUT: one cluster a line, `{"cluster": n, "ids": [...], "identifiers": [{"kind", "value",
"records"}]}`, covering every input id. Malformed lines are reported with their line number and skipped.
"""

import gc
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice, repeat
from typing import TextIO

from jaring.network.engine import Linker, Stoplist, record_keys

MAX_REPORTED = 100  # malformed lines printed one by one; beyond that only counted


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


def _keyed(chunk: tuple[int, list[str]], stoplist: Stoplist) -> tuple[list[tuple], list[str]]:
    """Parse and extract one chunk (number of its first line, lines): ((id, keys) rows, problems)."""
    rows, problems = [], []
    first, lines = chunk
    for number, line in enumerate(lines, start=first):
        if not line or line.isspace():  # not line.strip(), without copying every line
            continue
        try:
            record_id, text, parties = parse_line(line)
        except ValueError as exc:
            problems.append(f"line {number}: {exc}")
            continue
        rows.append((record_id, record_keys(text, parties, stoplist)))
    return rows, problems


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


def _worker(chunk: tuple[int, list[str]]) -> tuple[list[tuple], list[str]]:
    assert _worker_stoplist is not None
    return _keyed(chunk, _worker_stoplist)


def _extracted(
    lines: Iterable[str], stoplist: Stoplist, jobs: int
) -> Iterator[tuple[list[tuple], list[str]]]:
    """Extraction is the costly part and independent per record: with jobs > 1 it runs in worker processes
    (fork), in input order, while this process links."""
    if jobs <= 1:
        for chunk in _chunks(lines, CHUNK):
            yield _keyed(chunk, stoplist)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=_worker_init, initargs=(stoplist,)) as pool:
        yield from pool.imap(_worker, _chunks(lines, CHUNK), chunksize=1)


CHUNK = 2000


def link(lines: Iterable[str], out: TextIO, stoplist: Stoplist | None = None, jobs: int = 1) -> LinkResult:
    # The cyclic garbage collector is off for the run: the records, keys and clusters hold no reference
    # cycles (reference counting frees them), and its collections rescanned the millions of objects still
    # alive, which took about half of this process's time at 1M records.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _link(lines, out, stoplist, jobs)
    finally:
        if collecting:
            gc.enable()


def _link(lines: Iterable[str], out: TextIO, stoplist: Stoplist | None, jobs: int) -> LinkResult:
    result = LinkResult()
    linker = Linker(stoplist)
    for rows, problems in _extracted(lines, linker.stoplist, jobs):
        result.malformed += len(problems)
        result.problems.extend(problems[: max(0, MAX_REPORTED - len(result.problems))])
        linker.add_rows(rows)
    result.records = len(linker.ids)
    result.identifiers = len(linker.edge_record)
    result.clusters = _write_clusters(linker, out)
    return result


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_string = json.encoder.encode_basestring  # what _dumps writes for a str, without its per-call set-up


def _write_clusters(linker: Linker, out: TextIO) -> int:
    """One line a cluster, the text _dumps({"cluster", "ids", "identifiers"}) gives, assembled from the parts:
    one encoder call a cluster took about a third of this process's time."""
    counts, groups = linker.groups()
    ids, keys = linker.ids, linker.keys
    written = 0
    lines: list[str] = []  # written a thousand at a time: fewer calls into the file object
    for number, records, idents in groups:
        found = []
        for ident in idents:
            kind, _, value = keys[ident].partition("\t")
            found.append(f'{{"kind":{_string(kind)},"value":{_string(value)},"records":{counts[ident]}}}')
        record_ids = ",".join(
            [_string(i) if type(i) is str else _dumps(i) for i in map(ids.__getitem__, records)]
        )
        lines.append(f'{{"cluster":{number},"ids":[{record_ids}],"identifiers":[{",".join(found)}]}}\n')
        written += 1
        if len(lines) == 1000:
            out.write("".join(lines))
            lines.clear()
    out.write("".join(lines))
    return written
