"""`jaring run_local` (what `make run` starts) as a real process: gunicorn with DEBUG off, the task worker and
the periodic jobs together, so that a signed webhook is answered with production's database task backend."""

import contextlib
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from jaring.channels.webhook import sign
from tests.channels import payloads
from tests.channels.fake_graph import TOKEN

JARING = [sys.executable, "-m", "jaring"]
SRC = Path(__file__).resolve().parents[2] / "src"
OFFICE = (
    "from jaring.accounts.models import Office; "
    "Office.objects.create(slug='batam', name='Kantor Imigrasi Batam', region_code='21.71')"
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _post(port: int, raw: bytes) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        headers = {"Content-Type": "application/json", "X-Hub-Signature-256": sign(raw, payloads.APP_SECRET)}
        conn.request("POST", "/channels/whatsapp/webhook", body=raw, headers=headers)
        return conn.getresponse().status
    finally:
        conn.close()


def _wait_for(check, seconds: float):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.2)
    return None


def test_run_local_starts_a_worker_that_answers_whatsapp(graph, tmp_path):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(SRC),
        "JARING_DATA_DIR": str(tmp_path / "var"),
        "JARING_HTTPS": "0",  # as `make run`: DEBUG off, plain HTTP on 127.0.0.1
        "JARING_WHATSAPP_APP_SECRET": payloads.APP_SECRET,
        "JARING_WHATSAPP_ACCESS_TOKEN": TOKEN,
        "JARING_WHATSAPP_PHONE_NUMBER_ID": payloads.PHONE_NUMBER_ID,
        "JARING_WHATSAPP_GRAPH_URL": graph.url,
    }  # no JARING_TASKS_BACKEND: the default, the database backend, which needs the worker
    for command in (["migrate", "--noinput", "-v", "0"], ["shell", "-c", OFFICE]):
        done = subprocess.run([*JARING, *command], env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    port = _free_port()
    log = (tmp_path / "run_local.log").open("w")
    server = subprocess.Popen(  # noqa: S603 - our own command
        [*JARING, "run_local", "--bind", f"127.0.0.1:{port}"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the worker (and its reloader) stop with it below
    )
    try:

        def acknowledged() -> bool:
            try:
                return _post(port, json.dumps(payloads.text("halo")).encode()) == 200
            except OSError:
                return False  # not listening yet

        assert _wait_for(acknowledged, 60), (tmp_path / "run_local.log").read_text()
        answers = _wait_for(graph.texts, 60)
        assert answers, (tmp_path / "run_local.log").read_text()
        assert "1 Cek tawaran kerja" in answers[0]
        assert graph.sent[0]["to"] == payloads.WA_ID
        status, headers, body = _get(port, "/halaman-yang-salah-ketik/")
        assert status == 404  # Django's debug page listed every URL pattern here, in English
        assert "Halaman tidak ditemukan" in body.decode() and "URLconf" not in body.decode()
        assert headers["Server"].startswith("gunicorn")
        status, headers, css = _get(port, "/static/jaring/jaring.css", {"Accept-Encoding": "gzip"})
        assert status == 200 and headers.get("Content-Encoding") == "gzip"  # WhiteNoise's compressed copy
        workers = _descendants(server.pid)
        commands = {_command(pid) for pid in workers}
        assert any("jaring worker" in c for c in commands) and any("periodic" in c for c in commands), (
            commands
        )
        server.terminate()  # SIGTERM to run_local alone, as a service manager would send it
        server.wait(timeout=15)
        assert _wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), 15)
    finally:
        with contextlib.suppress(ProcessLookupError):  # whatever of the group is still running
            os.killpg(server.pid, signal.SIGKILL)
        for pid in _descendants(server.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        server.wait(timeout=5)
        log.close()


def _get(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def _command(pid: int) -> str:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    return ""


def _descendants(pid: int) -> list[int]:
    """Processes started by pid, and by those, from /proc (the worker runs in its own process group)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        children = [child for child, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found
