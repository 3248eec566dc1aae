"""Writes of the checkpoints app: record a screening, decide it, read the identity, hand over, open a case.

Each service validates, writes in one transaction and records the audit event. Capabilities come from
accounts.permissions (one place for who may do what).
"""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from jaring.accounts import permissions as can
from jaring.accounts.models import Agency, User
from jaring.audit.services import audit_record
from jaring.casework.referrals import referral_create
from jaring.casework.services import report_transition
from jaring.checkpoints import events, guide
from jaring.checkpoints.models import Checkpoint, Outcome, Screening, ScreeningParty
from jaring.checkpoints.validation import NOTES_MAX, clean_screening
from jaring.lib.text import fold
from jaring.reports.models import Category, Channel, IdentityMode, Report, Status
from jaring.reports.services import report_submit
from jaring.reports.validation import clean_party

DECIDABLE_FROM = (Outcome.DIPERIKSA, Outcome.DITUNDA)  # a postponed traveller may still be handed over
SAME_SCREENING = timedelta(minutes=10)
HANDOVER = {Outcome.DIRUJUK: Agency.Kind.BP2MI, Outcome.DISERAHKAN: Agency.Kind.POLICE}


class DuplicateScreening(Exception):  # noqa: N818 - an outcome, not a failure
    def __init__(self, screening: Screening) -> None:
        super().__init__(screening.pk)
        self.screening = screening


