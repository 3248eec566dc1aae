"""Encrypted backup archives: the database through the engine's own online backup (SQLite's backup API,
pg_dump), plus every stored file a row refers to. Never the keys: restoring needs JARING_FIELD_KEYS.

File format: b"JARINGBK1\\n", then chunks of [8-byte big-endian length][Fernet token] whose plaintexts
concatenate to a tar archive; the last chunk's plaintext is empty (a truncated archive is refused).
Stored files are copied as they are kept, already encrypted with the field keys.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

from jaring.lib.crypto import decrypt_bytes, encrypt_bytes

MAGIC = b"JARINGBK1\n"
CHUNK = 4 * 1024 * 1024


class BackupError(Exception):
    pass


def _engine() -> str:
    return "sqlite" if connection.vendor == "sqlite" else "postgresql"


def _pg_env() -> tuple[list[str], dict[str, str]]:
    db = settings.DATABASES["default"]
    args = [
        "-h",
        str(db.get("HOST") or "127.0.0.1"),
        "-p",
        str(db.get("PORT") or 5432),
        "-U",
        db.get("USER") or "postgres",
    ]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    return [*args, "-d", db["NAME"]], env


def _run(command: list[str], env: dict[str, str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (apt-get install postgresql-client)")
    done = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603 - fixed programs
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-2000:]}")


def _dump_database(target: Path) -> None:
    if _engine() == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)  # a consistent snapshot while the site keeps writing
        copy.close()
        return
    args, env = _pg_env()
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", str(target), *args], env)


def _stored_names() -> list[str]:
    """Every file a row refers to (models with a `storage_name` field)."""
    names: set[str] = set()
    for model in apps.get_models():
        if any(f.name == "storage_name" for f in model._meta.get_fields()):
            names.update(n for n in model._default_manager.values_list("storage_name", flat=True) if n)
    return sorted(names)


def _chunks(plain: IO[bytes]) -> Iterator[bytes]:
    while block := plain.read(CHUNK):
        yield encrypt_bytes(block)
    yield encrypt_bytes(b"")


def backup_write(path: Path) -> dict[str, Any]:
    """Writes the encrypted archive to path; returns its manifest."""
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        db_name = "database.sqlite3" if _engine() == "sqlite" else "database.pgdump"
        _dump_database(work_dir / db_name)
        missing, files = [], []
        tar_path = work_dir / "backup.tar"
        with tarfile.open(tar_path, "w") as tar:
            tar.add(work_dir / db_name, arcname=db_name)
            for name in _stored_names():
                try:
                    with default_storage.open(name, "rb") as handle:
                        data = handle.read()
                except FileNotFoundError:
                    missing.append(name)
                    continue
                info = tarfile.TarInfo(f"files/{name}")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
                files.append(name)
            manifest = {
                "format": 1,
                "engine": _engine(),
                "database": db_name,
                "files": files,
                "missing": missing,
            }
            raw = json.dumps(manifest).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(raw)
            tar.addfile(info, io.BytesIO(raw))
        partial = path.with_name(path.name + ".partial")
        with tar_path.open("rb") as plain, partial.open("wb") as out:
            out.write(MAGIC)
            for token in _chunks(plain):
                out.write(len(token).to_bytes(8, "big") + token)
        partial.replace(path)  # never a half-written archive under the final name
    return manifest


def _decrypt_to(path: Path, target: Path) -> None:
    with path.open("rb") as source, target.open("wb") as out:
        if source.read(len(MAGIC)) != MAGIC:
            raise BackupError("not a Jaring backup archive")
        while header := source.read(8):
            try:
                block = decrypt_bytes(source.read(int.from_bytes(header, "big")))
            except Exception as exc:  # InvalidToken: wrong keys or a damaged archive
                raise BackupError("cannot decrypt: wrong JARING_FIELD_KEYS or a damaged archive") from exc
            if not block:
                return
            out.write(block)
    raise BackupError("the archive is truncated")


def backup_restore(path: Path) -> dict[str, Any]:
    """Restores the database and the stored files from the archive at path; returns its manifest."""
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        _decrypt_to(path, work_dir / "backup.tar")
        with tarfile.open(work_dir / "backup.tar") as tar:
            tar.extractall(work_dir / "x", filter="data")
        extracted = work_dir / "x"
        manifest = json.loads((extracted / "manifest.json").read_text())
        if manifest["engine"] != _engine():
            raise BackupError(
                f"the archive holds a {manifest['engine']} database, this site uses {_engine()}"
            )
        _restore_database(extracted / manifest["database"])
        for name in manifest["files"]:
            default_storage.delete(name)
            saved = default_storage.save(name, ContentFile((extracted / "files" / name).read_bytes()))
            if saved != name:
                raise BackupError(f"storage renamed {name} to {saved}")
    return manifest


def _restore_database(dump: Path) -> None:
    if _engine() == "sqlite":
        connection.close()
        target = Path(settings.DATABASES["default"]["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(dump) as source, sqlite3.connect(target) as live:
            source.backup(live)
        return
    connection.close()
    args, env = _pg_env()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            *args,
            str(dump),
        ],
        env,
    )
