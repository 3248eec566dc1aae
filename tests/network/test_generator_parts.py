"""`jaring gen_network --parts N`: a large file written as parts in parallel, parts numbered apart."""

import json
import re

from django.core.management import call_command


def test_parts_number_records_and_networks_apart_and_one_part_is_the_plain_file(tmp_path):
    whole, parted, single = tmp_path / "whole.jsonl", tmp_path / "parted.jsonl", tmp_path / "single.jsonl"
    call_command("gen_network", "--records", "900", "--seed", "4", "--evasive", "0.1", "--out", str(whole))
    call_command("gen_network", "--records", "900", "--seed", "4", "--evasive", "0.1", "--parts", "1",
                 "--out", str(single))  # fmt: skip
    assert single.read_bytes() == whole.read_bytes()

    call_command("gen_network", "--records", "900", "--seed", "4", "--evasive", "0.1", "--parts", "3",
                 "--out", str(parted))  # fmt: skip
    records = [json.loads(line) for line in parted.read_text().splitlines()]
    truth = [json.loads(line) for line in parted.with_suffix(".truth.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == [f"r{i}" for i in range(1, 901)]
    assert [t["id"] for t in truth] == [r["id"] for r in records]
    assert not list(tmp_path.glob("*.part*"))  # the parts are appended and removed
    # Each network lies within one part (300 records each), and parts differ from each other.
    part_of: dict[str, set[int]] = {}
    for number, row in enumerate(truth):
        part_of.setdefault(row["network"], set()).add(number // 300)
    assert all(len(parts) == 1 for parts in part_of.values())
    assert len({name for name, parts in part_of.items() if name.startswith("n")}) > 3
    handles = {}
    for number, record in enumerate(records):
        for handle in re.findall(r"loker(\d+)\.", json.dumps(record)):
            handles.setdefault(handle, set()).add(number // 300)
    assert handles and all(len(parts) == 1 for parts in handles.values())
