"""The partner-officer thread of a referral, and the reporter messages officers share into it.

Who takes part: the agency the report was referred to and the office's officers (accounts.permissions
`can_use_referral_thread`); the reporter never sees it. The reporter's follow-up messages reach the partner only
when an officer shares one (`referral_message_share`, audited), never by default: the thread with the reporter
can reveal who they are. A partner's reading of a thread is audited (`referral.thread_viewed`) like any view of
a report's personal data by someone outside the office; officers' reads are not, as their reads of the
reporter's thread are not. The other side is told by e-mail that there is a new message, without its text.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from jaring.accounts.models import User
from jaring.accounts.permissions import can_share_with_partner, can_use_referral_thread, require
from jaring.audit.services import audit_record
from jaring.casework.models import Referral, ReferralMessage, SharedReporterMessage
from jaring.reports.models import Message
from jaring.reports.validation import MESSAGE_MAX


@dataclass(frozen=True)
class ThreadEntry:
    at: datetime
    side: str  # "mitra", "petugas" or "pelapor" (a shared reporter message)
    author: str
    body: str


def _side(actor: User) -> str:
    return ReferralMessage.Side.MITRA if actor.is_mitra else ReferralMessage.Side.PETUGAS


def referral_message_post(*, referral: Referral, body: str, actor: User) -> ReferralMessage:
    """A question or answer in the referral's thread; the other side gets an e-mail (without the text)."""
    require(can_use_referral_thread(actor, referral), _("Rujukan ini bukan untuk Anda."))
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Tulis pesan Anda.")})
    if len(body) > MESSAGE_MAX:
        raise ValidationError({"body": _("Terlalu panjang: maksimal %(n)s karakter.") % {"n": MESSAGE_MAX}})
    if referral.status == Referral.Status.SELESAI:
        raise ValidationError({"body": _("Rujukan sudah selesai; percakapannya tidak dapat ditambah.")})
    report = referral.report
    with transaction.atomic():
        message = ReferralMessage.objects.create(
            referral=referral, side=_side(actor), author=actor, body=body
        )
        audit_record(
            action="referral.message_posted",
            actor=actor,
            obj=report,
            office=report.office,
            summary=f"{report.tracking_code} {referral.agency.slug} {message.side}",
            data={"referral_id": referral.pk, "message_id": message.pk, "side": message.side},
        )
        _notify_other_side(referral, message.side)
    return message


def _recipients(referral: Referral, side: str) -> list[str]:
    """Who hears of a new message: the agency's users for the office's words; for the agency's, the report's
    assignee, or the office's supervisors while nobody is assigned."""
    users = User.objects.filter(is_active=True).exclude(email="")
    if side == ReferralMessage.Side.PETUGAS:
        users = users.filter(role=User.Role.MITRA, agency_id=referral.agency_id)
    elif referral.report.assignee_id:
        users = users.filter(pk=referral.report.assignee_id)
    else:
        users = users.filter(role=User.Role.SUPERVISOR, office_id=referral.report.office_id)
    return list(users.values_list("email", flat=True))


def _notify_other_side(referral: Referral, side: str) -> None:
    """E-mails the side that did not write (`side` wrote); sent after commit."""
    emails = _recipients(referral, side)
    if not emails:
        return
    code = referral.report.tracking_code
    with translation.override(settings.LANGUAGE_CODE):
        link = settings.SITE_URL + reverse("casework:detail", args=[code]) + f"#rujukan-{referral.pk}"
        who = referral.agency.name if side == ReferralMessage.Side.MITRA else referral.report.office.name
        subject = _("Jaring: pesan baru tentang rujukan laporan %(code)s") % {"code": code}
        # The text stays in Jaring: an e-mail can be forwarded or read on a shared phone.
        body = _(
            "Ada pesan baru dari %(who)s tentang rujukan laporan %(code)s. Baca dan balas di %(link)s"
        ) % {
            "who": who,
            "code": code,
            "link": link,
        }
    transaction.on_commit(lambda: send_mail(subject, body, None, emails, fail_silently=True))


def _shareable(referral: Referral, message: Message) -> None:
    if message.report_id != referral.report_id or message.author_kind != Message.Author.PELAPOR:
        raise ValidationError({"message": _("Hanya pesan pelapor pada laporan ini yang dapat dibagikan.")})
    if message.is_internal:
        raise ValidationError({"message": _("Catatan internal tidak dapat dibagikan.")})


