"""Evasive readings in the application: an identifier read back from a form written to dodge filters, too
ambiguous to link (lib.identifier_readings), is stored apart as "?" + value and proposed to an officer next to
the plainly written identifier of the same value (a LinkProposal, as near-identical names are)."""

from django.db.models import Q

from jaring.lib import identifiers as ids
from jaring.network.models import Identifier, LinkProposal

READING_KINDS = ("phone", "account", "handle")  # what lib.identifier_readings reads back from evasive forms


def unconfirmed(identifier: ids.Identifier) -> ids.Identifier:
    """An evasive reading too ambiguous to link is stored apart ("?" + value), weak, until an officer
    confirms it is the plainly written value (a LinkProposal, as for near-identical names)."""
    return identifier._replace(value=ids.UNCONFIRMED + identifier.value)


def confirmed_readings(rows: dict[tuple[str, str], Identifier]) -> dict[tuple[str, str], Identifier]:
    """The plain identifiers of readings an officer already confirmed: the record links through them."""
    readings = {row.pk: row for (_kind, value), row in rows.items() if value.startswith(ids.UNCONFIRMED)}
    if not readings:
        return {}
    confirmed = LinkProposal.objects.filter(
        Q(first_id__in=readings) | Q(second_id__in=readings), status=LinkProposal.Status.CONFIRMED
    ).select_related("first", "second")
    plain = {}
    for proposal in confirmed:
        for row in (proposal.first, proposal.second):
            if row.pk not in readings:
                plain[(row.kind, row.normalized)] = row
    return plain


def propose_readings(new_rows: list[Identifier], found: list[ids.Identifier]) -> None:
    """Propose each new unconfirmed reading with the plain identifier of the same value, and each new plain
    identifier with the unconfirmed readings of its value; the score is the reading's confidence."""
    confidence = {(i.kind, i.value): i.confidence for i in found}
    wanted: dict[tuple[str, str], Identifier] = {}
    for row in new_rows:
        if row.normalized.startswith(ids.UNCONFIRMED):
            wanted[(row.kind, row.normalized.removeprefix(ids.UNCONFIRMED))] = row
        elif row.kind in READING_KINDS:
            wanted[(row.kind, ids.UNCONFIRMED + row.normalized)] = row
    if not wanted:
        return
    query = Q()
    for kind, value in wanted:
        query |= Q(kind=kind, normalized=value)
    for other in Identifier.objects.filter(query):
        row = wanted[(other.kind, other.normalized)]
        reading = row if row.normalized.startswith(ids.UNCONFIRMED) else other
        score = round(100 * confidence.get((reading.kind, reading.normalized), ids.PROPOSE_CONFIDENCE), 1)
        first, second = sorted([row.pk, other.pk])
        LinkProposal.objects.get_or_create(first_id=first, second_id=second, defaults={"score": score})
