"""Every write of the officers' workspace: validate, write in one transaction, record the audit event.

Errors a user can fix raise ValidationError with a translated message; acting on a report one may not handle
raises PermissionDenied. Nothing is written when either is raised.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from jaring.accounts.models import User
from jaring.accounts.permissions import can_assign_others, can_handle, can_set_urgency, require
from jaring.accounts.selectors import staff_users_of_office
from jaring.audit.services import audit_record
from jaring.casework.models import Label, ReportLabel
from jaring.casework.workflow import REASON_REQUIRED, RejectReason, allowed_next
from jaring.reports import events
from jaring.reports.deadlines import deadlines_on_urgency, office_date, office_today
from jaring.reports.models import Message, Priority, Report, Status, StatusChange
from jaring.reports.services import report_reply, reporter_identity_view
from jaring.reports.statuses import is_closed
from jaring.reports.validation import MESSAGE_MAX


def require_officer(actor: User, report: Report) -> None:
    require(can_handle(actor, report), _("Anda tidak menangani laporan ini."))


def _locked(report: Report) -> Report:
    """The report re-read under a row lock, so two officers acting at once cannot both pass validation."""
    return Report.objects.select_for_update().defer("reporter_name", "reporter_contact").get(pk=report.pk)


def _clean_body(body: str, *, field: str = "body") -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({field: _("Wajib diisi.")})
    if len(body) > MESSAGE_MAX:
        raise ValidationError({field: _("Terlalu panjang: maksimal %(n)s karakter.") % {"n": MESSAGE_MAX}})
    return body


@transaction.atomic
def report_transition(
    *, report: Report, actor: User, to: str, reason: str = "", public_note: str = ""
) -> StatusChange:
    """The only way a report changes status; writes the timeline entry the reporter reads on /lapor/cek/."""
    require_officer(actor, report)
    current = _locked(report)
    reason, public_note = (reason or "").strip(), (public_note or "").strip()
    if to not in Status.values:
        raise ValidationError({"to": _("Status tidak dikenal.")})
    if to not in allowed_next(current.status):
        raise ValidationError(
            {
                "to": _("Status %(from)s tidak dapat diubah menjadi %(to)s.")
                % {"from": Status(current.status).label, "to": Status(to).label}
            }
        )
    if (to in REASON_REQUIRED or is_closed(current.status)) and not reason:
        raise ValidationError(
            {"reason": _("Alasan wajib diisi untuk menutup, menolak atau membuka kembali.")}
        )
    if to == Status.DITOLAK:
        code = reason.split(":", 1)[0].strip()
        if code not in RejectReason.CODES:
            raise ValidationError(
                {
                    "reason": _("Alasan penolakan harus salah satu dari: %(codes)s.")
                    % {"codes": ", ".join(RejectReason.CODES)}
                }
            )
        if code == RejectReason.DUPLIKAT and current.duplicate_of_id is None:
            raise ValidationError({"reason": _("Tandai laporan asli melalui 'Tandai duplikat'.")})
    if to == Status.DIRUJUK and not current.referrals.exists():
        raise ValidationError({"to": _("Rujuk laporan ke instansi mitra melalui formulir rujukan.")})
    if len(reason) > MESSAGE_MAX or len(public_note) > MESSAGE_MAX:
        raise ValidationError({"reason": _("Terlalu panjang: maksimal %(n)s karakter.") % {"n": MESSAGE_MAX}})

    change = StatusChange.objects.create(
        report=current,
        from_status=current.status,
        to_status=to,
        reason=reason,
        public_note=public_note,
        actor=actor,
    )
    current.status = to
    today = office_today(current.office)
    if change.from_status == Status.BARU and current.responded_on is None:
        current.responded_on = today
    if is_closed(to):
        current.closed_at, current.close_reason, current.closed_on = timezone.now(), reason, today
    elif is_closed(change.from_status):
        current.closed_at, current.close_reason, current.closed_on = None, "", None
        if change.from_status == Status.DITOLAK:
            current.duplicate_of = None
    current.save(
        update_fields=[
            "status",
            "closed_at",
            "close_reason",
            "closed_on",
            "responded_on",
            "duplicate_of",
            "updated_at",
        ]
    )
    _copy(current, report)
    audit_record(
        action="report.transitioned",
        actor=actor,
        obj=current,
        office=current.office,
        summary=f"{current.tracking_code}: {change.from_status} -> {to}",
        data={"from": change.from_status, "to": to, "reason": reason},
    )
    return change


def _copy(source: Report, target: Report) -> None:
    """Keeps the caller's instance current after a write through the locked copy."""
    for name in (
        "status",
        "closed_at",
        "close_reason",
        "closed_on",
        "responded_on",
        "duplicate_of_id",
        "assignee_id",
        "priority",
    ):
        setattr(target, name, getattr(source, name))


