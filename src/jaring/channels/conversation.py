"""The hotline's conversation: one inbound message in, zero or more answers out, state kept in the database.

States: menu, check (option 1), lapor (option 2, see lapor_flow), info (option 3), officer (option 4, waiting
for the first message to an officer), thread (messages go into one report's thread). "menu" always returns to
the menu; a report draft survives it and can be resumed with 2.
"""

import logging
import re

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from jaring.audit.services import audit_record
from jaring.channels import lapor_flow, media, texts
from jaring.channels.identity import display_number
from jaring.channels.models import ContactReport, ConversationState
from jaring.channels.turn import TurnBase
from jaring.content.selectors import published_articles
from jaring.lib import ratelimit
from jaring.lib.text import words
from jaring.reports.models import Category, Channel, IdentityMode, Status
from jaring.reports.services import report_follow_up, report_message_add, report_submit
from jaring.reports.statuses import is_closed
from jaring.reports.validation import DESCRIPTION_MIN
from jaring.screening.engine import MAX_LENGTH, screen
from jaring.screening.engine.verdict import detect_language
from jaring.screening.services import screening_read_image

log = logging.getLogger(__name__)

MENU_WORDS = {"menu", "mulai", "start", "kembali", "back", "home", "0"}
CANCEL_WORDS = {"batal", "cancel", "hapus"}
ENGLISH_HINTS = {"english", "hi", "hello", "hey", "help", "good morning", "good afternoon", "good evening"}
INDONESIAN_HINTS = {
    "indonesia",
    "bahasa indonesia",
    "bahasa",
    "halo",
    "hai",
    "bantuan",
    "selamat pagi",
    "selamat siang",
    "selamat sore",
    "selamat malam",
    "assalamualaikum",
    "permisi",
}
_CEK = re.compile(
    r"^\s*(?:cek|check)\s+((?:jrg)?[\s-]*[0-9a-z]{4}[\s-]*[0-9a-z]{4})\s+([0-9a-z][0-9a-z\s-]{15,40})\s*$",
    re.IGNORECASE,
)
CEK_LIMIT = ratelimit.Limit("wa-cek", 5, 900)
# The Indonesian original of each info topic's portal article (content/data/articles/id); translations are
# found through their translation_of, since their slugs are their own ("stay-permits-itas-itap-reach-out").
INFO_ARTICLES = {
    "mpaspor": "m-paspor",
    "evisa": "e-visa",
    "izin_tinggal": "izin-tinggal",
    "apoa": "apoa-lapor-tamu-asing",
    "jalur_resmi": "jalur-resmi-bekerja-ke-luar-negeri",
}
MEDIA_STATES = {ConversationState.LAPOR, ConversationState.THREAD}
KNOWN_KINDS = {"text", "interactive", "button", "image", "document", "audio", "location"}


