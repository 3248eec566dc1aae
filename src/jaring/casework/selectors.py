"""Reads scoped to who asks. `reports_visible_to` is the one place that decides which reports a user sees."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404

from jaring.accounts.models import User
from jaring.accounts.permissions import can_handle, can_open_attachment, can_read_thread
from jaring.casework.models import Label, Referral, ReferralUpdate, ReplyTemplate, ReportLabel
from jaring.reports.models import Attachment, Message, Report, StatusChange

# Decrypting identity is an audited act (services.identity_reveal); ordinary reads never load those columns.
PRIVATE_FIELDS = ("reporter_name", "reporter_contact", "follow_up_key_hash")


def reports_visible_to(user: User) -> QuerySet[Report]:
    """Officers and supervisors: their office's reports. Mitra: reports referred to their agency.

    Admins configure the system and see no cases (least privilege: an admin who also handles cases gets an
    officer account). Anyone else sees nothing.
    """
    base = Report.objects.defer(*PRIVATE_FIELDS)
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return base.none()
    if user.is_officer:
        return base.filter(office_id=user.office_id)
    if user.is_mitra and user.agency_id:
        referred = Referral.objects.filter(agency_id=user.agency_id).values("report_id")
        return base.filter(pk__in=referred)
    return base.none()


def report_for(user: User, tracking_code: str) -> Report:
    """The report with this code if `user` may see it; Http404 otherwise (no hint that it exists)."""
    code = tracking_code.strip()[:32]
    report = (
        reports_visible_to(user)
        .select_related("office", "assignee", "duplicate_of")
        .filter(tracking_code__in={code, code.upper()})
        .first()
    )
    if report is None:
        raise Http404
    return report


def referrals_for(user: User, report: Report) -> QuerySet[Referral]:
    """All referrals of the report for officers; only their own agency's for a mitra."""
    qs = Referral.objects.filter(report=report).select_related("agency", "created_by")
    qs = qs.prefetch_related(Prefetch("updates", queryset=ReferralUpdate.objects.select_related("actor")))
    if user.is_mitra:
        qs = qs.filter(agency_id=user.agency_id)
    return qs


def referrals_waiting(user: User) -> QuerySet[Referral]:
    """Hand-overs not yet taken up by the partner (status "dikirim"), oldest first: for a mitra those sent to
    their agency (waiting for them), for officers those of their office (waiting for the partner). TPI
    hand-overs are referrals too (checkpoints/services.py)."""
    qs = Referral.objects.filter(status=Referral.Status.DIKIRIM).select_related("report", "agency")
    if getattr(user, "is_officer", False):
        # Driven from the (small) referral table: joining on report__office_id made SQLite walk every report
        # of the office first (8 ms at 100,000 reports with no referral at all).
        of_office = Report.objects.filter(pk=OuterRef("report_id"), office_id=user.office_id)
        return qs.filter(Exists(of_office)).order_by("created_at", "pk")
    if getattr(user, "is_mitra", False) and user.agency_id:
        return qs.filter(agency_id=user.agency_id).order_by("created_at", "pk")
    return qs.none()


def referral_for(user: User, report: Report, pk: int) -> Referral:
    """One referral of `report` the user may see (Http404 otherwise), holding `report` as report_for read it:
    with the identity columns deferred (the lazy foreign key would load and decrypt them)."""
    referral = referrals_for(user, report).filter(pk=pk).first()
    if referral is None:
        raise Http404
    referral.report = report
    return referral


def messages_for(user: User, report: Report) -> QuerySet[Message]:
    """The thread for officers (notes included); nothing for a mitra: the thread can reveal the reporter."""
    if not can_read_thread(user, report):
        return Message.objects.none()
    return Message.objects.filter(report=report).select_related("author").order_by("created_at", "pk")


def attachments_for(user: User, report: Report) -> QuerySet[Attachment]:
    """Files for the office's officers only (accounts.permissions.can_open_attachment)."""
    if not can_open_attachment(user, report):
        return Attachment.objects.none()
    return Attachment.objects.filter(report=report).order_by("created_at", "pk")


