"""Writes of the Lapor channel: submissions, follow-up, the two-way thread and audited views of personal data.

Web, API and WhatsApp call these and nothing else. Every write is one transaction with its audit event; files
are written before the transaction and removed again if it fails, so a failed submission leaves nothing behind.
"""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.translation import gettext as _

from jaring.accounts.models import Office, User
from jaring.accounts.permissions import can_handle, can_open_attachment, can_read_identity, can_reply, require
from jaring.audit.services import audit_record
from jaring.lib import uploads
from jaring.lib.text import search_terms
from jaring.lib.write_lock import one_writer
from jaring.reports import events, receipts, urgency
from jaring.reports.deadlines import deadlines_for, deadlines_on_urgency, office_date, office_today
from jaring.reports.models import (
    Attachment,
    Channel,
    IdentityMode,
    Message,
    Party,
    Report,
    Status,
    StatusChange,
)
from jaring.reports.statuses import is_closed
from jaring.reports.validation import MESSAGE_MAX, clean_submission


class DuplicateSubmission(Exception):  # noqa: N818 - an outcome, not a failure
    """The submission token was used before: the report exists already (double click, retried POST)."""

    def __init__(self, report: Report) -> None:
        super().__init__(report.tracking_code)
        self.report = report


def _merge_errors(errors: dict[str, list[str]], exc: ValidationError, field: str | None = None) -> None:
    if field is None and hasattr(exc, "error_dict"):
        for name, messages in exc.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    else:
        errors.setdefault(field or "__all__", []).extend(exc.messages)


def _prepared_files(files: Iterable[Any], errors: dict[str, list[str]]) -> list[uploads.CleanFile]:
    """The uploads checked and cleaned; their problems are added to `errors` under "files"."""
    try:
        return uploads.prepare_many(files)
    except ValidationError as exc:
        _merge_errors(errors, exc, "files")
        return []


@contextmanager
def _stored_files(clean_files: Sequence[uploads.CleanFile]) -> Iterator[list[tuple[uploads.CleanFile, str]]]:
    """Stores the files for the block that records them; if that block fails, the files are removed again."""
    written: list[str] = []
    try:
        for clean in clean_files:
            written.append(uploads.store(clean))
        yield list(zip(clean_files, written, strict=True))
    except BaseException:
        for name in written:
            uploads.delete(name)
        raise


def _attachment_rows(
    stored: list[tuple[uploads.CleanFile, str]], report: Report, message: Message | None, uploaded_by: str
) -> list[Attachment]:
    return Attachment.objects.bulk_create(
        [
            Attachment(
                report=report,
                message=message,
                original_name=clean.original_name,
                content_type=clean.content_type,
                size=clean.size,
                sha256=clean.sha256,
                storage_name=name,
                metadata_removed=clean.metadata_removed,
                uploaded_by=uploaded_by,
            )
            for clean, name in stored
        ]
    )


def report_submit(
    *,
    office: Office,
    category: str,
    description: str,
    identity_mode: str,
    incident_date: date | None = None,
    region_code: str = "",
    location_text: str = "",
    reporter_name: str = "",
    reporter_contact: str = "",
    share_identity_with_partners: bool = False,
    notify_new_answer: bool = False,
    reporter_language: str = "",
    parties: Iterable[Any] = (),
    heard_from: str = "",
    files: Iterable[Any] = (),
    channel: str = Channel.WEB,
    submission_token: str | None = None,
) -> tuple[Report, str]:
    """Stores a public report; returns it with the follow-up key (shown once, stored only as a hash).

    Raises ValidationError({field: [messages]}) on bad input and DuplicateSubmission when `submission_token`
    was already used (the caller shows the earlier receipt instead of creating a second report).
    """
    today = office_today(office)
    errors: dict[str, list[str]] = {}
    data: dict[str, Any] = {}
    try:
        data = clean_submission(
            today=today,
            category=category,
            description=description,
            incident_date=incident_date,
            region_code=region_code,
            location_text=location_text,
            heard_from=heard_from,
            identity_mode=identity_mode,
            reporter_name=reporter_name,
            reporter_contact=reporter_contact,
            share_identity_with_partners=share_identity_with_partners,
            notify_new_answer=notify_new_answer,
            reporter_language=reporter_language,
            parties=parties,
        )
    except ValidationError as exc:
        _merge_errors(errors, exc)
    clean_files = _prepared_files(files, errors)
    if errors:
        raise ValidationError(errors)

    digest = receipts.token_digest(channel, submission_token) if submission_token else None
    if digest:
        existing = Report.objects.filter(submission_token=digest).first()
        if existing:
            raise DuplicateSubmission(existing)

    # CPU work before the transaction so that SQLite's single writer lock is held as briefly as possible.
    key = receipts.new_follow_up_key()
    key_hash = receipts.hash_key(key)  # argon2: before the write lock
    party_rows = data.pop("parties")
    data["search_text"] = search_terms(" ".join([data["description"], *(p.value for p in party_rows)]))
    reasons = urgency.detect(data["description"], today=today)
    data["urgent"], data["urgency_reasons"] = bool(reasons), [r.as_dict() for r in reasons]
    data["verify_due"], data["follow_up_due"] = deadlines_for(office, today, urgent=data["urgent"])
    with _stored_files(clean_files) as stored:
        for _attempt in range(5):
            code = receipts.new_tracking_code()
            try:
                report = _store_report(
                    code=code,
                    office=office,
                    data=data,
                    key=key,
                    key_hash=key_hash,
                    digest=digest,
                    channel=channel,
                    party_rows=party_rows,
                    stored=stored,
                )
                return report, key
            except IntegrityError:
                # The whole transaction rolled back (no savepoint: the common path stays one flat transaction).
                # The same submission token committed first by a concurrent request: answer with that report;
                # a tracking code taken already (rare): retry with another; anything else is a real error.
                if digest and (existing := Report.objects.filter(submission_token=digest).first()):
                    raise DuplicateSubmission(existing) from None
                if not Report.objects.filter(tracking_code=code).exists():
                    raise
        raise IntegrityError("could not allocate a unique tracking code")


