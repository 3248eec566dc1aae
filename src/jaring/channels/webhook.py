"""The Cloud API webhook contract: signature check over the raw body, then parsing into plain events.

Nothing here touches the database. Shapes follow Meta's documented payloads (FACTS.md "WhatsApp Cloud API").
"""

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from jaring.channels.identity import normalise_wa_id

MEDIA_KINDS = ("image", "document", "audio", "video", "sticker")
MAX_BODY = 4096  # WhatsApp caps a text message at 4,096 characters


class Malformed(Exception):  # noqa: N818 - reads as the state of the payload
    pass


def signature_valid(raw_body: bytes, header: str, secret: str) -> bool:
    """X-Hub-Signature-256 is "sha256=" + hex HMAC-SHA256 of the exact bytes received, keyed with the app secret."""
    if not secret or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header[len("sha256=") :].strip().lower())


def sign(raw_body: bytes, secret: str) -> str:
    """The header value Meta would send (tests and the benchmark sign their payloads with it)."""
    return "sha256=" + hmac.new(secret.encode(), raw_body, hashlib.sha256).hexdigest()


@dataclass
class InboundEvent:
    wamid: str
    wa_id: str
    profile_name: str
    kind: str
    body: str
    sent_at: datetime
    media_id: str = ""
    media_mime: str = ""
    media_name: str = ""


@dataclass
class StatusEvent:
    wamid: str
    status: str
    errors: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Events:
    messages: list[InboundEvent] = field(default_factory=list)
    statuses: list[StatusEvent] = field(default_factory=list)
    skipped: int = 0  # entries too broken to use (logged, not stored)


def _text(value: Any, limit: int = MAX_BODY) -> str:
    return str(value)[:limit] if isinstance(value, str | int | float) else ""


def _timestamp(value: Any) -> datetime:
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return datetime.now(tz=UTC)


def _content(message: dict[str, Any], kind: str) -> tuple[str, str, str, str]:
    """(body, media_id, media_mime, media_name) for one message of a known kind."""
    part = message.get(kind) if isinstance(message.get(kind), dict) else {}
    if kind == "text":
        return _text(part.get("body")), "", "", ""
    if kind in MEDIA_KINDS:
        return (
            _text(part.get("caption")),
            _text(part.get("id"), 128),
            _text(part.get("mime_type"), 100),
            _text(part.get("filename"), 200),
        )
    if kind == "location":
        coords = f"{part.get('latitude')}, {part.get('longitude')}"
        label = ", ".join(_text(part.get(k), 200) for k in ("name", "address") if part.get(k))
        return (f"{label} ({coords})" if label else coords), "", "", ""
    if kind == "interactive":
        reply = part.get("button_reply") or part.get("list_reply") or {}
        # The id is what our menus put there; the title is what the user saw. Either works as input.
        return _text(reply.get("id") or reply.get("title"), 200), "", "", ""
    if kind == "button":  # a quick-reply button of a template
        return _text(part.get("payload") or part.get("text"), 200), "", "", ""
    return "", "", "", ""


def parse(raw_body: bytes) -> Events:
    """Messages and statuses from one webhook POST; raises Malformed when the envelope itself is wrong."""
    try:
        payload = json.loads(raw_body)
    except ValueError:
        raise Malformed("not JSON") from None
    if not isinstance(payload, dict) or payload.get("object") != "whatsapp_business_account":
        raise Malformed("not a whatsapp_business_account event")
    entries = payload.get("entry")
    if not isinstance(entries, list):
        raise Malformed("entry is not a list")
    events = Events()
    for entry in entries:
        changes = entry.get("changes") if isinstance(entry, dict) else None
        if not isinstance(changes, list):
            raise Malformed("changes is not a list")
        for change in changes:
            value = change.get("value") if isinstance(change, dict) else None
            if not isinstance(value, dict):
                raise Malformed("value is not an object")
            _collect(value, events)
    return events


def _collect(value: dict[str, Any], events: Events) -> None:
    names = {}
    for contact in value.get("contacts") or []:
        if isinstance(contact, dict):
            profile = contact.get("profile") if isinstance(contact.get("profile"), dict) else {}
            names[normalise_wa_id(contact.get("wa_id", ""))] = _text(profile.get("name"), 200)
    for message in value.get("messages") or []:
        if not isinstance(message, dict):
            events.skipped += 1
            continue
        wamid, wa_id = _text(message.get("id"), 128), normalise_wa_id(message.get("from", ""))
        kind = _text(message.get("type"), 24) or "unknown"
        if not wamid or not wa_id:
            events.skipped += 1
            continue
        body, media_id, media_mime, media_name = _content(message, kind)
        events.messages.append(
            InboundEvent(
                wamid=wamid,
                wa_id=wa_id,
                profile_name=names.get(wa_id, ""),
                kind=kind,
                body=body,
                sent_at=_timestamp(message.get("timestamp")),
                media_id=media_id,
                media_mime=media_mime,
                media_name=media_name,
            )
        )
    for status in value.get("statuses") or []:
        if isinstance(status, dict) and status.get("id") and status.get("status"):
            errors = [e for e in status.get("errors") or [] if isinstance(e, dict)]
            events.statuses.append(StatusEvent(_text(status["id"], 128), _text(status["status"], 16), errors))
        else:
            events.skipped += 1
