"""Demo reports for the Batam office, made through report_submit like real ones. Idempotent (fixed tokens)."""

from jaring.accounts.models import Office
from jaring.reports.models import Channel, Report
from jaring.reports.receipts import token_digest
from jaring.reports.services import report_submit

# Invented examples for the demo; phone numbers are from the unassigned/demo style ranges.
DEMO_REPORTS = [
    {
        "token": "demo-1",
        "category": "perekrut",
        "description": (
            "Ada akun Facebook menawarkan kerja admin di Kamboja gaji 20 juta, berangkat gratis lewat Batam, "
            "paspor nanti dipegang agen. Diminta transfer biaya proses ke rekening pribadi."
        ),
        "region_code": "21.71.08",
        "location_text": "Dermaga dekat Pulau Abang",
        "identity_mode": "anonim",
        "parties": [
            {"kind": "phone", "value": "0812-0000-1111"},
            {"kind": "handle", "value": "@lokerluarnegeri.demo"},
        ],
    },
    {
        "token": "demo-2",
        "category": "pmi_nonprosedural",
        "description": (
            "Tetangga saya dan dua temannya akan menyeberang ke Johor malam ini memakai kapal kecil, "
            "katanya kerja di kebun tanpa kontrak."
        ),
        "region_code": "21.71",
        "location_text": "Pelabuhan rakyat, Sagulung",
        "identity_mode": "rahasia",
        "reporter_name": "Warga Demo",
        "reporter_contact": "0812-0000-2222",
        "parties": [{"kind": "vessel", "value": "KM Demo Bahari"}],
    },
    {
        "token": "demo-3",
        "category": "aspirasi",
        "description": "Mohon sosialisasi bahaya kerja ilegal juga diadakan di sekolah-sekolah di Galang.",
        "identity_mode": "anonim",
    },
]


def seed(*, office: Office) -> None:
    for item in DEMO_REPORTS:
        data = dict(item)
        token = data.pop("token")
        if Report.objects.filter(submission_token=token_digest(Channel.WEB, token)).exists():
            continue
        report_submit(office=office, channel=Channel.WEB, submission_token=token, **data)
