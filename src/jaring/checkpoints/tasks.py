"""Jaringan linking of a screening's sponsor/recruiter/escort identifiers, in the task worker after commit.

Task arguments are row ids only (the queue never holds identities).
"""

from django_tasks import task

from jaring.checkpoints.models import Screening
from jaring.network.models import LinkedRecord
from jaring.network.services import record_link

RECORD_TYPE = LinkedRecord.RecordType.CHECKPOINT


def screening_link(*, screening_id: int) -> LinkedRecord | None:
    """Links the screening's parties (never the traveller's own identity) as a record of kind `checkpoint`."""
    screening = Screening.objects.filter(pk=screening_id).select_related("checkpoint__office").first()
    if screening is None:
        return None
    parties = [{"kind": p.kind, "value": p.value} for p in screening.parties.all()]
    return record_link(
        record_type=RECORD_TYPE,
        record_id=screening.pk,
        parties=parties,
        office=screening.checkpoint.office,
        # Officers screen suspected non-procedural workers; a hand-over to police marks suspected TPPO.
        category="tppo" if screening.outcome == "diserahkan" else "pmi_nonprosedural",
        label=screening.code,
        seen_at=screening.screened_at,
    )


@task()
def link_screening(screening_id: int) -> None:
    screening_link(screening_id=screening_id)


def enqueue_link(screening_id: int) -> None:
    link_screening.enqueue(screening_id)
