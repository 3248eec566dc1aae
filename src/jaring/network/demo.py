"""Demo network: two more invented reports that share the demo recruiter's phone and an account with the
Lapor demo, then every report of the office is linked (the demo has no task worker running). Idempotent."""

from jaring.accounts.models import Office
from jaring.network.services import report_link
from jaring.reports.models import Channel, Report
from jaring.reports.receipts import token_digest
from jaring.reports.services import report_submit

DEMO_REPORTS = [
    {
        "token": "network-demo-1",
        "category": "tppo",
        "description": (
            "Anak saya berangkat ke Kamboja lewat Batam setelah dihubungi WA 0812-0000-1111. "
            "Kami diminta transfer ke BCA 000-111-2223 a.n. Rudi Demo Santoso."
        ),
        "identity_mode": "anonim",
    },
    {
        "token": "network-demo-2",
        "category": "perekrut",
        "description": "Lowongan admin luar negeri, DP dikirim ke rekening BCA 0001112223, kontak Pak Rudi Demo Santoso.",
        "identity_mode": "anonim",
        "parties": [{"kind": "company", "value": "PT Demo Karya Abadi"}],
    },
]


def seed(*, office: Office) -> None:
    for item in DEMO_REPORTS:
        data = dict(item)
        token = data.pop("token")
        if not Report.objects.filter(submission_token=token_digest(Channel.WEB, token)).exists():
            report_submit(office=office, channel=Channel.WEB, submission_token=token, **data)
    for report_id in Report.objects.filter(office=office).order_by("pk").values_list("pk", flat=True):
        report_link(report_id=report_id)
