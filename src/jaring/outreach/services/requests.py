from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jaring.accounts.models import Office, User
from jaring.audit.services import audit_record
from jaring.lib import regions
from jaring.outreach.models import Event, RequesterKind, RequestStatus, SessionRequest, Topic


@transaction.atomic
def session_request_submit(
    *,
    office: Office,
    organisation: str,
    requester_kind: str,
    contact_name: str,
    contact_phone: str,
    region_code: str = "",
    preferred_date: date | None = None,
    topics: list[str] | None = None,
    audience_size: int | None = None,
    message: str = "",
) -> SessionRequest:
    errors = {}
    if not organisation.strip():
        errors["organisation"] = _("Nama lembaga atau desa wajib diisi.")
    if requester_kind not in RequesterKind.values:
        errors["requester_kind"] = _("Pilih jenis pemohon.")
    if not contact_name.strip():
        errors["contact_name"] = _("Nama narahubung wajib diisi.")
    if sum(ch.isdigit() for ch in contact_phone) < 8:
        errors["contact_phone"] = _("Tulis nomor telepon atau WhatsApp yang bisa dihubungi.")
    if region_code and regions.get(region_code) is None:
        errors["region_code"] = _("Kode wilayah tidak dikenal.")
    if preferred_date and preferred_date < timezone.localdate():
        errors["preferred_date"] = _("Tanggal yang diinginkan sudah lewat.")
    if set(topics or []) - set(Topic.values):
        errors["topics"] = _("Topik tidak dikenal.")
    if errors:
        raise ValidationError(errors)
    request = SessionRequest.objects.create(
        office=office,
        organisation=organisation.strip()[:200],
        requester_kind=requester_kind,
        region_code=region_code,
        contact_name=contact_name.strip()[:200],
        contact_phone=contact_phone.strip()[:40],
        preferred_date=preferred_date,
        topics=[t for t in Topic.values if t in (topics or [])],
        audience_size=audience_size,
        message=message.strip()[:2000],
    )
    audit_record(
        action="outreach.request.submitted",
        actor_label="publik",
        obj=request,
        office=office,
        summary=request.organisation,
    )
    return request


@transaction.atomic
def session_request_update(
    *, actor: User, request: SessionRequest, status: str, staff_note: str = "", event: Event | None = None
) -> SessionRequest:
    if status not in RequestStatus.values:
        raise ValidationError({"status": _("Status tidak dikenal.")})
    if event is not None and event.office_id != request.office_id:
        raise ValidationError({"event": _("Kegiatan tidak ditemukan di kantor ini.")})
    if status == RequestStatus.DITOLAK and not staff_note.strip():
        raise ValidationError({"staff_note": _("Tulis alasan penolakan.")})
    previous = request.status
    request.status, request.staff_note, request.event = status, staff_note.strip(), event
    if status != RequestStatus.BARU:
        request.handled_by, request.handled_at = actor, timezone.now()
    request.save()
    audit_record(
        action="outreach.request.updated",
        actor=actor,
        obj=request,
        office=request.office,
        summary=f"{previous} -> {status}",
    )
    return request
