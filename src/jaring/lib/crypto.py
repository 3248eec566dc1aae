"""Encryption at rest with the JARING_FIELD_KEYS key ring (MultiFernet: the first key encrypts, all decrypt)."""

from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.core.signals import setting_changed
from django.db import models


@lru_cache(maxsize=1)
def _ring() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in settings.FIELD_KEYS])


def _reset(setting: str, **kwargs: object) -> None:
    if setting == "FIELD_KEYS":
        _ring.cache_clear()


setting_changed.connect(_reset)


def encrypt_bytes(data: bytes) -> bytes:
    return _ring().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    return _ring().decrypt(token)


def rotate_bytes(token: bytes) -> bytes:
    """Re-encrypts with the newest key (MultiFernet.rotate keeps the original timestamp)."""
    return _ring().rotate(token)


def encrypt_text(text: str) -> str:
    return encrypt_bytes(text.encode()).decode()


def decrypt_text(token: str) -> str:
    return decrypt_bytes(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token; Python code sees plain text. Not searchable or orderable by design."""

    def from_db_value(self, value: str | None, expression: object, connection: object) -> str | None:
        if value is None or value == "":
            return value
        return decrypt_text(value)

    def get_prep_value(self, value: object) -> str | None:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt_text(str(value))