def assignee_for(report: Report, username: str) -> User:
    """The active officer of the report's office with this username; ValidationError otherwise."""
    user = staff_users_of_office(report.office).filter(username=(username or "").strip()).first()
    if user is None:
        raise ValidationError({"username": _("Petugas tidak dikenal di kantor ini.")})
    return user


@transaction.atomic
def report_assign(*, report: Report, assignee: User | None, actor: User) -> Report:
    """Supervisors assign anyone of the office (or nobody); an officer can only take an unassigned report."""
    require_officer(actor, report)
    current = _locked(report)
    if assignee is not None and not (
        assignee.is_active and assignee.is_officer and assignee.office_id == current.office_id
    ):
        raise ValidationError({"username": _("Petugas tidak dikenal di kantor ini.")})
    if not can_assign_others(actor, current):
        if assignee is None or assignee.pk != actor.pk:
            raise PermissionDenied(_("Hanya supervisor yang dapat menugaskan petugas lain."))
        if current.assignee_id not in (None, actor.pk):
            raise ValidationError({"username": _("Laporan ini sudah ditangani petugas lain.")})
    previous = current.assignee.get_username() if current.assignee_id else ""
    current.assignee = assignee
    current.save(update_fields=["assignee", "updated_at"])
    _copy(current, report)
    report.assignee = assignee
    audit_record(
        action="report.assigned",
        actor=actor,
        obj=current,
        office=current.office,
        summary=f"{current.tracking_code}: {previous or '-'} -> {assignee.get_username() if assignee else '-'}",
        data={"from": previous, "to": assignee.get_username() if assignee else ""},
    )
    return current


@transaction.atomic
def report_set_priority(*, report: Report, priority: str, actor: User) -> Report:
    require_officer(actor, report)
    if priority not in Priority.values:
        raise ValidationError({"priority": _("Prioritas tidak dikenal.")})
    current = _locked(report)
    previous = current.priority
    current.priority = priority
    current.save(update_fields=["priority", "updated_at"])
    _copy(current, report)
    audit_record(
        action="report.priority_changed",
        actor=actor,
        obj=current,
        office=current.office,
        summary=f"{current.tracking_code}: {previous} -> {priority}",
        data={"from": previous, "to": priority},
    )
    return current


@transaction.atomic
def report_set_labels(*, report: Report, names: list[str], actor: User) -> list[Label]:
    """Sets the report's labels; new names become labels of the office."""
    require_officer(actor, report)
    clean = sorted({n.strip()[:60] for n in names if n.strip()})
    labels = []
    for name in clean:
        label, _created = Label.objects.get_or_create(office_id=report.office_id, name=name)
        labels.append(label)
    ReportLabel.objects.filter(report=report).exclude(label__in=labels).delete()
    for label in labels:
        ReportLabel.objects.get_or_create(report=report, label=label)
    audit_record(
        action="report.labelled",
        actor=actor,
        obj=report,
        office=report.office,
        summary=f"{report.tracking_code}: {', '.join(clean) or '-'}",
        data={"labels": clean},
    )
    return labels


@transaction.atomic
def report_mark_duplicate(*, report: Report, original_code: str, actor: User) -> StatusChange:
    """Rejects `report` as a duplicate of another report of the same office; each keeps its own thread."""
    require_officer(actor, report)
    code = (original_code or "").strip()[:32]
    original = (
        Report.objects.defer("reporter_name", "reporter_contact")
        .filter(office_id=report.office_id, tracking_code__in={code, code.upper()})
        .first()
    )
    if original is None or original.pk == report.pk:
        raise ValidationError({"original": _("Laporan asli tidak ditemukan di kantor ini.")})
    if original.duplicate_of_id == report.pk:
        raise ValidationError({"original": _("Laporan asli tidak ditemukan di kantor ini.")})
    Report.objects.filter(pk=report.pk).update(duplicate_of=original)
    report.duplicate_of = original
    return report_transition(
        report=report,
        actor=actor,
        to=Status.DITOLAK,
        reason=f"{RejectReason.DUPLIKAT}: {original.tracking_code}",
        public_note=_("Laporan ini sama dengan laporan lain yang sudah kami tangani."),
    )


