"""Writes of Jaringan: link a new record, merge clusters, officers' decisions, watchlist. Each one transaction."""

from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from jaring.accounts.models import User
from jaring.accounts.permissions import can_work_network, require
from jaring.audit.services import audit_record
from jaring.lib import identifiers as ids
from jaring.network import engine
from jaring.network.clusters import SERIOUS, lock_clusters, merge, risk, split
from jaring.network.fuzzy import best_match
from jaring.network.models import (
    Cluster,
    Identifier,
    IdentifierConfirmation,
    LinkedRecord,
    LinkProposal,
    Occurrence,
    Watch,
    WatchNotice,
)
from jaring.network.stoplist import stoplist
from jaring.reports.models import Message, Report
from jaring.screening.models import ConfirmedIdentifier
from jaring.screening.services import confirmed_identifier_add

FUZZY_KINDS = ("company", "person")
FUZZY_CANDIDATES = 5000  # names compared per new name (same first letters); bounds the cost of one record
TOTAL_CACHE_SECONDS = 300


def _total_records() -> int:
    total = cache.get("network:total")
    if total is None:
        total = LinkedRecord.objects.count()
        cache.set("network:total", total, TOTAL_CACHE_SECONDS)
    return total


def root_of(cluster_id: int) -> Cluster:
    cluster = Cluster.objects.get(pk=cluster_id)
    return cluster if cluster.root_id is None else Cluster.objects.get(pk=cluster.root_id)


def _identifier_rows(found: list[ids.Identifier]) -> dict[tuple[str, str], Identifier]:
    wanted = {(i.kind, i.value) for i in found}
    query = Q()
    for kind, value in wanted:
        query |= Q(kind=kind, normalized=value)
    rows = {(r.kind, r.normalized): r for r in Identifier.objects.filter(query)} if wanted else {}
    missing = [Identifier(kind=k, normalized=v) for k, v in wanted if (k, v) not in rows]
    if missing:
        Identifier.objects.bulk_create(missing, ignore_conflicts=True)
        query = Q()
        for row in missing:
            query |= Q(kind=row.kind, normalized=row.normalized)
        rows.update({(r.kind, r.normalized): r for r in Identifier.objects.filter(query)})
    return rows


@transaction.atomic
def record_link(
    *,
    record_type: str,
    record_id: str | int,
    text: str = "",
    parties: Iterable[dict] = (),
    report: Any = None,
    office: Any = None,
    category: str = "",
    label: str = "",
    seen_at: Any = None,
    attach_to: LinkedRecord | None = None,
) -> LinkedRecord:
    """Extract the record's identifiers and join it to the clusters they belong to (merging them).

    `attach_to`: a record this one belongs to (a message's report), whose cluster it joins in any case.

    Idempotent per (record_type, record_id). Stoplisted, weak and too common identifiers are stored with
    their occurrence but do not link; an identifier that becomes too common here also splits the clusters it
    had joined (clusters.split): the batch's share rule, applied as records arrive. Watches on any
    identifier of the record notify their officers.
    """
    lock_clusters()
    existing = LinkedRecord.objects.filter(record_type=record_type, record_id=str(record_id)).first()
    if existing is not None:
        return existing
    found = ids.extract(text, list(parties))
    rows = _identifier_rows(found)
    stops = stoplist()
    limit = stops.limit(_total_records() + 1)
    linking = [
        row for (kind, value), row in rows.items()
        if not row.stopped and stops.links(kind, value) and row.record_count < limit
    ]  # fmt: skip
    too_common = [
        row.pk for (kind, value), row in rows.items()
        if not row.stopped and stops.links(kind, value) and row.record_count >= limit
    ]  # fmt: skip
    if too_common:
        # Rare: the identifiers stop linking, and what they alone had joined is split as the batch would.
        Identifier.objects.filter(pk__in=too_common).update(stopped=True)
        split(identifier_ids=too_common, stops=stops)
        moved = dict(
            Identifier.objects.filter(pk__in=[r.pk for r in linking]).values_list("pk", "cluster_id")
        )
        for row in linking:
            row.cluster_id = moved[row.pk]
        if attach_to is not None:
            attach_to.refresh_from_db(fields=["cluster"])
    # One query for the current roots: the cluster each identifier was linked into, or what it was merged into.
    wanted = {row.cluster_id for row in linking if row.cluster_id is not None}
    if attach_to is not None:
        wanted.add(attach_to.cluster_id)
    pointers = dict(Cluster.objects.filter(pk__in=wanted).values_list("pk", "root_id")) if wanted else {}
    root_ids = {root or pk for pk, root in pointers.items()}
    roots = {c.pk: c for c in Cluster.objects.filter(pk__in=root_ids)} if root_ids else {}
    now = seen_at or timezone.now()
    if roots:
        ordered = sorted(roots.values(), key=lambda c: (-c.record_count, c.pk))
        survivor = ordered[0]
        merge(survivor, ordered[1:])
    else:
        survivor = Cluster.objects.create(office=office, first_seen=now, last_seen=now)
    record = LinkedRecord.objects.create(
        record_type=record_type,
        record_id=str(record_id),
        report=report,
        office=office,
        cluster=survivor,
        category=category,
        label=label[:64],
        seen_at=now,
    )
    Occurrence.objects.bulk_create(
        [
            Occurrence(identifier=rows[(i.kind, i.value)], record=record, source=i.source, start=i.start,
                       end=i.end, raw=i.raw[:300])
            for i in found
        ]
    )  # fmt: skip
    Identifier.objects.filter(pk__in=[r.pk for r in rows.values()]).update(record_count=F("record_count") + 1)
    Identifier.objects.filter(pk__in=[r.pk for r in linking], cluster__isnull=True).update(cluster=survivor)
    survivor.record_count += 1
    survivor.serious_count += category in SERIOUS
    survivor.first_seen = min(filter(None, [survivor.first_seen, now]))
    survivor.last_seen = max(filter(None, [survivor.last_seen, now]))
    if survivor.office_id is None:
        survivor.office = office
    survivor.risk = risk(survivor)
    survivor.save()
    new_names = [row for row in rows.values() if row.kind in FUZZY_KINDS and row.record_count == 0]
    _propose(new_names, stops)
    _notify_watchers(record, [r.pk for r in rows.values()])
    audit_record(
        action="network.record_linked",
        obj=record,
        office=office,
        summary=f"{record_type}:{record_id} -> {survivor.code}",
        data={"identifiers": len(rows), "linking": len(linking), "merged": len(roots) > 1},
    )
    return record