def _digest(kind: str, value: str) -> str:
    """Keyed digest: finds the same passport or person again without storing it readable."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"checkpoint:{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def token_digest(token: str) -> str:
    return _digest("submission", token)


def person_digest(name: str, birth_year: int | None) -> str:
    if not name or not birth_year:
        return ""
    return _digest("person", f"{' '.join(fold(name).split())}|{birth_year}")


def checkpoint_for(slug_or_id: Any, actor: User) -> Checkpoint:
    """The checkpoint the actor records at; ValidationError for an unknown one or one they are not posted at."""
    value = str(slug_or_id or "").strip()
    qs = Checkpoint.objects.filter(is_active=True)
    found = (qs.filter(pk=int(value)) if value.isdigit() else qs.filter(slug=value)).first()
    if found is None:
        raise ValidationError({"checkpoint": [_("TPI tidak dikenal.")]})
    if not can.can_record_screening(actor, found):
        raise ValidationError({"checkpoint": [_("Anda tidak ditugaskan di TPI ini.")]})
    return found


@dataclass(frozen=True)
class Earlier:
    """An earlier screening of the same passport or person: the columns the two checks below need."""

    pk: int
    passport_digest: str
    checkpoint_id: int
    officer_id: int
    outcome: str
    screened_at: datetime
    created_at: datetime


def earlier_screenings(*, passport_digest: str, person: str) -> list[Earlier]:
    """One indexed lookup on the digests (a handful of rows for one traveller, whatever the table's size)."""
    same = Q(passport_digest=passport_digest)
    if person:
        same |= Q(person_digest=person)
    fields = ("pk", "passport_digest", "checkpoint_id", "officer_id", "outcome", "screened_at", "created_at")
    return [Earlier(*row) for row in Screening.objects.filter(same).order_by().values_list(*fields)[:200]]


def find_repeat(*, earlier: list[Earlier], checkpoint: Checkpoint, at: datetime) -> int | None:
    """The latest earlier postponement of the same passport (or the same name and birth year) at another TPI
    of any office, or at this TPI within the repeat window (JARING_CHECKPOINT_REPEAT_DAYS)."""
    window = at - timedelta(days=settings.CHECKPOINT_REPEAT_DAYS)
    hits = [
        e for e in earlier
        if e.outcome == Outcome.DITUNDA and e.screened_at <= at
        and (e.checkpoint_id != checkpoint.pk or e.screened_at >= window)
    ]  # fmt: skip
    return max(hits, key=lambda e: (e.screened_at, e.pk)).pk if hits else None


def same_screening(
    *,
    earlier: list[Earlier],
    passport_digest: str,
    checkpoint: Checkpoint,
    actor: User,
    at: datetime,
    now: datetime,
) -> int | None:
    """The same traveller recorded by the same officer at the same TPI minutes ago: a second send of one
    screening (a browser that restored the form without its token), not a new one."""
    hits = [
        e.pk for e in earlier
        if e.passport_digest == passport_digest and e.checkpoint_id == checkpoint.pk and e.officer_id == actor.pk and e.created_at >= now - SAME_SCREENING
        and abs(e.screened_at - at) <= SAME_SCREENING
    ]  # fmt: skip
    return max(hits) if hits else None


def screening_record(
    *,
    checkpoint: Any,
    actor: User,
    data: dict[str, Any],
    submission_token: str | None = None,
    is_sample: bool = False,
) -> Screening:
    """Records a screening. Raises ValidationError on bad input (every field at once) and DuplicateScreening
    when `submission_token` was used already (a retried or double submit returns the first record)."""
    now = timezone.now()
    errors: dict[str, list[str]] = {}
    found: Checkpoint | None = None
    try:
        found = checkpoint if isinstance(checkpoint, Checkpoint) else checkpoint_for(checkpoint, actor)
        if not can.can_record_screening(actor, found):
            raise ValidationError({"checkpoint": [_("Anda tidak ditugaskan di TPI ini.")]})
    except ValidationError as exc:
        errors.update(exc.message_dict)
    try:
        clean = clean_screening(now=now, data=data)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    digest = token_digest(submission_token) if submission_token else None
    if digest and (existing := Screening.objects.filter(submission_token=digest).first()):
        raise DuplicateScreening(existing)
    clean["passport_digest"] = _digest("passport", clean["passport_number"])
    clean["person_digest"] = person_digest(clean["traveller_name"], clean["birth_year"])
    earlier = earlier_screenings(passport_digest=clean["passport_digest"], person=clean["person_digest"])
    same = same_screening(
        earlier=earlier,
        passport_digest=clean["passport_digest"],
        checkpoint=found,
        actor=actor,
        at=clean["screened_at"],
        now=now,
    )
    if same:
        raise DuplicateScreening(Screening.objects.get(pk=same))
    parties = clean.pop("parties")
    clean["flags"] = guide.flags_for(clean["answers"])
    clean["is_sample"] = is_sample
    clean["repeat_of_id"] = find_repeat(earlier=earlier, checkpoint=found, at=clean["screened_at"])
    try:
        return _store(found, actor, clean, parties, digest)
    except IntegrityError:
        if digest and (existing := Screening.objects.filter(submission_token=digest).first()):
            raise DuplicateScreening(existing) from None
        raise


@transaction.atomic
def _store(
    checkpoint: Checkpoint, actor: User, clean: dict[str, Any], parties: list, digest: str | None
) -> Screening:
    screening = Screening.objects.create(
        checkpoint=checkpoint, officer=actor, submission_token=digest, **clean
    )
    repeat = clean["repeat_of_id"]
    ScreeningParty.objects.bulk_create(
        [ScreeningParty(screening=screening, role=p.role, kind=p.kind, value=p.value, normalized=p.normalized)
         for p in parties]
    )  # fmt: skip
    audit_record(
        action="checkpoint.screening_recorded",
        actor=actor,
        obj=screening,
        office=checkpoint.office,
        summary=f"{screening.code} {checkpoint.slug}" + (f" repeat of TPI-{repeat}" if repeat else ""),
        data={"checkpoint": checkpoint.slug, "parties": len(parties), "flags": clean["flags"],
              "repeat_of": repeat},
    )  # fmt: skip
    if parties:
        # Jaringan links the sponsor's and escort's identifiers (it queues the work in this transaction).
        events.screening_recorded.send(sender=Screening, screening=screening)
    return screening


def _locked(screening: Screening) -> Screening:
    return Screening.objects.select_for_update().select_related("checkpoint__office").get(pk=screening.pk)


def _require_decider(actor: User, screening: Screening) -> None:
    if not can.can_decide_screening(actor, screening):
        raise PermissionDenied(_("Anda tidak berwenang memutuskan pemeriksaan ini."))


@transaction.atomic
def screening_decide(
    *,
    screening: Screening,
    outcome: str,
    actor: User,
    reasons: list[str] | None = None,
    notes: str = "",
    agency_slug: str = "",
    consent: bool = False,
) -> Screening:
    """Sets the outcome. `ditunda` needs reason codes from the guide; `dirujuk` (BP3MI) and `diserahkan`
    (police) hand the traveller over as a casework referral, which needs the traveller's consent for BP3MI."""
    _require_decider(actor, screening)
    current = _locked(screening)
    reasons = [str(r) for r in (reasons or [])]
    notes = (notes or "").strip()
    errors: dict[str, list[str]] = {}
    if outcome not in Outcome.values or outcome == Outcome.DIPERIKSA:
        errors["outcome"] = [_("Pilih hasil pemeriksaan.")]
    elif current.outcome not in DECIDABLE_FROM:
        errors["outcome"] = [
            _("Pemeriksaan dengan hasil %(s)s tidak dapat diubah lagi.")
            % {"s": current.get_outcome_display()}
        ]
    unknown = [r for r in reasons if r not in guide.load().reason_codes]
    if unknown:
        errors["reasons"] = [
            _("Alasan penundaan tidak dikenal: %(codes)s.") % {"codes": ", ".join(unknown)[:80]}
        ]
    elif outcome == Outcome.DITUNDA and not reasons:
        errors["reasons"] = [_("Pilih minimal satu alasan penundaan.")]
    if len(notes) > NOTES_MAX:
        errors["notes"] = [_("Catatan terlalu panjang: maksimal %(n)s karakter.") % {"n": NOTES_MAX}]
    agency = None
    if outcome in HANDOVER and not errors:
        agency = Agency.objects.filter(
            slug=agency_slug.strip(), kind=HANDOVER[outcome], offices=current.checkpoint.office_id
        ).first() or (
            None if agency_slug else
            Agency.objects.filter(kind=HANDOVER[outcome], offices=current.checkpoint.office_id).first()
        )  # fmt: skip
        if agency is None:
            errors["agency"] = [_("Instansi mitra tidak dikenal.")]
        if outcome == Outcome.DIRUJUK and not consent:
            errors["consent"] = [_("Catat persetujuan pelaku perjalanan sebelum diserahkan ke BP3MI.")]
    if errors:
        raise ValidationError(errors)
    previous = current.outcome
    current.outcome = outcome
    current.reasons = reasons if outcome == Outcome.DITUNDA or reasons else current.reasons
    if notes:
        current.notes = f"{current.notes}\n{notes}".strip()[:NOTES_MAX] if current.notes else notes
    current.decided_at = timezone.now()
    current.handover_consent = current.handover_consent or bool(consent and agency)
    current.save(update_fields=["outcome", "reasons", "notes", "decided_at", "handover_consent"])
    audit_record(
        action="checkpoint.screening_decided",
        actor=actor,
        obj=current,
        office=current.checkpoint.office,
        summary=f"{current.code}: {previous} -> {outcome}",
        data={"from": previous, "to": outcome, "reasons": reasons, "agency": agency.slug if agency else None,
              "consent": current.handover_consent},
    )  # fmt: skip
    if agency is not None:
        _handover(current, agency, actor)
    screening.__dict__.update({f: getattr(current, f) for f in ("outcome", "reasons", "notes", "decided_at",
                                                                 "handover_consent", "report_id")})  # fmt: skip
    return current


def _handover(screening: Screening, agency: Agency, actor: User) -> None:
    """The hand-over is a casework referral of the case opened from the screening: the mitra's scope,
    follow-up and the officers' timeline are those of every referral."""
    report = screening.report or screening_open_case(screening=screening, actor=actor, reason="")
    note = _(
        "Penyerahan dari %(tpi)s (%(code)s): %(reasons)s. Persetujuan pelaku perjalanan: %(consent)s."
    ) % {
        "tpi": screening.checkpoint.name,
        "code": screening.code,
        "reasons": ", ".join(guide.load().reason_label(r) for r in (screening.reasons or screening.flags))
        or "-",
        "consent": _("ya") if screening.handover_consent else _("tidak"),
    }
    referral_create(report=report, agency=agency, note=note, actor=actor)


def _case_parties(screening: Screening) -> tuple[list[dict[str, str]], list[str]]:
    """The screening's parties that Lapor's rule reads (reports.validation.clean_party), and the others as text
    for the case description: a screening row the counter form took must not stop the case from opening."""
    parties, unread = [], []
    for p in screening.parties.all():
        try:
            clean_party(p.kind, p.value)
        except ValidationError:
            unread.append(f"{p.get_kind_display()}: {p.value}")
        else:
            parties.append({"kind": p.kind, "value": p.value})
    return parties, unread


@transaction.atomic
def screening_open_case(*, screening: Screening, actor: User, reason: str) -> Report:
    """Opens a report (case) from the screening when the officer suspects TPPO or hands the traveller over,
    through the Lapor intake service. The case carries what the partner needs and never the passport number
    or the traveller's name: those stay in the screening, shown to a mitra only with consent."""
    _require_decider(actor, screening)
    current = _locked(screening)
    if current.report_id:
        return current.report
    reason = (reason or "").strip()
    if len(reason) > NOTES_MAX:
        raise ValidationError(
            {"reason": [_("Catatan terlalu panjang: maksimal %(n)s karakter.") % {"n": NOTES_MAX}]}
        )
    g = guide.load()
    lines = [
        _("Pemeriksaan keberangkatan %(code)s di %(tpi)s, %(at)s.") % {
            "code": current.code, "tpi": current.checkpoint.name,
            "at": timezone.localtime(current.screened_at).strftime("%Y-%m-%d %H:%M")},
        _("Tujuan: %(dest)s, %(purpose)s.") % {
            "dest": g.destination_label(current.destination), "purpose": g.purpose_label(current.purpose)},
        _("Indikasi: %(flags)s.") % {"flags": ", ".join(g.reason_label(f) for f in current.flags) or "-"},
    ]  # fmt: skip
    if reason:
        lines.append(reason)
    parties, unread = _case_parties(current)
    if unread:
        lines.append(_("Pihak yang tidak terbaca sebagai jenisnya: %(list)s.") % {"list": "; ".join(unread)})
    office = current.checkpoint.office
    report, _key = report_submit(
        office=office,
        category=Category.TPPO if current.outcome == Outcome.DISERAHKAN else Category.PMI_NONPROSEDURAL,
        description="\n".join(lines),
        identity_mode=IdentityMode.ANONIM,  # the traveller's identity is the screening's, behind its rules
        region_code=current.origin_region_code,
        location_text=current.checkpoint.name,
        parties=parties,
        channel=Channel.OFFICER,
    )
    # The officer saw the traveller at the counter: the case starts verified (the referral needs that).
    report_transition(
        report=report,
        actor=actor,
        to=Status.DIVERIFIKASI,
        reason=_("Diverifikasi di %(tpi)s.") % {"tpi": current.checkpoint.name},
    )
    current.report = report
    current.save(update_fields=["report"])
    screening.report = report
    audit_record(
        action="checkpoint.case_opened",
        actor=actor,
        obj=current,
        office=office,
        summary=f"{current.code} -> {report.tracking_code}",
        data={"report": report.tracking_code},
    )
    return report


@transaction.atomic
def traveller_identity_view(*, screening: Screening, actor: User) -> dict[str, str]:
    """Decrypts the traveller's identity for someone allowed to see it; every read is audited."""
    if not can.can_read_traveller_identity(actor, screening):
        raise PermissionDenied(_("Anda tidak berwenang melihat identitas pelaku perjalanan."))
    row = Screening.objects.select_related("checkpoint__office").get(pk=screening.pk)
    audit_record(
        action="checkpoint.identity_viewed",
        actor=actor,
        obj=row,
        office=row.checkpoint.office,
        summary=row.code,
        data={"role": actor.role},
    )
    return {"name": row.traveller_name, "passport": row.passport_number, "phone": row.traveller_phone}
