"""An officer opens the network list, then a cluster: the graph draws (vendored Cytoscape, no CSP error)."""

import pytest
from playwright.sync_api import expect

from jaring.network.services import report_link
from jaring.reports.models import Party, Report
from tests.conftest import PASSWORD


def _report(office, code: str, description: str, parties=()) -> Report:  # type: ignore[no-untyped-def]
    report = Report.objects.create(office=office, tracking_code=code, follow_up_key_hash="argon2$e2e",
                                   category="perekrut", description=description)  # fmt: skip
    Party.objects.bulk_create([Party(report=report, kind=k, value=v) for k, v in parties])
    report_link(report_id=report.pk)
    return report


@pytest.mark.django_db(transaction=True)
def test_officer_opens_a_cluster_graph(page, live_server, office) -> None:
    _report(office, "E2EJAR1", "Perekrut ke Kamboja, WA 0812-3456-7890.")
    _report(office, "E2EJAR2", "Diminta DP ke BCA 1234567890", [("phone", "+62 812 3456 7890")])
    _report(office, "E2EJAR3", "Transfer BCA 123-456-7890 a.n. Rudi Hartono")
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)

    page.goto(f"{live_server.url}/petugas/masuk/")
    page.fill("input[name=username]", "petugas")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/petugas/jaringan/")
    page.get_by_role("link", name="J-").first.click()

    expect(page.get_by_role("heading", name="Grafik jaringan")).to_be_visible()
    graph = page.locator("#network-graph")
    expect(graph).to_have_attribute("data-ready", "6")  # three records, phone, account, person
    expect(graph.locator("canvas").first).to_be_attached()
    assert [p for p in problems if "favicon" not in p and "404" not in p] == [], problems
    expect(page.get_by_role("link", name="E2EJAR3")).to_be_visible()
    page.get_by_role("link", name="bca:1234567890").click()
    expect(page.get_by_role("heading", name="Rekening/dompet digital: bca:1234567890")).to_be_visible()
