"""Helpers for tests that run Jaring as real processes (settings at start-up, servers, commands)."""

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

from cryptography.fernet import Fernet

JARING = [sys.executable, "-m", "jaring"]
REPO = Path(__file__).resolve().parents[2]
SRC = REPO / "src"
POSTGRES_URL = os.environ.get("JARING_DATABASE_URL", "")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def base_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """A clean environment: nothing from the developer's JARING_* variables unless given."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": f"{SRC}:{REPO}",
        "JARING_DATA_DIR": str(data_dir),
    }
    env.update(extra)
    return env


def shared_keys() -> dict[str, str]:
    return {
        "JARING_SECRET_KEY": secrets.token_urlsafe(50),
        "JARING_FIELD_KEYS": Fernet.generate_key().decode(),
    }


def jaring(env: dict[str, str], *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([*JARING, *args], env=env, capture_output=True, text=True, timeout=timeout)  # noqa: S603


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    """A long-running process in its own process group (stopped with stop()), output to log."""
    handle = log.open("w")
    return subprocess.Popen(  # noqa: S603 - our own commands
        command, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def wait_for(check, seconds: float):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if result := check():
                return result
        time.sleep(0.2)
    return None


def get(url: str, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """(status, headers, body) without raising on 4xx/5xx."""
    try:
        with urlopen(Request(url, headers=headers or {}), timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except HTTPError as error:
        return error.code, dict(error.headers), error.read()