@transaction.atomic
def note_add(*, report: Report, body: str, actor: User) -> Message:
    """An internal note: part of the officers' timeline, never shown to the reporter or partners."""
    require_officer(actor, report)
    body = _clean_body(body)
    note = Message.objects.create(
        report=report, author_kind=Message.Author.PETUGAS, author=actor, body=body, is_internal=True
    )
    audit_record(
        action="report.note_added",
        actor=actor,
        obj=report,
        office=report.office,
        summary=report.tracking_code,
        data={"message_id": note.pk},
    )
    return note


@transaction.atomic
def reply_send(*, report: Report, body: str, actor: User) -> Message:
    """A public reply the reporter reads on /lapor/cek/.

    Written by the Lapor service (report_reply), which refuses it once the report is closed, audits it,
    indexes it for search and announces it (WhatsApp relays it when the report came from there). The row
    lock keeps a concurrent close from slipping between the check and the write.
    """
    require_officer(actor, report)
    body = _clean_body(body)
    message = report_reply(report=_locked(report), author=actor, body=body)
    # Answering is reading: the reporter's messages before this reply are no longer unread.
    Report.objects.filter(pk=report.pk).update(officers_seen_at=message.created_at)
    return message


def report_mark_seen(*, report: Report, actor: User) -> bool:
    """An officer opened the case page: the reporter's messages so far are read by the office.

    Writes (and audits) only when there was something unread, so opening a page usually writes nothing.
    Returns whether it wrote.
    """
    if not can_handle(actor, report) or report.last_reporter_message_at is None:
        return False
    if report.officers_seen_at and report.officers_seen_at >= report.last_reporter_message_at:
        return False
    # Up to the newest message known when the page was read: one arriving meanwhile stays unread.
    seen = report.last_reporter_message_at
    with transaction.atomic():
        behind = Q(officers_seen_at__isnull=True) | Q(officers_seen_at__lt=seen)  # never backwards
        marked = Report.objects.filter(behind, pk=report.pk).update(officers_seen_at=seen)
        audit_record(
            action="report.messages_seen",
            actor=actor,
            obj=report,
            office=report.office,
            summary=report.tracking_code,
        )
    report.officers_seen_at = seen
    return bool(marked)


@transaction.atomic
def report_set_urgency(*, report: Report, urgent: bool, reason: str, actor: User) -> Report:
    """Marks a report urgent or clears the mark, with the officer's reason; the deadlines follow
    (reports.deadlines.deadlines_on_urgency) and a new mark is announced to the supervisors like one at intake.
    """
    require(can_set_urgency(actor, report), _("Anda tidak menangani laporan ini."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Alasan wajib diisi.")})
    if len(reason) > 500:
        raise ValidationError({"reason": _("Terlalu panjang: maksimal %(n)s karakter.") % {"n": 500}})
    current = _locked(report)
    if current.urgent == urgent:
        message = (
            _("Laporan ini sudah ditandai mendesak.") if urgent else _("Laporan ini tidak ditandai mendesak.")
        )
        raise ValidationError({"urgent": message})
    office = current.office
    received = office_date(office, current.created_at)
    current.verify_due, current.follow_up_due = deadlines_on_urgency(
        office, received, urgent=urgent, today=office_today(office)
    )
    previous = current.urgency_reasons
    current.urgent = urgent
    officer_reason = {"rule": "officer", "match": reason, "by": actor.get_username()}
    current.urgency_reasons = [*previous, officer_reason] if urgent else []
    current.save(update_fields=["urgent", "urgency_reasons", "verify_due", "follow_up_due", "updated_at"])
    for name in ("urgent", "urgency_reasons", "verify_due", "follow_up_due"):
        setattr(report, name, getattr(current, name))
    audit_record(
        action="report.urgency_set" if urgent else "report.urgency_cleared",
        actor=actor,
        obj=current,
        office=office,
        summary=f"{current.tracking_code}: {reason[:120]}",
        data={"urgent": urgent, "reason": reason, "previous_reasons": previous},
    )
    if urgent:
        events.report_marked_urgent.send(sender=Report, report=current, actor=actor)
    return current


def identity_reveal(*, report: Report, actor: User) -> dict[str, str]:
    """The reporter's identity for the officers' page and API; the Lapor service checks and audits it."""
    row = Report.objects.select_related("office").get(pk=report.pk)
    shown = reporter_identity_view(report=row, actor=actor)
    return {"name": shown["reporter_name"] or "", "contact": shown["reporter_contact"] or ""}
