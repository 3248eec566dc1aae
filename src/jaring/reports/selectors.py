"""Reads for the reporter holding a receipt: only what is public to them (never internal notes)."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from jaring.reports.models import Attachment, Message, Report, Status, StatusChange

# Plain-language meaning of each status for the reporter (shown under the status name on /lapor/cek/).
STATUS_HELP = {
    Status.BARU: lambda: _("Laporan Anda sudah kami terima dan menunggu diperiksa petugas."),
    Status.DIVERIFIKASI: lambda: _("Petugas sudah memeriksa laporan Anda dan akan menindaklanjutinya."),
    Status.DITINDAKLANJUTI: lambda: _("Petugas sedang menindaklanjuti laporan Anda."),
    Status.MENUNGGU_PELAPOR: lambda: _(
        "Petugas membutuhkan keterangan dari Anda: baca pesan petugas dan balas."
    ),
    Status.DIRUJUK: lambda: _("Laporan Anda diteruskan ke instansi yang berwenang."),
    Status.SELESAI: lambda: _("Penanganan laporan Anda sudah selesai."),
    Status.DITOLAK: lambda: _("Laporan tidak dapat ditindaklanjuti; baca catatan petugas untuk alasannya."),
}


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
            help=str(STATUS_HELP[Status(change.to_status)]()),
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


def status_help(status: str) -> str:
    return str(STATUS_HELP[Status(status)]())
