"""Reads for the reporter holding a receipt: only what is public to them (never internal notes)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from jaring.lib import regions
from jaring.reports.models import Attachment, Message, Party, Report, Status, StatusChange
from jaring.reports.statuses import public_status_text


@dataclass(frozen=True)
class TimelineEntry:
    status: str
    label: str
    help: str
    note: str
    at: datetime


def public_timeline(report: Report) -> list[TimelineEntry]:
    changes: QuerySet[StatusChange] = report.status_changes.order_by("created_at", "pk")
    return [
        TimelineEntry(
            status=change.to_status,
            label=str(Status(change.to_status).label),
            help=public_status_text(change.to_status),
            note=change.public_note,
            at=change.created_at,
        )
        for change in changes
    ]


def public_messages(report: Report) -> QuerySet[Message]:
    return (
        Message.objects.filter(report=report, is_internal=False)
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )


def submission_attachments(report: Report) -> QuerySet[Attachment]:
    """Files sent with the report itself (not with a later message)."""
    return report.attachments.filter(message__isnull=True).order_by("pk")


def report_location(report: Report) -> str:
    """Where it happened as people read it: the region's names (not its Kemendagri code), then the reporter's
    own words. A code the region data does not know is shown as it is rather than hidden."""
    region = regions.get(report.region_code) if report.region_code else None
    named = region.full_label if region else report.region_code
    return " \u2014 ".join(part for part in (named, report.location_text) if part)


def submitted_parties(report: Report) -> QuerySet[Party]:
    """The people and identifiers the reporter named at intake (only intake writes parties)."""
    return report.parties.order_by("pk")
