"""Reads scoped to who asks. `reports_visible_to` is the one place that decides which reports a user sees."""

from dataclasses import dataclass

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
    at: object
    kind: str  # "message", "note", "status", "referral"
    actor: str
    title: str
    body: str


def timeline_for(user: User, report: Report) -> list[TimelineEntry]:
    """Thread, status changes and partner follow-ups in one chronological list (what the officer reads)."""
    entries: list[TimelineEntry] = []
    for m in messages_for(user, report):
        who = m.author.get_username() if m.author else m.get_author_kind_display()
        entries.append(TimelineEntry(m.created_at, "note" if m.is_internal else "message", who, "", m.body))
    if can_handle(user, report):
        for c in status_changes_for(report):
            who = c.actor.get_username() if c.actor else ""
            entries.append(
                TimelineEntry(
                    c.created_at, "status", who, c.get_to_status_display(), c.reason or c.public_note
                )
            )
    for ref in referrals_for(user, report):
        for u in ref.updates.all():
            entries.append(
                TimelineEntry(
                    u.created_at,
                    "referral",
                    u.actor.get_username(),
                    f"{ref.agency.name}: {u.get_status_display()}",
                    u.note,
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
