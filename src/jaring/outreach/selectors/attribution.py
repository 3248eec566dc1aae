"""Reports and job-offer checks that followed an event: people typed the event code into Lapor or Cek Tawaran.

Lapor stores the code in Report.heard_from ("how did you hear of us"); the checker keeps anonymous counters per
`ref` code in its ScreeningStat model. Codes compare case-insensitively (people type them off a poster).
"""

from collections import Counter
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Sum
from django.db.models.functions import Trim, Upper

from jaring.outreach.models import Event
from jaring.reports.models import Report


@dataclass(frozen=True)
class Attribution:
    reports: int
    checks: int


def reports_by_code(office_id: int, codes: list[str]) -> Counter[str]:
    """Number of the office's reports per event code (upper case) given in "how did you hear of us"."""
    wanted = {c.strip().upper() for c in codes if c.strip()}
    if not wanted:
        return Counter()
    rows = (
        Report.objects.filter(office_id=office_id)
        .annotate(ref=Upper(Trim("heard_from")))
        .filter(ref__in=wanted)
        .values("ref")
        .annotate(n=Count("pk"))
    )
    return Counter({row["ref"]: row["n"] for row in rows})


def checks_by_code(codes: list[str]) -> Counter[str]:
    """Job-offer checks per event code, from the screening app's anonymous weekly counters.

    ScreeningStat keeps one row per risk level (flag "") and one per red flag; each check adds one to exactly one
    risk-level row, so the checks are the sum over the flag "" rows.
    """
    wanted = {c.strip().upper() for c in codes if c.strip()}
    try:
        model = apps.get_model("screening", "ScreeningStat")
    except LookupError:
        return Counter()
    if not wanted:
        return Counter()
    rows = (
        model.objects.filter(flag="")
        .annotate(code=Upper(Trim("ref")))
        .filter(code__in=wanted)
        .values("code")
        .annotate(n=Sum("count"))
    )
    return Counter({row["code"]: row["n"] or 0 for row in rows})


def attribution_for_codes(office_id: int, codes: list[str]) -> Attribution:
    return Attribution(
        reports=sum(reports_by_code(office_id, codes).values()), checks=sum(checks_by_code(codes).values())
    )


def attribution_for_event(event: Event) -> Attribution:
    return attribution_for_codes(event.office_id, [event.code])
