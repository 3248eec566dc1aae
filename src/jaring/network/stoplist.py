"""The stoplist: identifiers that never link records (hotlines, official portals, job boards).

Defaults live in data/stoplist.txt; officers add entries in the admin (network > stoplist). An entry added
after an identifier has joined records splits those clusters at once, as if it had been listed from the start.
"""

from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from jaring.audit.services import audit_record
from jaring.lib.identifiers import normalise
from jaring.network import engine
from jaring.network.clusters import lock_clusters, split
from jaring.network.models import Identifier, StopEntry


@lru_cache(maxsize=1)
def _file_stoplist() -> frozenset[str]:
    return frozenset(engine.Stoplist.default().keys)


def stoplist() -> engine.Stoplist:
    """The default file plus the entries officers keep in the database."""
    entries = [(e.kind, e.value) for e in StopEntry.objects.all()]
    keys = set(_file_stoplist()) | engine.Stoplist.from_entries(entries).keys
    return engine.Stoplist(keys=keys, min_records=settings.NETWORK_MIN_STOP_RECORDS)


@transaction.atomic
def stop_entry_save(*, entry: StopEntry, actor: Any) -> list[int]:
    """Saves a stoplist entry and splits the clusters its identifier had joined; returns that identifier's
    ids (none if no record mentions it yet)."""
    lock_clusters()
    entry.save()
    pairs = [(kind, value) for kind, value in normalise(entry.kind, entry.value) if kind == entry.kind]
    pairs = pairs or [(entry.kind, entry.value.strip())]
    query = Q()
    for kind, value in pairs:
        query |= Q(kind=kind, normalized=value)
    identifier_ids = list(Identifier.objects.filter(query).values_list("pk", flat=True))
    created = split(identifier_ids=identifier_ids, stops=stoplist(), actor=actor) if identifier_ids else []
    audit_record(
        action="network.stop_entry_saved",
        actor=actor,
        obj=entry,
        summary=f"{entry.kind}: {entry.note}"[:300],
        data={"identifiers": identifier_ids, "new_clusters": [c.pk for c in created]},
    )
    return identifier_ids