def referral_message_share(*, referral: Referral, message: Message, actor: User) -> SharedReporterMessage:
    """Shows one of the reporter's messages to the referral's agency (an officer's explicit, audited choice)."""
    require(can_share_with_partner(actor, referral.report), _("Anda tidak menangani laporan ini."))
    _shareable(referral, message)
    if referral.status == Referral.Status.SELESAI:
        raise ValidationError({"message": _("Rujukan sudah selesai; tidak ada yang perlu dibagikan lagi.")})
    report = referral.report
    with transaction.atomic():
        shared, created = SharedReporterMessage.objects.get_or_create(
            referral=referral, message=message, defaults={"shared_by": actor}
        )
        if created:
            audit_record(
                action="referral.message_shared",
                actor=actor,
                obj=report,
                office=report.office,
                summary=f"{report.tracking_code} -> {referral.agency.slug}",
                data={"referral_id": referral.pk, "message_id": message.pk},
            )
            _notify_other_side(referral, ReferralMessage.Side.PETUGAS)
    return shared


def referral_message_unshare(*, referral: Referral, message: Message, actor: User) -> None:
    """Takes a shared reporter message back (what the agency already read cannot be unread: it is audited)."""
    require(can_share_with_partner(actor, referral.report), _("Anda tidak menangani laporan ini."))
    report = referral.report
    with transaction.atomic():
        deleted, _rows = SharedReporterMessage.objects.filter(referral=referral, message=message).delete()
        if deleted:
            audit_record(
                action="referral.message_unshared",
                actor=actor,
                obj=report,
                office=report.office,
                summary=f"{report.tracking_code} -/-> {referral.agency.slug}",
                data={"referral_id": referral.pk, "message_id": message.pk},
            )


def referral_thread_read(*, referral: Referral, actor: User) -> list[ThreadEntry]:
    """The thread in order (messages of both sides and the shared reporter messages); a partner's read of a
    non-empty thread is audited with the ids of the reporter messages it showed."""
    require(can_use_referral_thread(actor, referral), _("Rujukan ini bukan untuk Anda."))
    entries = [
        ThreadEntry(
            m.created_at,
            m.side,
            referral.agency.name if m.side == ReferralMessage.Side.MITRA else m.author.get_username(),
            m.body,
        )
        for m in ReferralMessage.objects.filter(referral=referral).select_related("author")
    ]
    shared = list(
        SharedReporterMessage.objects.filter(referral=referral).select_related("message").order_by("pk")
    )
    entries += [
        ThreadEntry(s.message.created_at, "pelapor", str(Message.Author.PELAPOR.label), s.message.body)
        for s in shared
    ]
    entries.sort(key=lambda e: e.at)
    if entries and actor.is_mitra:
        report = referral.report
        with transaction.atomic():
            audit_record(
                action="referral.thread_viewed",
                actor=actor,
                obj=report,
                office=report.office,
                summary=f"{report.tracking_code} {referral.agency.slug}",
                data={"referral_id": referral.pk, "shared_message_ids": [s.message_id for s in shared]},
            )
    return entries


def reporter_messages_to_share(referral: Referral) -> list[tuple[Message, bool]]:
    """The reporter's follow-up messages of the report, each with whether this referral's agency sees it
    (for the officer's share buttons; officers only, the caller checks can_share_with_partner)."""
    shared = set(SharedReporterMessage.objects.filter(referral=referral).values_list("message_id", flat=True))
    messages = Message.objects.filter(
        report_id=referral.report_id, author_kind=Message.Author.PELAPOR, is_internal=False
    ).order_by("created_at", "pk")
    return [(m, m.pk in shared) for m in messages]


def with_threads(user: User, referrals: Iterable[Referral]) -> list[Referral]:
    """The report page's referrals, each with `.thread` and, for officers, `.reporter_messages` to share."""
    out = list(referrals)
    for ref in out:
        ref.thread = referral_thread_read(referral=ref, actor=user)
        sharing = can_share_with_partner(user, ref.report)
        ref.reporter_messages = reporter_messages_to_share(ref) if sharing else []
    return out
