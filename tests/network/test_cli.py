"""`jaring network link` and `jaring gen_network` as an analyst runs them: files in, files out, exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

JARING = [sys.executable, "-m", "jaring"]


def test_link_reports_malformed_lines_with_numbers_and_exits_non_zero(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"id": 1, "text": "WA 0812-3456-7890"}\n'
        "{not json\n"
        '{"id": 2, "parties": [{"kind": "phone", "value": "+62 812 3456 7890"}]}\n'
        "[1, 2]\n"
        '{"text": "no id"}\n'
        "\n"
        '{"id": 3, "parties": "phone"}\n'
        '{"id": 4}\n'
    )
    out = tmp_path / "out.jsonl"
    with pytest.raises(CommandError) as failure:
        call_command("network", "link", str(source), "--out", str(out), "--jobs", "1")
    assert failure.value.returncode == 2
    assert "4 malformed lines" in str(failure.value)
    err = capsys.readouterr().err
    for number in (2, 4, 5, 7):
        assert f"line {number}:" in err
    assert "line 1:" not in err and "line 6:" not in err
    clusters = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(map(sorted, (c["ids"] for c in clusters))) == [[1, 2], [4]]


def test_link_runs_without_a_database_in_a_subprocess(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(json.dumps({"id": f"r{i}", "text": "BCA 1234567890"}) for i in range(3)) + "\n"
    )
    out = tmp_path / "out.jsonl"
    env = {"PATH": "/usr/bin:/bin", "JARING_DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
           "JARING_DATA_DIR": str(tmp_path / "var"), "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src"),
           # a PostgreSQL URL: settings refuse to start without explicit keys (never used here)
           "JARING_SECRET_KEY": "x" * 50, "JARING_FIELD_KEYS": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="}  # fmt: skip
    done = subprocess.run([*JARING, "network", "link", str(source), "--out", str(out), "--jobs", "2"],
                          env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    (cluster,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert cluster["ids"] == ["r0", "r1", "r2"]
    assert cluster["identifiers"] == [{"kind": "account", "value": "bca:1234567890", "records": 3}]


def test_generator_writes_records_and_ground_truth_and_linking_recovers_the_networks(tmp_path):
    out, truth = tmp_path / "records.jsonl", tmp_path / "records.truth.jsonl"
    call_command("gen_network", "--records", "600", "--seed", "4", "--out", str(out))
    records = [json.loads(line) for line in out.read_text().splitlines()]
    truth_rows = {r["id"]: r["network"] for r in map(json.loads, truth.read_text().splitlines())}
    assert len(records) == 600 and set(truth_rows) == {r["id"] for r in records}
    assert any("0811-7002-019" in r["text"] for r in records)  # hotline noise is planted
    linked = tmp_path / "linked.jsonl"
    call_command("network", "link", str(out), "--out", str(linked), "--jobs", "1")
    predicted = {i: c["cluster"] for c in map(json.loads, linked.read_text().splitlines()) for i in c["ids"]}
    networks: dict[str, set] = {}
    for record_id, network in truth_rows.items():
        networks.setdefault(network, set()).add(predicted[record_id])
    split = sum(1 for clusters in networks.values() if len(clusters) > 1)
    assert split <= len(networks) * 0.02


def test_link_reports_progress_when_asked_and_stays_quiet_in_a_pipe(tmp_path, monkeypatch, capsys):
    from jaring.network import batch

    monkeypatch.setattr(batch, "PROGRESS_EVERY", 2)
    monkeypatch.setattr(batch, "CHUNK", 2)
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": i, "text": "BCA 1234567890"}) for i in range(5)) + "\n")
    out = tmp_path / "out.jsonl"
    call_command("network", "link", str(source), "--out", str(out), "--jobs", "1", "--progress")
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "2 records read",
        "4 records read",
        "5 records read; linking 5 identifiers",
        "writing 1 clusters",
        "5 records, 5 identifiers, 1 clusters, 0 malformed lines skipped",
    ]
    call_command("network", "link", str(source), "--out", str(out), "--jobs", "1")  # stderr is not a terminal
    assert capsys.readouterr().err.splitlines() == [
        "5 records, 5 identifiers, 1 clusters, 0 malformed lines skipped"
    ]