def _propose(new_names: list[Identifier], stops: engine.Stoplist) -> None:
    for row in new_names:
        if not stops.links(row.kind, row.normalized) or len(row.normalized) < 4:
            continue
        candidates = dict(
            # A range on the (kind, normalized) unique index; LIKE 'abc%' would scan the table on SQLite.
            Identifier.objects.filter(
                kind=row.kind,
                normalized__gte=row.normalized[:3],
                normalized__lt=row.normalized[:3] + "\uffff",
            )
            .exclude(pk=row.pk)
            .values_list("normalized", "pk")[:FUZZY_CANDIDATES]
        )
        for value, score in best_match(row.normalized, list(candidates)):
            first, second = sorted([row.pk, candidates[value]])
            LinkProposal.objects.get_or_create(first_id=first, second_id=second, defaults={"score": score})


def _notify_watchers(record: LinkedRecord, identifier_ids: list[int]) -> None:
    watches = list(
        Watch.objects.filter(identifier_id__in=identifier_ids).select_related("user", "identifier")
    )
    for watch in watches:
        WatchNotice.objects.create(watch=watch, record=record)
        if watch.user.email:
            subject = _("Jaring: identitas yang Anda pantau muncul lagi")
            body = _("%(identifier)s muncul di catatan baru %(record)s.") % {
                "identifier": f"{watch.identifier.kind}: {watch.identifier.normalized}",
                "record": record.label or record,
            }
            email = watch.user.email
            transaction.on_commit(
                lambda s=subject, b=body, e=email: send_mail(s, b, None, [e], fail_silently=True)
            )


@transaction.atomic
def identifier_confirm(
    *, identifier: Identifier, reason: str, report: Any, actor: User
) -> IdentifierConfirmation:
    """Mark an identifier 'terverifikasi' with the proving report; it then feeds the job-offer checker."""
    require(can_work_network(actor))
    reason = (reason or "").strip()
    errors = {}
    if not reason:
        errors["reason"] = [_("Tuliskan alasan konfirmasi.")]
    elif len(reason) > 300:
        errors["reason"] = [_("Terlalu panjang: maksimal %(n)s karakter.") % {"n": 300}]
    if report is None or report.office_id != actor.office_id:
        errors["report"] = [_("Pilih laporan kantor Anda yang membuktikan identitas ini.")]
    if errors:
        raise ValidationError(errors)
    confirmation = IdentifierConfirmation.objects.create(
        identifier=identifier, reason=reason, report=report, confirmed_by=actor
    )
    if identifier.kind in ConfirmedIdentifier.Kind.values:
        confirmed_identifier_add(
            kind=identifier.kind,
            raw_value=identifier.normalized,
            reason=f"{reason} ({report.tracking_code})"[:300],
            confirmed_by=actor,
        )
    lock_clusters()
    identifier.refresh_from_db(fields=["cluster"])  # a split or merge may have moved it meanwhile
    if identifier.cluster_id is not None:
        root = root_of(identifier.cluster_id)
        root.confirmed_count += 1
        root.risk = risk(root)
        root.save(update_fields=["confirmed_count", "risk", "updated_at"])
    audit_record(
        action="network.identifier_confirmed",
        actor=actor,
        obj=identifier,
        office=actor.office,
        summary=f"{identifier.kind}:{identifier.normalized} ({report.tracking_code})",
        data={"reason": reason, "report": report.tracking_code},
    )
    return confirmation


