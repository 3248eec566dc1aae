"""A live Jaring (gunicorn, demo data) in a fresh data dir and database, for tests that speak real HTTP."""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

from tests.production.procs import base_env, free_port, get, jaring, shared_keys, start, stop, wait_for

GUNICORN = [sys.executable, "-m", "gunicorn", "jaring.wsgi", "-k", "gthread", "--threads", "1"]


def fresh_database_url(suffix: str) -> str | None:
    """On PostgreSQL (JARING_DATABASE_URL set), an empty database `<name>_<suffix>`; None on SQLite."""
    url = os.environ.get("JARING_DATABASE_URL", "")
    if not url.startswith("postgres"):
        return None
    base, name = url.rsplit("/", 1)
    target = f"{name}_{suffix}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(target)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target)))
    return f"{base}/{target}"


def drop_database(url: str | None) -> None:
    if url:
        base, name = url.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@dataclass
class Host:
    url: str
    env: dict[str, str]
    process: subprocess.Popen
    log: Path

    def stop(self) -> None:
        stop(self.process)


def serve(env: dict[str, str], log: Path, workers: int = 2) -> Host:
    port = free_port()
    process = start([*GUNICORN, "-w", str(workers), "-b", f"127.0.0.1:{port}"], env, log)
    url = f"http://127.0.0.1:{port}"
    if not wait_for(lambda: get(f"{url}/robots.txt")[0] == 200, 60):
        stop(process)
        raise AssertionError(log.read_text())
    return Host(url=url, env=env, process=process, log=log)


def demo_env(tmp_path: Path, database_url: str | None, **extra: str) -> dict[str, str]:
    """Env of a production-like host with the demo seeded (keys shared, as several hosts need)."""
    env = base_env(tmp_path / "data", **{"JARING_HTTPS": "0", **shared_keys(), **extra})
    if database_url:
        env["JARING_DATABASE_URL"] = database_url
    done = jaring(env, "demo")
    assert done.returncode == 0, done.stderr
    return env


def cleanup(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
