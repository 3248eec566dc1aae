"""`jaring gen_network --pairs/--evasive` and the linker on them: evasive pairs link, no wrong number is read."""

import json

import pytest
from django.core.management import CommandError, call_command

from jaring.lib.identifiers import read
from jaring.network import synthetic


def test_pairs_of_plain_and_evasive_records_link_through_the_batch_linker(tmp_path):
    records = tmp_path / "pairs.jsonl"
    call_command("gen_network", "--pairs", "400", "--seed", "77", "--out", str(records))
    truth = [json.loads(line) for line in records.with_suffix(".truth.jsonl").read_text().splitlines()]
    assert len(truth) == 400 and {t["form"] for t in truth} >= {"spelled_id", "letters", "keycap", "star"}
    out = tmp_path / "clusters.jsonl"
    call_command("network", "link", str(records), "--out", str(out), "--jobs", "1")
    cluster_of = {}
    for line in out.read_text().splitlines():
        cluster = json.loads(line)
        cluster_of.update(dict.fromkeys(cluster["ids"], cluster["cluster"]))
    linked = sum(cluster_of[f"p{t['pair']}"] == cluster_of[f"e{t['pair']}"] for t in truth)
    assert linked >= 0.95 * len(truth)
    evasive = {json.loads(line)["id"]: json.loads(line) for line in records.read_text().splitlines()}
    for fact in truth:
        record = evasive[f"e{fact['pair']}"]
        values = {i.value.split(":")[-1].lstrip("@") for i in read(record["text"], record["parties"])
                  if i.kind in ("phone", "account", "handle")}  # fmt: skip
        assert values <= {fact["value"].split(":")[-1].lstrip("@")}, (record, values)


def test_evasive_share_rewrites_only_contacts_and_keeps_the_truth(tmp_path):
    plain = list(synthetic.records(2000, seed=5))
    evasive = list(synthetic.records(2000, seed=5, evasive=0.5))
    assert [network for _, network in plain] == [network for _, network in evasive]
    changed = [b for (a, _), (b, _) in zip(plain, evasive, strict=True) if a != b]
    assert len(changed) > 300
    assert all(a["id"] == b["id"] for (a, _), (b, _) in zip(plain, evasive, strict=True))


def test_gen_network_needs_records_or_pairs(tmp_path):
    with pytest.raises(CommandError, match="--records N or --pairs N"):
        call_command("gen_network", "--out", str(tmp_path / "x.jsonl"))
    with pytest.raises(CommandError, match="share between 0 and 1"):
        call_command("gen_network", "--records", "10", "--evasive", "2", "--out", str(tmp_path / "x.jsonl"))