class Turn(TurnBase):
    """The menu conversation: dispatches the message to the handler of the contact's state."""

    def to_menu(self) -> None:
        self.contact.state = ConversationState.MENU
        self.say(texts.menu(self.contact.office.short_name or self.contact.office.name, "draft" in self.data))

    # Dispatch ---------------------------------------------------------------------------------------------

    def run(self) -> None:
        if self.inbound.kind == "reaction":
            return  # an emoji on an earlier message: nothing to answer
        if self.inbound.kind not in KNOWN_KINDS:
            self.say(texts.unsupported())
            return
        if self.is_text and self._command():
            return
        if self.contact.state == ConversationState.LAPOR:
            lapor_flow.handle(self)
            return
        getattr(self, f"on_{self.contact.state}", self.on_menu)()

    def _command(self) -> bool:
        word = self.word
        if word in MENU_WORDS:
            self.to_menu()
        elif word in CANCEL_WORDS:
            had_draft = "draft" in self.data
            lapor_flow.discard(self)
            if had_draft:
                self.say(texts.cancelled())
            self.to_menu()
        elif word in ("english", "inggris"):
            self._set_language("en")
            self.to_menu()
        elif word in ("indonesia", "bahasa indonesia"):
            self._set_language("id")
            self.to_menu()
        elif match := _CEK.match(self.inbound.body):
            self._link(match.group(1), match.group(2))
        else:
            return False
        return True

    def _set_language(self, language: str) -> None:
        self.contact.language = language
        translation.activate(language)

    def guess_language(self) -> None:
        """English if the user writes English (greetings or a sentence), Indonesian likewise; else unchanged."""
        word = self.word
        if word in ENGLISH_HINTS:
            self._set_language("en")
        elif word in INDONESIAN_HINTS:
            self._set_language("id")
        elif self.is_text and (language := detect_language(words(self.inbound.body)[:60])):
            self._set_language(language)

    # States -----------------------------------------------------------------------------------------------

    def on_menu(self) -> None:
        if self.inbound.media_id:
            self.say(texts.media_outside_report())
            return
        choice = self.choice(4)
        if choice == 1:
            self.contact.state = ConversationState.CHECK
            self.say(texts.check_prompt())
        elif choice == 2:
            lapor_flow.start(self)
        elif choice == 3:
            self.contact.state = ConversationState.INFO
            self.say(texts.info_menu())
        elif choice == 4:
            self.contact.state = ConversationState.OFFICER
            self.say(texts.officer_prompt())
        else:
            self.to_menu()

    def on_check(self) -> None:
        if self.inbound.kind == "image" and (self.media or self.media_error):
            self._check_image()
            return
        if not self.is_text:
            self.say(texts.check_not_text())
            return
        text = self.inbound.body.strip()
        if len(text) < 20:
            self.say(texts.check_too_short())
            return
        self.say(texts.verdict(screen(text[:MAX_LENGTH], language=translation.get_language())))

    def _check_image(self) -> None:
        """A screenshot or flyer photo: read it (in memory; nothing kept), echo the text for correction, check it."""
        if self.media_error or self.media is None:
            self.say(self.media_error)
            return
        try:
            reading = screening_read_image(data=self.media.content)
        except ValidationError as error:
            self.say(error.message_dict["image"][0])
            return
        self.say(texts.check_read_text(reading.text))
        self.say(texts.verdict(screen(reading.text, language=translation.get_language())))

    def on_info(self) -> None:
        choice = self.choice(len(texts.INFO_TOPICS))
        if choice is None:
            self.say(texts.info_menu())
            return
        topic = texts.INFO_TOPICS[choice - 1]
        self.say(texts.info_answer(topic, _info_link(topic)))

    def on_officer(self) -> None:
        if not self.is_text:
            self.say(texts.officer_prompt())
            return
        text = self.inbound.body.strip()
        if len(text) < DESCRIPTION_MIN:
            self.say(_short())
            return
        contact = self.contact
        try:
            report, key = report_submit(
                office=contact.office,
                category=Category.PERTANYAAN,
                description=text,
                identity_mode=IdentityMode.RAHASIA,
                reporter_name=contact.profile_name or _("Pengguna WhatsApp"),
                reporter_contact=display_number(contact.wa_id),
                channel=Channel.WHATSAPP,
            )
        except ValidationError as exc:
            self.say("\n".join(exc.messages))
            return
        ContactReport.objects.update_or_create(
            report=report, defaults={"contact": contact, "via": ContactReport.Via.CHAT}
        )
        self.talk_about(report)
        self.say(texts.officer_received(report.tracking_code, key), redact=key, report=report)

    def on_thread(self, *, ack: bool = True) -> None:
        report = self.contact.report
        if report is None:
            self.to_menu()
            return
        if self.media_error:
            self.say(self.media_error)
            return
        if not (self.is_text or self.media or self.inbound.kind == "location"):
            self.say(texts.unsupported())
            return
        files = [media.clean_as_upload(self.media)] if self.media else []
        try:
            report_message_add(report=report, body=self.inbound.body, files=files, channel=Channel.WHATSAPP)
        except ValidationError as exc:
            self.say("\n".join(exc.messages))
            if is_closed(report.status):
                self.contact.report = None
                self.to_menu()
            return
        if ack:
            self.say(texts.thread_added(report.tracking_code))

    def _link(self, code: str, key: str) -> None:
        ident = ratelimit.subject_id("wa-cek", self.contact.wa_hash)
        try:
            ratelimit.consume(CEK_LIMIT, ident)
        except ratelimit.RateLimited:
            self.say(texts.too_many_attempts())
            return
        report = report_follow_up(tracking_code=code, key=key)
        if report is None:
            self.say(texts.link_failed())
            return
        ContactReport.objects.update_or_create(
            report=report, defaults={"contact": self.contact, "via": ContactReport.Via.CEK}
        )
        audit_record(
            action="whatsapp.report_linked",
            actor_label="pelapor/whatsapp",
            obj=report,
            office=report.office,
            summary=report.tracking_code,
        )
        self.talk_about(report)
        self.say(texts.linked(report.tracking_code, str(Status(report.status).label)), report=report)


def _short() -> str:
    return _("Tulis sedikit lebih lengkap (minimal %(n)s karakter).") % {"n": DESCRIPTION_MIN}


def _info_link(topic: str) -> str:
    """The topic's portal article in the user's language; while it is untranslated, the Indonesian original
    (as the portal's lists do); with no article published, the section's index page in the user's language."""
    slug = INFO_ARTICLES[topic]
    versions = {
        article.language: article
        for article in published_articles().filter(Q(slug=slug) | Q(translation_of__slug=slug))
    }
    article = versions.get(translation.get_language() or "id") or versions.get("id")
    if article is not None:
        return texts.absolute(article.get_absolute_url())
    return texts.url("content:edukasi" if topic == "jalur_resmi" else "content:layanan")
