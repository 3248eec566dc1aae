"""The HTCDS export: standard field names and values, no names or contacts, months only, audited."""

import csv
import io
import re
from datetime import date

from jaring.audit.models import AuditEvent
from jaring.reports.models import Party
from tests.insights.conftest import client_for, make_report

# From UNMigration/HTCDS "HTCDS Field Reference.md" (prefix + Field Name) and, for TraffickingStatus, HTCDS 2.0
# as summarised in shared/domain/FACTS.md; picklist value names as the standard spells them.
STANDARD = {
    "cas_Status": {"Active", "FollowUp", "Closed", "ClosedReferred"},
    "cas_OutgoingReferralDate": None,
    "cas_ReferredOrganisation": None,
    "cas_ReasonForOutgoingReferral": {"AdditionalServicesRequired", "MigrationOrChangeOfLocation", "Other"},
    "vic_TraffickingStatus": {"Possible", "Actual", "NotAVictim"},
    "vic_MethodOfRecruitment": {
        "Abduction",
        "Educational Facility",
        "Familial",
        "Internet (social media, online advertisement)",
        "International Marriage Broker (IMB)",
        "Intimate partner/marriage proposition",
        "Job offer/advertisement",
        "Posing as Benefactor",
        "Public Area",
        "Offer of Accommodation",
        "Shelter",
        "Smuggling, ransom",
        "Work",
        "Other",
        "Unknown",
    },
    "vic_RecruitmentWebsitesAndApps": {
        "Facebook",
        "Instagram",
        "WhatsApp",
        "Telegram",
        "FacebookMessenger",
        "Viber",
        "SnapChat",
        "Line",
        "4Sale",
        "WeChat",
        "QQ",
        "QZone",
        "TikTok",
        "Twitter",
        "Other",
    },
    "per_RoleInProcess": {
        "TravellingPartner",
        "Transporter",
        "RecruiterOrIntermediary",
        "BrokerTravelAgent",
        "TransferredIndividual",
        "HarbouredIndividual",
        "SoldIndividual",
        "BoughtIndividual",
        "ReceivedIndividual",
        "ControlledIndividual",
        "Smuggler",
        "Abuser",
        "Kidnapper",
        "Exploiter",
        "Other",
    },
    "hte_Type": {"Recruitment", "Transit", "Exploitation"},
    "hte_Date": None,
    "hte_Country": None,
    "hte_State": None,
    "hte_City": None,
}
MONTH = re.compile(r"^\d{4}-\d{2}$")


def export(client, query="bulan=2026-03"):
    response = client.get(f"/petugas/wawasan/htcds.csv?{query}")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_fields_are_the_standards_or_marked_extensions(month_data, supervisor):
    rows = export(client_for(supervisor))
    assert rows
    for name in rows[0]:
        assert name in STANDARD or name.startswith("jaring_"), name
    for row in rows:
        for name, allowed in STANDARD.items():
            if allowed and row.get(name):
                assert set(row[name].split(";")) <= allowed, (name, row[name])
        for name in ("jaring_ReceivedMonth", "cas_OutgoingReferralDate", "hte_Date"):
            assert not row[name] or MONTH.match(row[name]), (name, row[name])


def test_only_trafficking_categories_of_the_scope_leave(month_data, supervisor):
    rows = export(client_for(supervisor))
    assert len(rows) == 6  # 7 in March, less the "layanan" complaint; not the other office's
    assert {r["jaring_Category"] for r in rows} == {"tppo", "perekrut", "pmi_nonprosedural"}
    referred = [r for r in rows if r["cas_ReferredOrganisation"]]
    assert {r["cas_ReferredOrganisation"] for r in referred} == {
        "BP3MI Kepulauan Riau",
        "BP3MI Kepulauan Riau;Polresta Barelang",
    }
    assert all(r["cas_Status"] != "Active" for r in referred)
    galang = next(r for r in rows if r["hte_City"] == "Kota Batam" and r["hte_State"] == "Kepulauan Riau")
    assert galang["hte_Country"] == "ID"


def test_no_name_contact_code_or_exact_date_leaves(office, supervisor):
    report = make_report(
        office,
        date(2026, 3, 9),
        category="perekrut",
        identity_mode="rahasia",
        reporter_name="Siti Rahayu",
        reporter_contact="0812-0000-1111",
        description="Perekrut Pak Budi menawari kerja di Kamboja.",
        incident_date=date(2026, 3, 5),
        region_code="21.71.08.1007",
    )
    Party.objects.create(report=report, kind="phone", value="+62 812 3456 7890")
    Party.objects.create(report=report, kind="url", value="https://www.facebook.com/lowongan.kamboja")
    Party.objects.create(report=report, kind="person", value="Budi Santoso")
    text = client_for(supervisor).get("/petugas/wawasan/htcds.csv?bulan=2026-03").content.decode()
    for secret in (
        "Siti",
        "0812",
        "7890",
        "Budi",
        "Kamboja",
        "lowongan",
        report.tracking_code,
        "2026-03-05",
        "2026-03-09",
        "Pulau Abang",
        "Galang",
    ):
        assert secret not in text, secret
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["vic_RecruitmentWebsitesAndApps"] == "Facebook"
    assert (
        row["vic_MethodOfRecruitment"]
        == "Internet (social media, online advertisement);Job offer/advertisement"
    )
    assert row["per_RoleInProcess"] == "RecruiterOrIntermediary"
    assert row["hte_Date"] == "2026-03" and row["hte_City"] == "Kota Batam"


def test_each_export_is_audited_and_only_supervisors_may(month_data, supervisor, petugas, mitra):
    export(client_for(supervisor))
    event = AuditEvent.objects.get(action="insights.htcds_export")
    assert event.actor == supervisor and event.summary == "6 records"
    assert client_for(petugas).get("/petugas/wawasan/htcds.csv?bulan=2026-03").status_code == 403
    assert client_for(mitra).get("/petugas/wawasan/htcds.csv?bulan=2026-03").status_code == 403
