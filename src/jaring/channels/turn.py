"""One inbound WhatsApp message being answered: what every flow (the menu in conversation.py, the report in
lapor_flow.py) reads and writes. Its own module so that the flows need not import the dispatcher."""

import json
import re
from dataclasses import dataclass

from jaring.channels.models import Contact, ConversationState, InboundMessage
from jaring.lib import uploads
from jaring.reports.models import Report

_CHOICE = re.compile(r"^\s*(?:menu_|opsi\s*|option\s*)?(\d{1,2})\b")


@dataclass
class Reply:
    body: str
    redact: str = ""
    report: Report | None = None


class TurnBase:
    """One inbound message being answered; handlers call say() and change contact.state / self.data."""

    def __init__(
        self, contact: Contact, inbound: InboundMessage, clean: uploads.CleanFile | None, media_error: str
    ) -> None:
        self.contact = contact
        self.inbound = inbound
        self.media = clean
        self.media_error = media_error
        self.data: dict = json.loads(contact.state_data or "{}")
        self.replies: list[Reply] = []

    def say(self, body: str, *, redact: str = "", report: Report | None = None) -> None:
        self.replies.append(Reply(body, redact, report or self.contact.report))

    @property
    def word(self) -> str:
        return " ".join(self.inbound.body.lower().split()).strip(" .!?") if self.is_text else ""

    @property
    def is_text(self) -> bool:
        return self.inbound.kind in ("text", "interactive", "button")

    def choice(self, maximum: int) -> int | None:
        match = _CHOICE.match(self.inbound.body) if self.is_text else None
        number = int(match.group(1)) if match else None
        return number if number is not None and 1 <= number <= maximum else None

    def talk_about(self, report: Report) -> None:
        self.contact.report = report
        self.contact.state = ConversationState.THREAD
