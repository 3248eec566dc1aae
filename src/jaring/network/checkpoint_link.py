"""Jaringan's link of a TPI screening (issue 15): the sponsor's, recruiter's and escort's identifiers, as a
record of kind `checkpoint`, so a recruiter phone seen at the pier and in a citizen's report lands in one
cluster. The traveller's own identity never links. Queued by receivers.queue_screening_link in the recording
transaction (checkpoints/events.py); task arguments are row ids only.
"""

from jaring.checkpoints.models import Outcome, Screening
from jaring.network.models import LinkedRecord
from jaring.network.services import record_link


def screening_link(*, screening_id: int) -> LinkedRecord | None:
    screening = Screening.objects.filter(pk=screening_id).select_related("checkpoint__office").first()
    if screening is None:
        return None
    parties = [{"kind": p.kind, "value": p.value} for p in screening.parties.all()]
    return record_link(
        record_type=LinkedRecord.RecordType.CHECKPOINT,
        record_id=screening.pk,
        parties=parties,
        office=screening.checkpoint.office,
        # Officers screen suspected non-procedural workers; a hand-over to the police marks suspected TPPO.
        category="tppo" if screening.outcome == Outcome.DISERAHKAN else "pmi_nonprosedural",
        label=screening.code,
        seen_at=screening.screened_at,
    )
