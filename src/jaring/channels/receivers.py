"""Reactions of the outbound channels to the Lapor channel's events (connected in ChannelsConfig.ready).

`notify_reporter_of_answer`: a Rahasia reporter who opted in (reports.Report.notify_new_answer) is told that an
answer is waiting, at the contact they gave: by e-mail, or on WhatsApp with the approved template
settings.WHATSAPP_NOTIFY_TEMPLATE. The notice says only that there is an answer and links to /lapor/cek/ (in the
language they reported in): no answer text, no tracking code, no category. A mailbox or a phone can be read by
someone else, the recruiter included; the answer itself stays behind the receipt's key.

A report linked to a WhatsApp chat (born there, or linked with CEK) gets the reply in that chat
(services.relay_report_reply), so it gets no notice here.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from jaring.audit.services import audit_record
from jaring.channels.identity import normalise_wa_id, wa_hash
from jaring.channels.models import Contact, ContactReport, OutboundMessage
from jaring.channels.services import outbound_queue
from jaring.lib.phones import normalise_phone
from jaring.reports.models import IdentityMode, Message, Report
from jaring.reports.validation import REPORTER_LANGUAGES


def check_link(language: str) -> str:
    """The absolute /lapor/cek/ address in the reporter's language (/en/lapor/cek/ for English)."""
    with translation.override(language if language in REPORTER_LANGUAGES else settings.LANGUAGE_CODE):
        return settings.SITE_URL + reverse("reports:check")


def notice_text(language: str) -> tuple[str, str]:
    """Subject and body of the e-mail notice; nothing of the report or the answer is in them."""
    link = check_link(language)
    with translation.override(language if language in REPORTER_LANGUAGES else settings.LANGUAGE_CODE):
        subject = _("Ada jawaban baru untuk laporan Anda")
        body = _(
            "Petugas telah menjawab laporan yang Anda kirim.\n\n"
            "Untuk membacanya, buka %(link)s lalu masukkan kode laporan dan kunci tindak lanjut dari tanda "
            "terima Anda.\n\n"
            "Pesan ini sengaja tidak memuat isi jawaban. Untuk berhenti menerima pemberitahuan, buka laporan Anda "
            "di halaman itu dan pilih Matikan pemberitahuan."
        ) % {"link": link}
    return subject, body


def _whatsapp_contact(report: Report, e164: str, language: str) -> Contact:
    wa_id = normalise_wa_id(e164)
    contact, _created = Contact.objects.get_or_create(
        wa_hash=wa_hash(wa_id),
        defaults={"office": report.office, "wa_id": wa_id, "language": language or settings.LANGUAGE_CODE},
    )
    return contact


def notify_reporter_of_answer(*, message: Message, **_kwargs: Any) -> OutboundMessage | None:
    """Receives `report_replied` inside the reply's transaction: queues the notice (the WhatsApp row commits
    with the reply; the e-mail is sent after commit) and records which way it went."""
    if message.is_internal:
        return None
    report = Report.objects.select_related("office").get(pk=message.report_id)
    if not report.notify_new_answer or report.identity_mode != IdentityMode.RAHASIA:
        return None
    if ContactReport.objects.filter(report_id=report.pk).exists():
        return None
    language = report.reporter_language
    contact_text = report.reporter_contact.strip()
    e164 = normalise_phone(contact_text)
    out = None
    if e164:
        via = "whatsapp"
        contact = _whatsapp_contact(report, e164, language)
        out = outbound_queue(
            contact=contact,
            report=report,
            template_name=settings.WHATSAPP_NOTIFY_TEMPLATE,
            template_params=[check_link(language)],
        )
    else:
        try:
            validate_email(contact_text)
        except ValidationError:
            return None  # intake accepts only a phone or an e-mail; an older row may hold neither
        via = "email"
        subject, body = notice_text(language)
        transaction.on_commit(
            lambda: send_mail(subject, body, None, [contact_text], fail_silently=True), robust=True
        )
    audit_record(
        action="report.reporter_notified",
        actor_label="sistem/pemberitahuan",
        obj=report,
        office=report.office,
        summary=f"{report.tracking_code} {via}",
        data={"via": via, "message_id": message.pk},
    )
    return out