@transaction.atomic
def proposal_decide(*, proposal: LinkProposal, confirm: bool, actor: User) -> LinkProposal:
    """Keep the officer's decision; a confirmed proposal merges the two names' clusters."""
    require(can_work_network(actor))
    lock_clusters()
    proposal = LinkProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != LinkProposal.Status.OPEN:
        raise ValidationError({"status": [_("Usulan ini sudah diputuskan.")]})
    proposal.status = LinkProposal.Status.CONFIRMED if confirm else LinkProposal.Status.REJECTED
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.save()
    if confirm:
        clusters = {}
        for identifier in (proposal.first, proposal.second):
            if identifier.cluster_id is not None:
                root = root_of(identifier.cluster_id)
                clusters[root.pk] = root
        ordered = sorted(clusters.values(), key=lambda c: (-c.record_count, c.pk))
        if len(ordered) > 1:
            merge(ordered[0], ordered[1:], actor)
            ordered[0].risk = risk(ordered[0])
            ordered[0].save()
    audit_record(
        action="network.proposal_confirmed" if confirm else "network.proposal_rejected",
        actor=actor,
        obj=proposal,
        office=actor.office,
        summary=f"{proposal.first.normalized} ~ {proposal.second.normalized} ({proposal.score})",
    )
    return proposal


@transaction.atomic
def watch_set(*, identifier: Identifier, actor: User, on: bool) -> Watch | None:
    require(can_work_network(actor))
    if on:
        watch, _created = Watch.objects.get_or_create(identifier=identifier, user=actor)
    else:
        watch = None
        Watch.objects.filter(identifier=identifier, user=actor).delete()
    audit_record(
        action="network.watch_on" if on else "network.watch_off",
        actor=actor,
        obj=identifier,
        office=actor.office,
        summary=f"{identifier.kind}:{identifier.normalized}",
    )
    return watch


@transaction.atomic
def notices_mark_read(*, actor: User) -> int:
    """Marks the user's unread watch notices read; returns how many."""
    count = WatchNotice.objects.filter(watch__user=actor, read_at__isnull=True).update(read_at=timezone.now())
    if count:
        audit_record(
            action="network.notices_read",
            actor=actor,
            office=getattr(actor, "office", None),
            summary=str(count),
            data={"count": count},
        )
    return count


def cluster_view_record(*, cluster: Cluster, actor: User, page: int) -> None:
    """Every view of a cluster is audited (it shows identifiers drawn from confidential reports). The office
    is the cluster's, so that its supervisors see a partner agency's views too (a mitra has no office)."""
    audit_record(
        action="network.cluster_viewed",
        actor=actor,
        obj=cluster,
        office=cluster.office or getattr(actor, "office", None),
        summary=cluster.code,
        data={"page": page},
    )


def identifier_view_record(*, identifier: Identifier, actor: User, page: int) -> None:
    """Every view of an identifier's page is audited: it lists where the value was written, raw."""
    cluster = root_of(identifier.cluster_id) if identifier.cluster_id else None
    audit_record(
        action="network.identifier_viewed",
        actor=actor,
        obj=identifier,
        office=(cluster.office if cluster else None) or getattr(actor, "office", None),
        summary=f"{identifier.kind}:{identifier.normalized}"[:300],
        data={"page": page},
    )


def report_link(*, report_id: int) -> LinkedRecord | None:
    """Link a submitted report: its description and structured parties (called after the report commits)."""
    report = Report.objects.filter(pk=report_id).select_related("office").first()
    if report is None:
        return None
    parties = [{"kind": p.kind, "value": p.value} for p in report.parties.all()]
    return record_link(
        record_type=LinkedRecord.RecordType.REPORT,
        record_id=report.pk,
        text=report.description,
        parties=parties,
        report=report,
        office=report.office,
        category=report.category,
        label=report.tracking_code,
        seen_at=report.created_at,
    )


def message_link(*, message_id: int) -> LinkedRecord | None:
    """Link a reporter's message in the thread (officers' replies and internal notes are not evidence)."""
    message = Message.objects.filter(pk=message_id).select_related("report", "report__office").first()
    if (
        message is None
        or message.is_internal
        or message.author_kind != Message.Author.PELAPOR
        or not message.body
    ):
        return None
    report = message.report
    parent = LinkedRecord.objects.filter(
        record_type=LinkedRecord.RecordType.REPORT, record_id=str(report.pk)
    ).first()
    return record_link(
        attach_to=parent or report_link(report_id=report.pk),
        record_type=LinkedRecord.RecordType.MESSAGE,
        record_id=message.pk,
        text=message.body,
        report=report,
        office=report.office,
        category=report.category,
        label=report.tracking_code,
        seen_at=message.created_at,
    )
