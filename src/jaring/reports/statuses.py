"""What a report's status means outside the workflow: open or closed, and in plain words for the reporter.

The one owner of these rules: the Lapor pages (/lapor/cek/, the API thread, WhatsApp), the officers' pages and
the workflow (casework.workflow, which owns which status may follow which) all ask here.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jaring.reports.models import Status

OPEN_STATUSES = (
    Status.BARU,
    Status.DIVERIFIKASI,
    Status.DITINDAKLANJUTI,
    Status.MENUNGGU_PELAPOR,
    Status.DIRUJUK,
)
CLOSED_STATUSES = (Status.SELESAI, Status.DITOLAK)


def is_closed(status: str) -> bool:
    """A closed report takes no new messages or referrals until an officer reopens it (with a reason)."""
    return status in CLOSED_STATUSES


# Plain-language status for the reporter on /lapor/cek/; officers see the same text on the report page
# ("Yang dilihat pelapor"), so it must be this text and no other.
_PUBLIC_TEXT = {
    Status.BARU: _("Laporan Anda sudah kami terima dan menunggu diperiksa petugas."),
    Status.DIVERIFIKASI: _("Petugas sudah memeriksa laporan Anda dan akan menindaklanjutinya."),
    Status.DITINDAKLANJUTI: _("Petugas sedang menindaklanjuti laporan Anda."),
    Status.MENUNGGU_PELAPOR: _("Petugas membutuhkan keterangan dari Anda: baca pesan petugas dan balas."),
    Status.DIRUJUK: _("Laporan Anda diteruskan ke instansi yang berwenang."),
    Status.SELESAI: _("Penanganan laporan Anda sudah selesai."),
    Status.DITOLAK: _("Laporan tidak dapat ditindaklanjuti; baca catatan petugas untuk alasannya."),
}


def public_status_text(status: str) -> str:
    """What a status means, in plain words for the reporter (in the active language)."""
    text = _PUBLIC_TEXT.get(status)
    return gettext(str(text)) if text is not None else ""
