"""Referral to partner agencies ("no wrong door", SP4N-LAPOR!) and the mitra's follow-up."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jaring.accounts.models import Agency, User
from jaring.accounts.permissions import can_download_case_file, can_refer, can_update_referral, require
from jaring.audit.services import audit_record
from jaring.casework.case_file import CaseFileStamp, case_file_pdf
from jaring.casework.models import Referral, ReferralUpdate
from jaring.casework.referral_thread import referral_thread_read
from jaring.casework.services import report_transition
from jaring.reports.models import Report, Status
from jaring.reports.statuses import is_closed
from jaring.reports.validation import MESSAGE_MAX

# The mitra moves a referral forward only: dikirim -> diterima -> ditindaklanjuti -> selesai.
REFERRAL_ORDER = [s.value for s in Referral.Status]


def agency_for(slug: str, report: Report) -> Agency:
    """A partner agency of the report's office by slug (e.g. bp3mi-kepri); ValidationError otherwise."""
    agency = Agency.objects.filter(slug=(slug or "").strip(), offices=report.office_id).first()
    if agency is None:
        raise ValidationError({"agency": _("Instansi mitra tidak dikenal.")})
    return agency


@transaction.atomic
def referral_create(*, report: Report, agency: Agency, note: str, actor: User) -> Referral:
    """Refers the report to an agency and moves it to `dirujuk` through the workflow service."""
    require(can_refer(actor, report), _("Anda tidak menangani laporan ini."))
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": _("Tulis catatan untuk instansi mitra.")})
    if len(note) > MESSAGE_MAX:
        raise ValidationError({"note": _("Terlalu panjang: maksimal %(n)s karakter.") % {"n": MESSAGE_MAX}})
    if is_closed(report.status):
        raise ValidationError({"agency": _("Laporan sudah ditutup; buka kembali sebelum merujuk.")})
    if Referral.objects.filter(report=report, agency=agency).exclude(status=Referral.Status.SELESAI).exists():
        raise ValidationError({"agency": _("Laporan ini sudah dirujuk ke instansi tersebut.")})
    referral = Referral.objects.create(report=report, agency=agency, note=note, created_by=actor)
    ReferralUpdate.objects.create(referral=referral, status=Referral.Status.DIKIRIM, note=note, actor=actor)
    audit_record(
        action="report.referred",
        actor=actor,
        obj=report,
        office=report.office,
        summary=f"{report.tracking_code} -> {agency.slug}",
        data={"agency": agency.slug, "referral_id": referral.pk},
    )
    if report.status != Status.DIRUJUK:
        report_transition(
            report=report,
            actor=actor,
            to=Status.DIRUJUK,
            reason=_("Dirujuk ke %(agency)s") % {"agency": agency.name},
        )
    return referral


@transaction.atomic
def referral_update(*, referral: Referral, status: str, note: str, actor: User) -> Referral:
    """The mitra's follow-up; closing (selesai) needs the outcome in `note`."""
    require(can_update_referral(actor, referral), _("Rujukan ini bukan untuk instansi Anda."))
    note = (note or "").strip()
    if status not in REFERRAL_ORDER:
        raise ValidationError({"status": _("Status rujukan tidak dikenal.")})
    current = Referral.objects.select_for_update().get(pk=referral.pk)
    if REFERRAL_ORDER.index(status) < REFERRAL_ORDER.index(current.status) or (
        status == current.status == Referral.Status.SELESAI
    ):
        raise ValidationError(
            {
                "status": _("Rujukan berstatus %(s)s tidak dapat diubah ke status itu.")
                % {"s": current.get_status_display()}
            }
        )
    if status == Referral.Status.SELESAI and not note:
        raise ValidationError({"note": _("Tuliskan hasil tindak lanjut untuk menyelesaikan rujukan.")})
    if len(note) > MESSAGE_MAX:
        raise ValidationError({"note": _("Terlalu panjang: maksimal %(n)s karakter.") % {"n": MESSAGE_MAX}})
    previous = current.status
    current.status = status
    if status == Referral.Status.SELESAI:
        current.outcome = note
    current.save(update_fields=["status", "outcome", "updated_at"])
    ReferralUpdate.objects.create(referral=current, status=status, note=note, actor=actor)
    report = current.report
    audit_record(
        action="referral.updated",
        actor=actor,
        obj=report,
        office=report.office,
        summary=f"{report.tracking_code} {current.agency.slug}: {previous} -> {status}",
        data={"referral_id": current.pk, "from": previous, "to": status},
    )
    referral.status, referral.outcome = current.status, current.outcome
    return current


@transaction.atomic
def referral_case_file(*, referral: Referral, actor: User) -> bytes:
    """The referral's case file as PDF. The download is audited first and the file cites that event, so a
    printed copy can be traced to who made it; if the PDF cannot be made, the audit row rolls back with it."""
    require(can_download_case_file(actor, referral), _("Rujukan ini bukan untuk instansi Anda."))
    report = referral.report
    # The referral's partner-officer thread, with the reporter messages an officer shared into it: read as the
    # page reads it (a partner's read of shared reporter words is audited there too).
    thread = referral_thread_read(referral=referral, actor=actor)
    event = audit_record(
        action="referral.case_file",
        actor=actor,
        obj=report,
        office=report.office,
        summary=f"{report.tracking_code} {referral.agency.slug}",
        data={"referral_id": referral.pk, "agency": referral.agency.slug},
    )
    stamp = CaseFileStamp(
        audit_id=event.pk, made_by=actor.get_full_name() or actor.get_username(), made_at=event.created_at
    )
    return case_file_pdf(referral, stamp, thread)
