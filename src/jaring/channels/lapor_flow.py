"""Option 2 of the menu: a report made entirely in the chat, one question at a time.

The draft lives (encrypted) in the contact's state, so a user who stops half-way resumes where they were, even
after a restart. Files arrive as WhatsApp media, are cleaned at once by the Lapor upload pipeline and staged
encrypted until the report exists; the report itself goes through reports.services.report_submit.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from jaring.channels import texts
from jaring.channels.identity import display_number
from jaring.channels.media import as_upload
from jaring.channels.models import ContactReport, ConversationState, StagedMedia
from jaring.channels.turn import TurnBase
from jaring.lib.crypto import encrypt_bytes
from jaring.lib.identifiers import read_phone
from jaring.reports.models import Channel, IdentityMode, PartyKind
from jaring.reports.services import report_submit
from jaring.reports.validation import DESCRIPTION_MIN, MAX_PARTIES, clean_parties

STEPS = ("category", "description", "location", "parties", "files")
SKIP = {"lewati", "skip", "tidak ada", "tidak", "-", "none", "no"}
SEND = {"kirim", "send", "selesai", "done", "submit"}
_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_COMPANY = re.compile(r"^(pt|cv|ud|yayasan)\b|\b(sdn\.? bhd|ltd|inc|co\.?,? ltd|corp)\b", re.IGNORECASE)
_ACCOUNT = re.compile(r"\b(rek(ening)?|bca|bri|bni|mandiri|dana|ovo|gopay|shopeepay)\b", re.IGNORECASE)


def question(step: str) -> str:
    return {
        "category": texts.lapor_category,
        "description": texts.lapor_description,
        "location": texts.lapor_location,
        "parties": texts.lapor_parties,
        "files": lambda: texts.lapor_files(settings.ATTACHMENT_MAX_FILES),
    }[step]()


def start(turn: TurnBase) -> None:
    draft = turn.data.get("draft")
    turn.contact.state = ConversationState.LAPOR
    if draft:
        turn.say(texts.resumed() + "\n\n" + question(draft["step"]))
        return
    turn.data["draft"] = {"step": "category"}
    turn.say(texts.lapor_intro() + "\n\n" + question("category"))


def discard(turn: TurnBase) -> None:
    turn.data.pop("draft", None)
    StagedMedia.objects.filter(contact=turn.contact).delete()


def guess_party(line: str) -> dict[str, str]:
    """The kind of one line the user typed (the officer can correct it): phone, link, e-mail, handle, ..."""
    value = line.strip()[:300]
    if _URL.match(value):
        kind = PartyKind.URL
    elif _EMAIL.match(value):
        kind = PartyKind.EMAIL
    elif value.startswith("@"):
        kind = PartyKind.HANDLE
    elif _ACCOUNT.search(value):
        kind = PartyKind.ACCOUNT
    elif read_phone(value):  # written plainly or to dodge filters ("nol delapan ...")
        kind = PartyKind.PHONE
    elif _COMPANY.search(value):
        kind = PartyKind.COMPANY
    else:
        kind = PartyKind.PERSON
    return {"kind": str(kind), "value": value}


def party_problems(parties: list[dict[str, str]]) -> list[str]:
    """One line per party that does not read as its (guessed) kind: "Baris 2: <what to write>"."""
    _cleaned, errors = clean_parties(parties)
    problems = []
    for key, messages in errors.items():
        index = key.split(".")[1] if key.count(".") == 2 else ""
        prefix = _("Baris %(n)s") % {"n": int(index) + 1} + ": " if index.isdigit() else ""
        problems.extend(prefix + message for message in messages)
    return problems


def handle(turn: TurnBase) -> None:
    draft = turn.data.setdefault("draft", {"step": "category"})
    step = draft["step"]
    if turn.inbound.media_id and turn.inbound.kind in ("image", "document", "audio"):
        _stage(turn, draft)
        return
    if turn.inbound.kind not in ("text", "interactive", "button", "location"):
        turn.say(texts.unsupported())
        return
    answer = turn.inbound.body.strip()
    word = answer.lower().strip(" .!")
    if step == "category":
        choice = turn.choice(len(texts.CATEGORIES))
        if choice is None:
            turn.say(texts.choose_number(len(texts.CATEGORIES)) + "\n" + question("category"))
            return
        draft["category"] = str(texts.CATEGORIES[choice - 1].value)
        _ask(turn, draft, "description")
    elif step == "description":
        if len(answer) < DESCRIPTION_MIN:
            turn.say(
                _("Ceritakan sedikit lebih lengkap (minimal %(n)s karakter).") % {"n": DESCRIPTION_MIN}
                + "\n"
                + question("description")
            )
            return
        draft["description"] = (draft.get("description", "") + "\n" + answer).strip()[:10_000]
        _ask(turn, draft, "location")
    elif step == "location":
        draft["location"] = "" if word in SKIP else answer[:300]
        _ask(turn, draft, "parties")
    elif step == "parties":
        lines = [] if word in SKIP else [line for line in answer.splitlines() if line.strip()]
        parties = [guess_party(line) for line in lines[:MAX_PARTIES]]
        problems = party_problems(parties)
        if problems:
            # Asked again with the same rule as the web form, rather than a report that fails at KIRIM.
            turn.say("\n".join([*problems, texts.lapor_parties_again()]))
            return
        draft["parties"] = parties
        _ask(turn, draft, "files")
    elif word in SEND:
        submit(turn, draft)
    else:
        turn.say(question("files"))


def _ask(turn: TurnBase, draft: dict, step: str) -> None:
    draft["step"] = step
    turn.say(question(step))


def _stage(turn: TurnBase, draft: dict) -> None:
    if turn.media_error:
        turn.say(turn.media_error)
        return
    count = StagedMedia.objects.filter(contact=turn.contact).count()
    if count >= settings.ATTACHMENT_MAX_FILES:
        turn.say(texts.too_many_files(settings.ATTACHMENT_MAX_FILES))
        return
    clean = turn.media
    StagedMedia.objects.create(
        contact=turn.contact,
        inbound=turn.inbound,
        content=encrypt_bytes(clean.content),
        content_type=clean.content_type,
        name=clean.original_name,
    )
    caption = turn.inbound.body.strip()
    if draft["step"] == "description" and (caption or turn.inbound.kind == "audio"):
        # A voice note or a captioned photo can be the story itself.
        told = caption or _("Cerita disampaikan lewat pesan suara terlampir.")
        draft["description"] = (draft.get("description", "") + "\n" + told).strip()
        if len(draft["description"]) >= DESCRIPTION_MIN:
            turn.say(texts.file_saved(count + 1, settings.ATTACHMENT_MAX_FILES))
            _ask(turn, draft, "location")
            return
    if draft["step"] == "files":
        turn.say(texts.file_received(count + 1, settings.ATTACHMENT_MAX_FILES))
    else:
        turn.say(
            texts.file_saved(count + 1, settings.ATTACHMENT_MAX_FILES) + "\n\n" + question(draft["step"])
        )


def submit(turn: TurnBase, draft: dict) -> None:
    contact = turn.contact
    staged = list(StagedMedia.objects.filter(contact=contact))
    try:
        report, key = report_submit(
            office=contact.office,
            category=draft.get("category", ""),
            description=draft.get("description", ""),
            location_text=draft.get("location", ""),
            identity_mode=IdentityMode.RAHASIA,
            reporter_name=contact.profile_name or _("Pengguna WhatsApp"),
            reporter_contact=display_number(contact.wa_id),
            parties=draft.get("parties", []),
            files=[as_upload(s.content, s.content_type, s.name) for s in staged],
            channel=Channel.WHATSAPP,
        )
    except ValidationError as exc:
        turn.say("\n".join(exc.messages))
        if "description" in getattr(exc, "error_dict", {}):
            _ask(turn, draft, "description")
        elif "files" in getattr(exc, "error_dict", {}):
            StagedMedia.objects.filter(contact=contact).delete()
            turn.say(question("files"))
        return
    ContactReport.objects.update_or_create(
        report=report, defaults={"contact": contact, "via": ContactReport.Via.CHAT}
    )
    discard(turn)
    turn.talk_about(report)
    turn.say(texts.receipt(report.tracking_code, key), redact=key, report=report)