def attachment_for(user: User, tracking_code: str, attachment_id: int) -> tuple[Report, Attachment]:
    report = report_for(user, tracking_code)
    attachment = attachments_for(user, report).filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    return report, attachment


def status_changes_for(report: Report) -> QuerySet[StatusChange]:
    return StatusChange.objects.filter(report=report).select_related("actor").order_by("created_at", "pk")


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    kind: str  # "message", "note", "status", "referral"
    actor: str  # the username, or who wrote it when no account did ("pelapor", "sistem")
    title: str
    body: str  # a status change: the internal reason
    actor_name: str = ""  # what the officer reads: full name, "Pelapor", "Sistem", "Name (agency)"
    role: str = ""  # "reporter", "officer", "partner", "system"
    public_note: str = ""  # a status change: what the reporter reads on /lapor/cek/
    attachments: int = 0


def display_name(user: User | None) -> str:
    """An account as people read it: the full name, else the username."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


_ROLE_OF_AUTHOR = {
    Message.Author.PELAPOR: "reporter",
    Message.Author.PETUGAS: "officer",
    Message.Author.MITRA: "partner",
    Message.Author.SISTEM: "system",
}


def _message_entry(m: Message) -> TimelineEntry:
    label = str(m.get_author_kind_display())
    return TimelineEntry(
        at=m.created_at,
        kind="note" if m.is_internal else "message",
        actor=m.author.get_username() if m.author else m.author_kind,
        title="",
        body=m.body,
        actor_name=display_name(m.author) or label,
        role=_ROLE_OF_AUTHOR.get(m.author_kind, "system"),
        attachments=len(m.attachments.all()),
    )


def _status_entry(c: StatusChange) -> TimelineEntry:
    # A change without an actor was made by the system (intake writes the first "baru" entry).
    return TimelineEntry(
        at=c.created_at,
        kind="status",
        actor=c.actor.get_username() if c.actor else "sistem",
        title=c.get_to_status_display(),
        body=c.reason or c.public_note,
        actor_name=display_name(c.actor) or str(Message.Author.SISTEM.label),
        role="officer" if c.actor else "system",
        public_note=c.public_note,
    )


def timeline_for(user: User, report: Report) -> list[TimelineEntry]:
    """Thread, status changes and partner follow-ups in one chronological list (what the officer reads).

    A mitra gets the follow-ups of their own agency's referral only (selectors above scope each part).
    """
    entries = [_message_entry(m) for m in messages_for(user, report).prefetch_related("attachments")]
    if can_handle(user, report):
        entries += [_status_entry(c) for c in status_changes_for(report)]
    for ref in referrals_for(user, report):
        for u in ref.updates.all():
            entries.append(
                TimelineEntry(
                    at=u.created_at,
                    kind="referral",
                    actor=u.actor.get_username(),
                    title=f"{ref.agency.name}: {u.get_status_display()}",
                    body=u.note,
                    # A partner is named with their agency; the officer who referred is one of the office's.
                    actor_name=(
                        f"{display_name(u.actor)} ({ref.agency.name})"
                        if u.actor.is_mitra
                        else display_name(u.actor)
                    ),
                    role="partner" if u.actor.is_mitra else "officer",
                )
            )
    entries.sort(key=lambda e: e.at)
    return entries


def labels_for_office(office_id: int | None) -> QuerySet[Label]:
    return Label.objects.filter(office_id=office_id)


def report_labels(report: Report) -> list[Label]:
    return [rl.label for rl in ReportLabel.objects.filter(report=report).select_related("label")]


def reply_templates_for(user: User) -> QuerySet[ReplyTemplate]:
    if not user.is_officer:
        return ReplyTemplate.objects.none()
    return ReplyTemplate.objects.filter(office_id=user.office_id)


def with_attachment_flag(qs: QuerySet[Report]) -> QuerySet[Report]:
    return qs.annotate(has_attachments=Exists(Attachment.objects.filter(report=OuterRef("pk"))))
