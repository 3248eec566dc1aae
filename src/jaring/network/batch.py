"""`jaring network link IN.jsonl --out OUT.jsonl`: the engine over JSON Lines, without a database.

IN: one record a line, `{"id": ..., "text": "...", "parties": [{"kind": ..., "value": ...}]}` (text and
parties optional). OUT: one cluster a line, `{"cluster": n, "ids": [...], "identifiers": [{"kind", "value",
"records"}]}`, covering every input id. Malformed lines are reported with their line number and skipped.
"""

import gc
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
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


def parse_line(line: str) -> tuple[object, str | None, list[dict] | None]:
    """The record of one line, or ValueError with a short reason."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    if "id" not in record or record["id"] is None or isinstance(record["id"], dict | list):
        raise ValueError('missing or invalid "id"')
    text, parties = record.get("text"), record.get("parties")
    if text is not None and not isinstance(text, str):
        raise ValueError('"text" must be a string')
    if parties is not None and not (isinstance(parties, list) and all(isinstance(p, dict) for p in parties)):
        raise ValueError('"parties" must be a list of {"kind", "value"} objects')
    return record["id"], text, parties


def _keyed(numbered: list[tuple[int, str]], stoplist: Stoplist) -> tuple[list[tuple], list[str]]:
    """Parse and extract one chunk of (line number, line): ((id, keys) rows, problems)."""
    rows, problems = [], []
    for number, line in numbered:
        if not line.strip():
            continue
        try:
            record_id, text, parties = parse_line(line)
        except ValueError as exc:
            problems.append(f"line {number}: {exc}")
            continue
        rows.append((record_id, record_keys(text, parties, stoplist)))
    return rows, problems


def _chunks(lines: Iterable[str], size: int) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        chunk.append((number, line))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_worker_stoplist: Stoplist | None = None


def _worker_init(stoplist: Stoplist) -> None:
    global _worker_stoplist
    _worker_stoplist = stoplist
    gc.disable()  # see link(): no reference cycles here, and collections would only rescan the caches


def _worker(numbered: list[tuple[int, str]]) -> tuple[list[tuple], list[str]]:
    assert _worker_stoplist is not None
    return _keyed(numbered, _worker_stoplist)


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
        for record_id, keys in rows:
            linker.add_keys(record_id, keys)
    result.records = len(linker.ids)
    result.identifiers = len(linker.edge_record)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for cluster in linker.clusters():
        out.write(dumps({"cluster": cluster.number, "ids": cluster.ids, "identifiers": cluster.identifiers}))
        out.write("\n")
        result.clusters += 1
    return result
