"""Receipt = tracking code (short, shown to officers) + follow-up key (100 random bits, shown once).

The key is stored only as an argon2id hash. Because it carries 100 bits from `secrets`, guessing is hopeless
even with a fast hash; argon2 is there so that a stolen database yields no usable keys, and its cost can stay
low (2 passes over 256 KiB: about 0.3 ms) so that intake keeps up with bursts. See docs/lapor.md.
"""

import hashlib
import json
import re
import secrets
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.fernet import InvalidToken
from django.conf import settings
from django.core.cache import cache

from jaring.lib.crypto import decrypt_text, encrypt_text

# Crockford base32 without 0/1 (and, as in Crockford, without I, L, O, U): nothing to misread on paper.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_PREFIX = "JRG"
# Full Crockford base32 for the key: 5 bits per character, 20 characters = 100 bits.
KEY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
KEY_LENGTH = 20
_NOT_ALNUM = re.compile(r"[^0-9A-Z]")
# Crockford decoding of look-alikes typed by people.
_KEY_FIXES = str.maketrans({"O": "0", "I": "1", "L": "1"})

# Parameters are stored in each hash: changing them later keeps existing receipts valid.
HASHER = PasswordHasher(time_cost=2, memory_cost=256, parallelism=1, hash_len=32, salt_len=16)


def new_tracking_code() -> str:
    """JRG-XXXX-XXXX: 30^8 (about 6.6e11) codes; uniqueness is enforced by the database."""
    body = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{CODE_PREFIX}-{body[:4]}-{body[4:]}"


def normalise_tracking_code(raw: str) -> str:
    """Accepts what people type: lower case, spaces, missing dashes or missing prefix."""
    cleaned = _NOT_ALNUM.sub("", (raw or "").upper())[:32]
    if cleaned.startswith(CODE_PREFIX):
        cleaned = cleaned[len(CODE_PREFIX) :]
    if len(cleaned) != 8:
        return cleaned
    return f"{CODE_PREFIX}-{cleaned[:4]}-{cleaned[4:]}"


def new_follow_up_key() -> str:
    """Five groups of four characters, e.g. 7K3M-Q9TX-A2B4-C6D8-EFGH."""
    raw = "".join(secrets.choice(KEY_ALPHABET) for _ in range(KEY_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, KEY_LENGTH, 4))


def normalise_key(raw: str) -> str:
    return _NOT_ALNUM.sub("", (raw or "").upper().translate(_KEY_FIXES))[:64]


def hash_key(key: str) -> str:
    return HASHER.hash(normalise_key(key))


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return HASHER.hash(new_follow_up_key())


def verify_key(stored_hash: str | None, key: str) -> bool:
    """Checks a typed key; with no stored hash (unknown code) it verifies against a dummy so timing matches."""
    candidate = normalise_key(key)
    try:
        ok = HASHER.verify(stored_hash or _dummy_hash(), candidate)
    except (VerificationError, InvalidHashError):
        return False
    return ok and stored_hash is not None and len(candidate) == KEY_LENGTH


def token_digest(channel: str, token: str) -> str:
    """What Report.submission_token stores: a digest, so the column cannot unlock a replayable receipt."""
    return hashlib.sha256(f"{channel}:{token}".encode()).hexdigest()


def _replay_key(digest: str) -> str:
    return f"lapor:receipt:{digest}"


def remember(digest: str, tracking_code: str, key: str) -> None:
    """Keeps the receipt, encrypted, for RECEIPT_TTL_SECONDS so that a retried submission gets it again.

    Called inside the submission's transaction: on the database cache it commits (or not) with the report.
    """
    payload = encrypt_text(json.dumps({"code": tracking_code, "key": key}))
    cache.set(_replay_key(digest), payload, timeout=settings.RECEIPT_TTL_SECONDS)


def recall(digest: str) -> tuple[str, str] | None:
    payload = cache.get(_replay_key(digest))
    if not payload:
        return None
    try:
        data = json.loads(decrypt_text(payload))
    except (InvalidToken, ValueError):
        return None
    return data["code"], data["key"]


def forget(digest: str) -> None:
    cache.delete(_replay_key(digest))