def _store_report(
    *,
    code: str,
    office: Office,
    data: dict[str, Any],
    key: str,
    key_hash: str,
    digest: str | None,
    channel: str,
    party_rows: list[Any],
    stored: list[Any],
) -> Report:
    """The report and everything that belongs to it, in one write transaction."""
    with one_writer(), transaction.atomic():
        report = Report.objects.create(
            office=office,
            tracking_code=code,
            follow_up_key_hash=key_hash,
            submission_token=digest,
            channel=channel,
            **data,
        )
        Party.objects.bulk_create(
            [Party(report=report, kind=p.kind, value=p.value, normalized=p.normalized) for p in party_rows]
        )
        _attachment_rows(stored, report, None, Message.Author.PELAPOR)
        StatusChange.objects.create(report=report, from_status="", to_status=Status.BARU)
        audit_record(
            action="report.submitted",
            actor_label=f"pelapor/{channel}",
            obj=report,
            office=office,
            summary=f"{report.tracking_code} {report.category}",
            data={
                "channel": channel,
                "category": report.category,
                "identity_mode": report.identity_mode,
                "parties": len(party_rows),
                "attachments": len(stored),
                "urgent": report.urgent,
            },
        )
        if digest:
            receipts.remember(digest, report.tracking_code, key)
        # In this transaction: what subscribers queue commits with the report (reports/events.py).
        events.report_submitted.send(sender=Report, report=report)
        if report.urgent:
            events.report_marked_urgent.send(sender=Report, report=report, actor=None)
    return report


def report_follow_up(*, tracking_code: str, key: str) -> Report | None:
    """The report for a receipt, or None. An unknown code costs the same argon2 check as a wrong key."""
    code = receipts.normalise_tracking_code(tracking_code)
    report = Report.objects.filter(tracking_code=code).first() if code else None
    if not receipts.verify_key(report.follow_up_key_hash if report else None, key):
        return None
    return report


def _add_message(
    *,
    report: Report,
    body: str,
    files: Iterable[Any],
    author_kind: str,
    author: User | None,
    channel: str,
    action: str,
) -> Message:
    body = (body or "").strip()
    files = [f for f in files if f is not None]
    errors: dict[str, list[str]] = {}
    if is_closed(report.status) and author_kind == Message.Author.PETUGAS:
        errors["body"] = [_("Laporan sudah ditutup; buka kembali laporan sebelum membalas.")]
    elif is_closed(report.status):
        errors["body"] = [_("Laporan ini sudah ditutup. Kirim laporan baru dan sebutkan kode %(code)s.")]
        errors["body"][0] %= {"code": report.tracking_code}
    elif not body and not files:
        errors["body"] = [_("Tulis pesan atau lampirkan berkas.")]
    elif len(body) > MESSAGE_MAX:
        errors["body"] = [_("Terlalu panjang: maksimal %(n)s karakter.") % {"n": MESSAGE_MAX}]
    clean_files = _prepared_files(files, errors)
    if errors:
        raise ValidationError(errors)

    terms = f" {search_terms(body)}" if body else ""
    with _stored_files(clean_files) as stored, transaction.atomic():
        message = Message.objects.create(
            report=report, author_kind=author_kind, author=author, body=body, channel=channel
        )
        _attachment_rows(stored, report, message, author_kind)
        # Appended in SQL: two messages arriving together must not drop each other's search terms.
        changes: dict[str, Any] = {"search_text": Concat(F("search_text"), Value(terms))}
        changes["updated_at"] = timezone.now()
        if author_kind == Message.Author.PELAPOR:
            # What the officers have not read yet is what came after officers_seen_at (casework's inbox).
            changes["last_reporter_message_at"] = message.created_at
        Report.objects.filter(pk=report.pk).update(**changes)
        if author_kind == Message.Author.PELAPOR and body:
            _urgent_from_message(report, message)
        audit_record(
            action=action,
            actor=author,
            actor_label="" if author else f"{author_kind}/{channel}",
            obj=report,
            office=report.office,
            summary=f"{report.tracking_code} {author_kind}",
            data={"message_id": message.pk, "attachments": len(stored), "channel": channel},
        )
        events.report_message_added.send(sender=Message, message=message)
    return message


