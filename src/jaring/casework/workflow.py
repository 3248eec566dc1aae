"""The report workflow: which status may follow which, and what each status means to the reporter.

States follow SP4N-LAPOR! practice (verify, follow up, refer to the competent agency, close) and FixMyStreet's
triage queue. `report_transition` in services.py is the only code that changes Report.status. Which statuses
are closed and what each means to the reporter is reports.statuses'.
"""

from django.utils.translation import gettext_lazy as _

from jaring.reports.models import Status

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


def allowed_next(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())
