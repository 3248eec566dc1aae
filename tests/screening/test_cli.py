"""jaring screen [FILE|-]: JSON Lines or plain lines in, one JSON verdict per input out."""

import io
import json
import subprocess
import sys

import pytest
from django.core.management import call_command

from jaring.screening.models import ScreeningStat
from tests.production.procs import JARING as JARING_CMD
from tests.production.procs import base_env, jaring


def run(capsys, *args: str) -> list[dict]:
    call_command("screen", *args)
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


@pytest.mark.django_db
def test_json_lines_keep_their_id_and_get_the_api_fields(tmp_path, capsys):
    source = tmp_path / "posts.jsonl"
    source.write_text(
        json.dumps({"id": "fb-1", "text": "Loker Kamboja gaji 15jt visa turis WA 0812-3456-7890"})
        + "\n"
        + json.dumps({"id": 2, "text": "Lowongan operator pabrik Korea lewat G to G, tidak dipungut biaya."})
        + "\n",
        encoding="utf-8",
    )
    rows = run(capsys, str(source))
    assert [row["id"] for row in rows] == ["fb-1", 2]
    assert rows[0]["risk_level"] == "tinggi" and rows[1]["risk_level"] == "rendah"
    assert {"is_job_offer", "score", "flags", "positive_signals", "entities", "advice"} <= set(rows[0])


@pytest.mark.django_db
def test_plain_lines_from_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Loker Kamboja gaji 15jt visa turis\n\nhalo apa kabar\n"))
    rows = run(capsys, "-")
    assert len(rows) == 2 and "id" not in rows[0]
    assert rows[1]["is_job_offer"] is False


@pytest.mark.django_db
def test_bad_lines_get_an_error_object_not_a_crash(tmp_path, capsys):
    source = tmp_path / "bad.jsonl"
    source.write_text(
        '{"id": 1, "text": "   "}\n{"id": 2, "text": ' + json.dumps("a" * 10_001) + '}\n{"id": 3}\n'
        '{"broken json\n',
        encoding="utf-8",
    )
    rows = run(capsys, str(source))
    assert [row.get("id") for row in rows] == [1, 2, 3, None]
    assert all("error" in row for row in rows[:3])
    assert rows[3]["risk_level"] == "rendah"  # an unparsable line is checked as plain text


@pytest.mark.django_db
def test_bulk_checks_are_not_counted_unless_asked(tmp_path, capsys):
    source = tmp_path / "one.txt"
    source.write_text("Loker Kamboja gaji 15jt visa turis\n", encoding="utf-8")
    run(capsys, str(source))
    assert not ScreeningStat.objects.exists()
    run(capsys, str(source), "--record-stats")
    assert ScreeningStat.objects.filter(channel="cli").exists()


def test_first_run_on_a_fresh_machine_sets_up_the_embedded_database(tmp_path):
    # As the office tries it: no `jaring migrate`, no `make run`, just the command on a new data dir.
    env = base_env(tmp_path / "data")
    done = subprocess.run(
        [*JARING_CMD, "screen", "-"],
        env=env,
        input="Dibutuhkan operator di Myawaddy, Myanmar, gaji 7 juta, DM\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["risk_level"] == "tinggi"
    again = jaring(env, "screen", str(_one_line(tmp_path)))
    assert again.returncode == 0 and "jaring migrate" not in again.stderr  # set up once


def _one_line(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("Loker Kamboja gaji 15jt visa turis\n", encoding="utf-8")
    return path
