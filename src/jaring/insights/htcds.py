"""Anonymised case records in HTCDS fields (data/htcds_fields.json) for partners under an agreement.

What leaves: categories, statuses, months, regency/city, partner agency names and the platforms recruiters
used. What never leaves: names, contacts, identifiers, descriptions, messages, tracking codes, exact dates.
"""

import csv
import hashlib
import hmac
import io
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils.timezone import localtime

from jaring.casework.models import Referral
from jaring.lib import regions
from jaring.reports.models import Category, Party, Report, Status

FIELDS_PATH = Path(__file__).parent / "data" / "htcds_fields.json"
CATEGORIES = (Category.TPPO, Category.PMI_NONPROSEDURAL, Category.PEREKRUT)
# Platform by what a party's URL or handle contains (HTCDS RecruitmentWebsitesAndApps value names).
PLATFORMS = (
    ("facebook.com", "Facebook"),
    ("fb.com", "Facebook"),
    ("m.me", "FacebookMessenger"),
    ("instagram.com", "Instagram"),
    ("wa.me", "WhatsApp"),
    ("whatsapp", "WhatsApp"),
    ("t.me", "Telegram"),
    ("telegram", "Telegram"),
    ("tiktok", "TikTok"),
    ("twitter.com", "Twitter"),
    ("x.com", "Twitter"),
)


@lru_cache(maxsize=1)
def field_spec() -> dict[str, Any]:
    return json.loads(FIELDS_PATH.read_text(encoding="utf-8"))


def field_names() -> list[str]:
    return [f["name"] for f in field_spec()["fields"]]


def case_reference(report_id: int) -> str:
    key = settings.SECRET_KEY.encode()
    return "J" + hmac.new(key, f"htcds:{report_id}".encode(), hashlib.sha256).hexdigest()[:16]


def _status(report: Report, referred: bool) -> str:
    if report.status in (Status.SELESAI, Status.DITOLAK):
        return "ClosedReferred" if referred else "Closed"
    if report.status == Status.DIRUJUK:
        return "ClosedReferred"
    if referred or report.status in (Status.DITINDAKLANJUTI, Status.MENUNGGU_PELAPOR):
        return "FollowUp"  # still ours, and being worked on (here or by the partner it was referred to)
    return "Active"


def _platforms(parties: list[Party]) -> list[str]:
    found = []
    for party in parties:
        if party.kind not in ("url", "handle"):
            continue
        value = party.value.lower()
        name = next((p for needle, p in PLATFORMS if needle in value), "Other")
        if name not in found:
            found.append(name)
    return found


def _place(code: str) -> tuple[str, str, str]:
    province = regions.get(code[:2]) if len(code) >= 2 else None
    city = regions.get(code[:5]) if len(code) >= 5 else None
    return ("ID" if province else "", province.name if province else "", city.name if city else "")


def record(report: Report) -> dict[str, str]:
    refs = list(report.referrals.all())
    parties = list(report.parties.all())
    platforms = _platforms(parties)
    methods = []
    if platforms:
        methods.append("Internet (social media, online advertisement)")
    if report.category == Category.PEREKRUT:
        methods.append("Job offer/advertisement")
    country, state, city = _place(report.region_code)
    first_ref = min((r.created_at for r in refs), default=None)
    return {
        "jaring_CaseReference": case_reference(report.pk),
        "jaring_ReceivedMonth": f"{localtime(report.created_at):%Y-%m}",
        "jaring_Category": report.category,
        "cas_Status": _status(report, bool(refs)),
        "cas_OutgoingReferralDate": f"{localtime(first_ref):%Y-%m}" if first_ref else "",
        "cas_ReferredOrganisation": ";".join(sorted({r.agency.name for r in refs})),
        "cas_ReasonForOutgoingReferral": "AdditionalServicesRequired" if refs else "",
        "vic_TraffickingStatus": "Possible",
        "vic_MethodOfRecruitment": ";".join(methods or ["Unknown"]),
        "vic_RecruitmentWebsitesAndApps": ";".join(platforms),
        "per_RoleInProcess": "RecruiterOrIntermediary" if report.category == Category.PEREKRUT else "",
        "hte_Type": "Recruitment",
        "hte_Date": f"{report.incident_date:%Y-%m}" if report.incident_date else "",
        "hte_Country": country,
        "hte_State": state,
        "hte_City": city,
    }


def case_rows(reports: QuerySet[Report]) -> QuerySet[Report]:
    return (
        reports.filter(category__in=CATEGORIES)
        .only("pk", "created_at", "category", "status", "region_code", "incident_date")
        .prefetch_related(
            Prefetch(
                "referrals",
                queryset=Referral.objects.select_related("agency").only(
                    "report_id", "created_at", "agency__name"
                ),
            ),
            Prefetch("parties", queryset=Party.objects.only("report_id", "kind", "value")),
        )
        .order_by("created_at", "pk")
    )


def as_csv(reports: QuerySet[Report]) -> tuple[str, int]:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=field_names(), lineterminator="\n")
    writer.writeheader()
    n = 0
    for report in case_rows(reports).iterator(chunk_size=500):
        writer.writerow(record(report))
        n += 1
    return out.getvalue(), n