def _urgent_from_message(report: Report, message: Message) -> None:
    """A reporter's follow-up that names an imminent departure, a minor, a kept passport or someone held makes
    an open report urgent, as at intake (the deadlines count from today: reports.deadlines)."""
    office = report.office
    today = office_today(office)
    reasons = urgency.detect(message.body, today=today)
    if not reasons or report.urgent:
        return
    found = [{**r.as_dict(), "source": "message"} for r in reasons]
    received = office_date(office, report.created_at)
    verify_due, follow_up_due = deadlines_on_urgency(office, received, urgent=True, today=today)
    # Conditional: two messages arriving together announce the report once.
    marked = Report.objects.filter(pk=report.pk, urgent=False).update(
        urgent=True, urgency_reasons=found, verify_due=verify_due, follow_up_due=follow_up_due
    )
    if not marked:
        return
    report.urgent, report.urgency_reasons = True, found
    report.verify_due, report.follow_up_due = verify_due, follow_up_due
    audit_record(
        action="report.urgency_set",
        actor_label=f"pelapor/{message.channel}",
        obj=report,
        office=office,
        summary=f"{report.tracking_code}: {', '.join(r.rule for r in reasons)}",
        data={"urgent": True, "reasons": found, "message_id": message.pk},
    )
    events.report_marked_urgent.send(sender=Report, report=report, actor=None)


def report_message_add(
    *,
    report: Report,
    body: str,
    files: Iterable[Any] = (),
    author_kind: str = Message.Author.PELAPOR,
    author: User | None = None,
    channel: str = Channel.WEB,
) -> Message:
    """A message (and files) in the public thread, usually from the reporter holding the receipt."""
    return _add_message(
        report=report,
        body=body,
        files=files,
        author_kind=author_kind,
        author=author,
        channel=channel,
        action="report.message_added",
    )


def report_reply(*, report: Report, author: User, body: str) -> Message:
    """An officer's public reply, shown to the reporter on /lapor/cek/ and in the API thread."""
    require(can_reply(author, report), _("Anda tidak menangani laporan ini."))
    with transaction.atomic():
        message = _add_message(
            report=report,
            body=body,
            files=(),
            author_kind=Message.Author.PETUGAS,
            author=author,
            channel=Channel.WEB,
            action="report.replied",
        )
        # A report linked to a WhatsApp chat gets the reply there too (jaring.channels subscribes): queued in
        # this transaction, sent after commit.
        events.report_replied.send(sender=Message, message=message)
    return message


def report_notify_set(*, report: Report, enabled: bool) -> Report:
    """The reporter (holding the receipt) turns the "new answer" notice on or off; Rahasia reports only, as
    only they have a contact to notify."""
    if enabled and report.identity_mode != IdentityMode.RAHASIA:
        raise ValidationError(
            {"notify_new_answer": [_("Laporan anonim tidak menyimpan kontak untuk dihubungi.")]}
        )
    with transaction.atomic():
        Report.objects.filter(pk=report.pk).update(notify_new_answer=enabled, updated_at=timezone.now())
        report.notify_new_answer = enabled
        audit_record(
            action="report.notify_changed",
            actor_label="pelapor/web",
            obj=report,
            office=report.office,
            summary=f"{report.tracking_code} {'on' if enabled else 'off'}",
            data={"enabled": enabled},
        )
    return report


def attachment_open(*, attachment: Attachment, actor: User) -> bytes:
    """The decrypted file for an officer handling the report; every opening is audited."""
    require(can_open_attachment(actor, attachment.report), _("Anda tidak menangani laporan ini."))
    content = uploads.read(attachment.storage_name)
    with transaction.atomic():
        audit_record(
            action="attachment.viewed",
            actor=actor,
            obj=attachment,
            office=attachment.report.office,
            summary=f"{attachment.report.tracking_code} {attachment.content_type}",
            data={"report_id": attachment.report_id},
        )
    return content


def reporter_identity_view(*, report: Report, actor: User) -> dict[str, Any]:
    """The reporter's name and contact (Rahasia mode) for whom accounts.permissions.can_read_identity allows:
    the assignee, the office's supervisors, a partner the reporter consented to; every view is audited."""
    require(can_read_identity(actor, report), _("Anda tidak berwenang melihat identitas pelapor."))
    identity = {
        "identity_mode": report.identity_mode,
        "reporter_name": report.reporter_name,
        "reporter_contact": report.reporter_contact,
        "share_identity_with_partners": report.share_identity_with_partners,
    }
    with transaction.atomic():
        audit_record(
            action="identity.viewed",
            actor=actor,
            obj=report,
            office=report.office,
            summary=report.tracking_code,
            data={"identity_mode": report.identity_mode}
            | ({} if can_handle(actor, report) else {"via": "referral"}),
        )
    return identity
