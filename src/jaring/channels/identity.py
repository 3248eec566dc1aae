"""How a WhatsApp sender is identified without keeping the number in clear (see docs/whatsapp.md)."""

from django.utils.crypto import salted_hmac


def normalise_wa_id(raw: str) -> str:
    """Meta sends wa_id as digits with the country code (e.g. 6281234567890); keep digits only."""
    return "".join(ch for ch in str(raw) if ch.isdigit())[:20]


def wa_hash(wa_id: str) -> str:
    """A keyed hash: equal numbers give equal hashes, and nobody without SECRET_KEY can test a guessed number."""
    return salted_hmac("jaring.channels.wa_id", normalise_wa_id(wa_id), algorithm="sha256").hexdigest()


def display_number(wa_id: str) -> str:
    """The number as officers read it in the reporter contact field: +<country code><number>."""
    digits = normalise_wa_id(wa_id)
    return f"+{digits}" if digits else ""
