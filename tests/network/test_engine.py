"""The linking engine without a database: clusters, stoplist, share rule, incremental merges."""

import io
import json

from jaring.lib import phones
from jaring.network import batch
from jaring.network.engine import Linker, Stoplist, UnionFind


def run(records: list[dict], stoplist: Stoplist | None = None) -> list[dict]:
    out = io.StringIO()
    batch.link([json.dumps(r) for r in records], out, stoplist)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def clusters_of(output: list[dict]) -> set[frozenset]:
    return {frozenset(c["ids"]) for c in output}


def test_records_sharing_a_phone_in_different_writings_form_one_cluster():
    output = run([
        {"id": 1, "text": "hubungi 0812-3456-7890"},
        {"id": 2, "parties": [{"kind": "phone", "value": "+62 812 3456 7890"}]},
        {"id": 3, "text": "wa.me/6281234567890"},
        {"id": 4, "text": "tidak ada identitas"},
    ])  # fmt: skip
    assert clusters_of(output) == {frozenset({1, 2, 3}), frozenset({4})}
    phone = next(i for i in output[0]["identifiers"] if i["kind"] == "phone")
    assert phone == {"kind": "phone", "value": "+6281234567890", "records": 3}


def test_links_are_transitive_through_different_identifiers():
    output = run([
        {"id": "a", "parties": [{"kind": "phone", "value": "081234567890"}]},
        {"id": "b", "parties": [{"kind": "phone", "value": "081234567890"}, {"kind": "account", "value": "BCA 1234567890"}]},
        {"id": "c", "text": "transfer BCA 123-456-7890"},
    ])  # fmt: skip
    assert clusters_of(output) == {frozenset({"a", "b", "c"})}


def test_office_hotline_and_bp2mi_never_link():
    output = run([
        {"id": 1, "text": "saya lapor ke 0811-7002-019 dan BP2MI 0800-1000"},
        {"id": 2, "text": "hotline imigrasi 0811 7002 019"},
    ])  # fmt: skip
    assert clusters_of(output) == {frozenset({1}), frozenset({2})}


def test_company_legal_form_alone_never_links():
    output = run([{"id": 1, "parties": [{"kind": "company", "value": "PT"}]},
                  {"id": 2, "parties": [{"kind": "company", "value": "PT."}]}])  # fmt: skip
    assert len(output) == 2


def test_one_word_person_names_do_not_link_but_full_names_do():
    output = run([
        {"id": 1, "text": "kata Pak Budi"}, {"id": 2, "text": "kata Pak Budi"},
        {"id": 3, "text": "kata Pak Rudi Hartono"}, {"id": 4, "parties": [{"kind": "person", "value": "Bang Rudi Hartono"}]},
    ])  # fmt: skip
    assert clusters_of(output) == {frozenset({1}), frozenset({2}), frozenset({3, 4})}


def test_identifier_in_more_than_the_allowed_share_of_records_never_links():
    common = [{"id": i, "parties": [{"kind": "phone", "value": "0812-0000-1111"}]} for i in range(6)]
    pair = [{"id": "x", "text": "BCA 1234567890"}, {"id": "y", "text": "BCA 1234567890"}]
    strict = Stoplist.default(max_share=0.5, min_records=3)  # 6 of 8 records > max(3, 4)
    assert clusters_of(run(common + pair, strict)) == {frozenset({i}) for i in range(6)} | {
        frozenset({"x", "y"})
    }
    assert frozenset(range(6)) in clusters_of(run(common + pair, Stoplist.default()))


def test_stoplist_is_editable():
    records = [{"id": 1, "text": "0812-3456-7890"}, {"id": 2, "text": "0812 3456 7890"}]
    stop = Stoplist.default([("phone", "+62 812-3456-7890")])
    assert len(run(records, stop)) == 2


def test_every_input_id_is_in_the_output_once_singletons_included():
    records = [{"id": i, "text": f"nomor 0812-3456-{i:04d}"} for i in range(50)]
    output = run(records)
    ids = [i for c in output for i in c["ids"]]
    assert sorted(ids) == list(range(50))
    assert [c["cluster"] for c in output] == list(range(1, 51))


def test_incremental_add_joins_and_merges_clusters():
    linker = Linker()
    a = linker.add_linked("a", parties=[{"kind": "phone", "value": "081234567890"}])
    b = linker.add_linked("b", parties=[{"kind": "account", "value": "BCA 1234567890"}])
    assert a != b
    c = linker.add_linked("c", text="WA 0812-3456-7890, transfer BCA 1234567890")
    assert linker.uf.find(0) == linker.uf.find(1) == c
    d = linker.add_linked("d", text="0812 3456 7890")
    assert d == c


def test_union_find_by_size():
    uf = UnionFind()
    for _ in range(5):
        uf.add()
    uf.union(0, 1)
    uf.union(2, 3)
    uf.union(1, 3)
    assert len({uf.find(i) for i in range(4)}) == 1
    assert uf.find(4) == 4


def test_fast_phone_path_agrees_with_the_full_parse():
    import random

    rnd = random.Random(5)
    prefixes = ["08", "01", "021", "+62", "62", "0062", "+60", "60", "+65", "65", "8", "9", "3", "", "+620"]
    samples = [rnd.choice(prefixes) + "".join(rnd.choice("0123456789") for _ in range(rnd.randint(4, 13)))
               for _ in range(3000)]  # fmt: skip
    full = phones.normalise_phone.__wrapped__
    fast_path = phones._fast_e164
    try:
        phones._fast_e164 = lambda digits, region: None
        expected = [full(s) for s in samples]
    finally:
        phones._fast_e164 = fast_path
    assert [full(s) for s in samples] == expected
    assert sum(1 for e in expected if e) > 300  # the sample holds many valid numbers, not only rejects
