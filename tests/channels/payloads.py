"""Webhook bodies shaped exactly like Meta's documented examples (Cloud API webhooks reference)."""

import itertools
import json
import time
from typing import Any

from django.test import Client

from jaring.channels.webhook import sign

APP_SECRET = "test-app-secret"
PHONE_NUMBER_ID = "106540352242922"
WA_ID = "6281234567890"
_ids = itertools.count(1)


def wamid() -> str:
    return f"wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYIDNB{next(_ids):012d}"


def envelope(value: dict[str, Any]) -> dict[str, Any]:
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "102290129340398",
                "changes": [
                    {
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": "628117002019",
                                "phone_number_id": PHONE_NUMBER_ID,
                            },
                            **value,
                        },
                        "field": "messages",
                    }
                ],
            }
        ],
    }


def message(
    kind: str,
    content: dict[str, Any],
    *,
    wa_id: str = WA_ID,
    name: str = "Siti",
    id: str | None = None,
    timestamp: int | None = None,
) -> dict[str, Any]:
    return envelope(
        {
            "contacts": [{"profile": {"name": name}, "wa_id": wa_id}],
            "messages": [
                {
                    "from": wa_id,
                    "id": id or wamid(),
                    "timestamp": str(timestamp or int(time.time())),
                    "type": kind,
                    kind: content,
                }
            ],
        }
    )


def text(body: str, **kwargs: Any) -> dict[str, Any]:
    return message("text", {"body": body}, **kwargs)


def image(media_id: str, caption: str = "", **kwargs: Any) -> dict[str, Any]:
    content = {"mime_type": "image/jpeg", "sha256": "IMAGE_HASH", "id": media_id}
    if caption:
        content["caption"] = caption
    return message("image", content, **kwargs)


def voice(media_id: str, **kwargs: Any) -> dict[str, Any]:
    return message(
        "audio",
        {"mime_type": "audio/ogg; codecs=opus", "sha256": "AUDIO_HASH", "id": media_id, "voice": True},
        **kwargs,
    )


def document(media_id: str, filename: str, **kwargs: Any) -> dict[str, Any]:
    return message(
        "document",
        {
            "caption": "",
            "filename": filename,
            "mime_type": "application/pdf",
            "sha256": "DOC_HASH",
            "id": media_id,
        },
        **kwargs,
    )


def location(lat: float, lng: float, name: str = "", address: str = "", **kwargs: Any) -> dict[str, Any]:
    return message(
        "location", {"latitude": lat, "longitude": lng, "name": name, "address": address}, **kwargs
    )


def button_reply(reply_id: str, title: str, **kwargs: Any) -> dict[str, Any]:
    return message(
        "interactive", {"type": "button_reply", "button_reply": {"id": reply_id, "title": title}}, **kwargs
    )


def list_reply(reply_id: str, title: str, description: str = "", **kwargs: Any) -> dict[str, Any]:
    """The user picked a row of an interactive list message."""
    row = {"id": reply_id, "title": title}
    if description:
        row["description"] = description
    return message("interactive", {"type": "list_reply", "list_reply": row}, **kwargs)


def status(message_id: str, state: str, *, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": message_id,
        "status": state,
        "timestamp": str(int(time.time())),
        "recipient_id": WA_ID,
    }
    if state in ("sent", "delivered"):
        entry["conversation"] = {"id": "CONVERSATION_ID", "origin": {"type": "service"}}
        entry["pricing"] = {"billable": True, "pricing_model": "CBP", "category": "service"}
    if errors:
        entry["errors"] = errors
    return envelope({"statuses": [entry]})


def post(
    client: Client,
    payload: dict[str, Any] | bytes,
    *,
    secret: str | None = APP_SECRET,
    signature: str | None = None,
):  # type: ignore[no-untyped-def]
    raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    headers = {}
    if signature is not None:
        headers["HTTP_X_HUB_SIGNATURE_256"] = signature
    elif secret is not None:
        headers["HTTP_X_HUB_SIGNATURE_256"] = sign(raw, secret)
    return client.post("/channels/whatsapp/webhook", data=raw, content_type="application/json", **headers)
