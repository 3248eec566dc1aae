"""The report workflow: which status may follow which, and what each status means to the reporter.

States follow SP4N-LAPOR! practice (verify, follow up, refer to the competent agency, close) and FixMyStreet's
triage queue. `report_transition` in services.py is the only code that changes Report.status.
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

# Reopening a closed report (selesai -> ditindaklanjuti, ditolak -> diverifikasi) is allowed with a reason:
# a reporter may come back with new facts.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.BARU: (Status.DIVERIFIKASI, Status.DITOLAK),
    Status.DIVERIFIKASI: (
        Status.DITINDAKLANJUTI,
        Status.MENUNGGU_PELAPOR,
        Status.DIRUJUK,
        Status.SELESAI,
        Status.DITOLAK,
    ),
    Status.DITINDAKLANJUTI: (Status.MENUNGGU_PELAPOR, Status.DIRUJUK, Status.SELESAI, Status.DITOLAK),
    Status.MENUNGGU_PELAPOR: (Status.DITINDAKLANJUTI, Status.DIRUJUK, Status.SELESAI, Status.DITOLAK),
    Status.DIRUJUK: (Status.DITINDAKLANJUTI, Status.SELESAI),
    Status.SELESAI: (Status.DITINDAKLANJUTI,),
    Status.DITOLAK: (Status.DIVERIFIKASI,),
}
# Statuses whose entry must be explained (closing, rejecting, reopening).
REASON_REQUIRED = {Status.SELESAI, Status.DITOLAK}


class RejectReason:
    SPAM = "spam"
    TIDAK_RELEVAN = "tidak_relevan"
    DUPLIKAT = "duplikat"
    CHOICES = [
        (SPAM, _("Spam")),
        (TIDAK_RELEVAN, _("Tidak relevan")),
        (DUPLIKAT, _("Duplikat laporan lain")),
    ]
    CODES = (SPAM, TIDAK_RELEVAN, DUPLIKAT)


# Plain-language status for the reporter on /lapor/cek/ (the Lapor pages import public_status_text).
_PUBLIC_TEXT = {
    Status.BARU: _("Laporan Anda sudah masuk dan menunggu diperiksa petugas."),
    Status.DIVERIFIKASI: _("Petugas sudah memeriksa laporan Anda dan akan menindaklanjutinya."),
    Status.DITINDAKLANJUTI: _("Petugas sedang menindaklanjuti laporan Anda."),
    Status.MENUNGGU_PELAPOR: _(
        "Petugas membutuhkan informasi tambahan dari Anda. Silakan baca pesan petugas dan balas."
    ),
    Status.DIRUJUK: _(
        "Laporan Anda diteruskan ke instansi yang berwenang untuk ditangani. Identitas Anda tetap "
        "dirahasiakan kecuali Anda mengizinkannya."
    ),
    Status.SELESAI: _("Penanganan laporan Anda sudah selesai. Terima kasih atas laporan Anda."),
    Status.DITOLAK: _(
        "Laporan Anda tidak dapat kami tindak lanjuti. Baca keterangan petugas untuk alasannya."
    ),
}


def public_status_text(status: str) -> str:
    """What a status means, in plain words for the reporter (in the active language)."""
    text = _PUBLIC_TEXT.get(status)
    return gettext(str(text)) if text is not None else ""


def allowed_next(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


def is_closed(status: str) -> bool:
    return status in CLOSED_STATUSES
