"""The array engine of `jaring network link` (network.batch) decides what engine.Linker decides: the same
clusters, numbered and ordered the same, with the same identifiers and counts, on generated records with
evasive forms; and equal hashes of different identifiers never join records."""

import io
import json
import random
import subprocess
import sys

import numpy as np
import pytest

from jaring.network import batch, synthetic
from jaring.network.engine import Linker, Stoplist, record_keys


def reference(lines: list[str], stoplist: Stoplist) -> list[dict]:
    """The clusters of engine.Linker, the engine the batch used before the arrays."""
    linker = Linker(stoplist)
    for line in lines:
        try:
            record_id, text, parties = batch.parse_line(line)
        except ValueError:
            continue
        linker.add_keys(record_id, record_keys(text, parties, stoplist))
    return [{"cluster": c.number, "ids": c.ids, "identifiers": c.identifiers} for c in linker.clusters()]


def linked(lines: list[str], stoplist: Stoplist, jobs: int) -> list[dict]:
    out = io.StringIO()
    batch.link(lines, out, stoplist, jobs=jobs)
    return [json.loads(line) for line in out.getvalue().splitlines()]


# Worker processes are forked, as `jaring network link` forks them from its fresh process. The test runner holds
# other threads (browser driver, live servers); a fork taken while one of them holds a lock can leave the child
# waiting on it for ever, so several workers run from a fresh interpreter with the same chunk and block sizes.
FRESH_LINK = """
import sys
from jaring.network import batch
from jaring.network.engine import Stoplist
batch.CHUNK, batch.BLOCK = 500, 700
batch.link(sys.stdin.read().splitlines(), sys.stdout, Stoplist.default(max_share=0.001, min_records=5), jobs=2)
"""


def linked_in_fresh_process(lines: list[str]) -> list[dict]:
    done = subprocess.run(  # noqa: S603 - our own code
        [sys.executable, "-c", FRESH_LINK],
        input="\n".join(lines),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.mark.parametrize("jobs", [1, 2])
def test_same_clusters_as_the_reference_engine_on_generated_records(jobs, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK", 500)  # several chunks, and several formatting blocks below
    monkeypatch.setattr(batch, "BLOCK", 700)
    lines = [
        json.dumps(record, ensure_ascii=False)
        for record, _network in synthetic.records(4000, seed=31, evasive=0.3)
    ]
    lines[10:10] = ["{not json", "", '{"id": 7, "text": "WA 0812-3456-7890 Pak Budi Santoso"}']
    lines.append('{"id": [1], "text": "x"}')
    # A low share limit, so that some identifiers are too common to link (and are not shown).
    stoplist = Stoplist.default(max_share=0.001, min_records=5)
    expected = reference(lines, stoplist)
    assert any(len(c["ids"]) > 3 for c in expected)  # networks were linked
    got = linked(lines, stoplist, 1) if jobs == 1 else linked_in_fresh_process(lines)
    assert got == expected


def test_output_is_the_same_as_the_reference_byte_for_byte_with_unicode_ids_and_values():
    records = [
        {"id": "ü-1", "parties": [{"kind": "person", "value": "Pak Jürgen Müller"}]},
        {"id": 2.5, "text": 'kata Pak Jürgen Müller, "WA" 0812-3456-7890'},
        {"id": True, "text": "0812 3456 7890"},
        {"id": "tab\there", "text": "email a.b@contoh.co.id"},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    stoplist = Stoplist.default()
    out = io.StringIO()
    batch.link(lines, out, stoplist)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    assert out.getvalue() == "".join(dumps(c) + "\n" for c in reference(lines, stoplist))


def test_equal_hashes_of_different_identifiers_get_numbers_of_their_own():
    # Links: keys a, b, a, c, b with hashes that collide (a and b share 5, c shares 5 too).
    values = bytearray(b'"a""b""a""c""b"')
    kinds = bytes([0, 0, 0, 0, 1])  # the last "b" is another kind: another identifier
    starts = np.array([0, 3, 6, 9, 12, 15], dtype=np.int64)
    hashes = np.array([5, 5, 5, 5, 5], dtype=np.int64)
    numbers, firsts = batch._numbered(hashes, kinds, values, starts)
    assert numbers.tolist() == [0, 1, 0, 2, 3]
    assert firsts.tolist() == [0, 1, 3, 4]


def test_components_join_chains_and_leave_the_rest_alone():
    # Records 0-1 share identifier 0, 1-2 share 1, 4-3 share 2; record 5 alone.
    records = np.array([0, 1, 1, 2, 4, 3], dtype=np.int32)
    idents = np.array([0, 0, 1, 1, 2, 2], dtype=np.int32)
    assert batch._components(6, records, idents).tolist() == [0, 0, 0, 3, 3, 5]


@pytest.mark.parametrize("hashed", ["one hash", "by kind and length", "by key"])
def test_numbers_follow_first_appearance_whatever_the_hashes(hashed):
    # Keys of 1 to 30 bytes that differ in one byte (first, middle or last) or only in kind. With one hash for
    # every link, or one per kind and length (each key's bytes are compared with those of a key of its length),
    # hashes collide all the time; by key, only equal keys share one. The numbers must be a dict's, by first
    # appearance, in every case.
    rng = random.Random(hashed)
    base = []
    for size in (1, 2, 7, 8, 9, 15, 16, 17, 30):
        for position in {0, size // 2, size - 1}:
            base += ["x" * size, "x" * position + "y" + "x" * (size - position - 1)]
    base += ["ü" * 5, "0812345678", "0812345679", "1812345678"]
    keys = [(rng.randrange(3), rng.choice(base)) for _ in range(5000)]
    encoded = [value.encode() for _, value in keys]
    values = bytearray(b"".join(encoded))
    starts = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum([len(e) for e in encoded], out=starts[1:])
    hash_of = {
        "one hash": lambda key: 5,
        "by kind and length": lambda key: hash((key[0], len(key[1]))),
        "by key": hash,
    }
    hashes = np.array([hash_of[hashed](key) for key in keys], dtype=np.int64)
    numbers, firsts = batch._numbered(hashes, bytes(kind for kind, _ in keys), values, starts)
    expected: dict[tuple[int, str], int] = {}
    for key in keys:
        expected.setdefault(key, len(expected))
    assert numbers.tolist() == [expected[key] for key in keys]
    assert firsts.tolist() == [keys.index(key) for key in expected]
