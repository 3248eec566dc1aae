"""Secrets for a single-machine setup: generated once into the data directory when not given by env.

Production sets JARING_SECRET_KEY and JARING_FIELD_KEYS; a laptop demo should still start with one command and
keep its encrypted data readable across restarts, so the generated values persist in JARING_DATA_DIR.
"""

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from cryptography.fernet import Fernet


def _read_or_create(path: Path, make: Callable[[], str]) -> str:
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = make()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(value + "\n")
    return value


def local_secret_key(data_dir: Path) -> str:
    return _read_or_create(data_dir / "secret_key", lambda: secrets.token_urlsafe(50))


def local_field_keys(data_dir: Path) -> list[str]:
    raw = _read_or_create(data_dir / "field_keys", lambda: Fernet.generate_key().decode())
    return [key.strip() for key in raw.split(",") if key.strip()]
