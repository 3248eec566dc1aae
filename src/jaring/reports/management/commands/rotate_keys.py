"""Re-encrypts every encrypted column (text and binary) and every attachment file with the newest key of
JARING_FIELD_KEYS.

Run after putting a new key first in JARING_FIELD_KEYS (old keys stay listed until this has run). Idempotent:
values that already decrypt with the newest key alone are left as they are. Batched: one transaction per batch.
"""

from collections.abc import Callable
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction

from jaring.audit.services import audit_record
from jaring.lib import uploads
from jaring.lib.crypto import EncryptedTextField, decrypt_text, rotate_bytes

BATCH = 500
# Binary columns that hold a Fernet token of a file's bytes (encrypted by the code that writes them).
TOKEN_COLUMNS = [("channels.StagedMedia", "content")]  # photos of an unfinished WhatsApp report
TOKEN_BATCH = 20  # rows of such a column at once: each can hold megabytes
# Models whose `storage_name` names a file written by jaring.lib.uploads (encrypted).
FILE_MODELS = ["reports.Attachment", "outreach.EventPhoto"]


class Command(BaseCommand):
    help = "Re-encrypt encrypted fields and attachment files with the newest JARING_FIELD_KEYS key."

    def handle(self, *args: Any, **options: Any) -> None:
        newest = Fernet(settings.FIELD_KEYS[0])
        fields = rotated = files = 0
        for model in apps.get_models():
            encrypted = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
            for field in encrypted:
                fields += 1
                rotated += _rotate_column(model, field, newest)
        for label, name in TOKEN_COLUMNS:
            fields += 1
            rotated += _rotate_tokens(apps.get_model(label), name, newest)
        for label in FILE_MODELS:
            model = apps.get_model(label)
            for row in model.objects.order_by("pk").iterator(chunk_size=BATCH):
                files += _rotate_file(model, row, newest)
        with transaction.atomic():
            # Which key encrypts what is a security fact: the log keeps when and how much was rotated (never keys).
            audit_record(
                action="keys.rotated",
                actor_label="system/rotate_keys",
                summary=f"{rotated} values, {files} files",
                data={"columns": fields, "values": rotated, "files": files, "keys": len(settings.FIELD_KEYS)},
            )
        self.stdout.write(
            f"{fields} encrypted columns checked, {rotated} values and {files} files re-encrypted"
        )


def _needs_rotation(token: str | bytes, newest: Fernet) -> bool:
    try:
        newest.decrypt(token)
    except InvalidToken:
        return True
    return False


def _rotate_column(model: Any, field: EncryptedTextField, newest: Fernet) -> int:
    """Reads raw tokens (no from_db_value) in primary-key batches; rewrites those not under the newest key.
    update() runs get_prep_value, which encrypts the plain text with the newest key."""
    table, column, pk = model._meta.db_table, field.column, model._meta.pk.column
    quote = connection.ops.quote_name
    sql = (
        f"SELECT {quote(pk)}, {quote(column)} FROM {quote(table)} "  # noqa: S608 - names from model metadata
        f"WHERE {quote(pk)} > %s AND {quote(column)} <> '' ORDER BY {quote(pk)} LIMIT {BATCH}"
    )

    def batch(last: int) -> list[tuple[int, str]]:
        with connection.cursor() as cursor:
            cursor.execute(sql, [last])
            return cursor.fetchall()

    return _rotate_rows(model, field.attname, batch, decrypt_text, newest)


def _rotate_tokens(model: Any, name: str, newest: Fernet) -> int:
    """Re-encrypts a binary column of Fernet tokens in primary-key batches (rotate keeps the timestamp)."""

    def batch(last: int) -> list[tuple[int, bytes]]:
        rows = model._base_manager.filter(pk__gt=last).order_by("pk").values_list("pk", name)[:TOKEN_BATCH]
        return [(row_pk, bytes(token)) for row_pk, token in rows]  # PostgreSQL gives memoryviews

    return _rotate_rows(model, name, batch, rotate_bytes, newest)


def _rotate_rows(
    model: Any,
    name: str,
    batch: Callable[[int], list[tuple[int, Any]]],
    new_value: Callable[[Any], Any],
    newest: Fernet,
) -> int:
    """Rewrites, one transaction per batch of (pk, token) rows after the last pk, each token not yet under
    the newest key with new_value(token); returns how many."""
    last, count = 0, 0
    while rows := batch(last):
        with transaction.atomic():
            for row_pk, token in rows:
                if token and _needs_rotation(token, newest):
                    model._base_manager.filter(pk=row_pk).update(**{name: new_value(token)})
                    count += 1
        last = rows[-1][0]
    return count


def _rotate_file(model: Any, row: Any, newest: Fernet) -> int:
    """Writes the re-encrypted file under a new name, switches the row, then deletes the old file."""
    token = uploads.read_raw(row.storage_name)
    if not _needs_rotation(token, newest):
        return 0
    old_name = row.storage_name
    new_name = uploads.write_raw(rotate_bytes(token))
    try:
        with transaction.atomic():
            model.objects.filter(pk=row.pk).update(storage_name=new_name)
    except BaseException:
        uploads.delete(new_name)
        raise
    uploads.delete(old_name)
    return 1
