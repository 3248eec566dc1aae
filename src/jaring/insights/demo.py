"""A second office for the demo (Tanjung Pinang, same province as Batam) with a few reports, so the Kanwil
user sees two offices side by side. Invented examples; idempotent (fixed submission tokens)."""

from django.db import transaction

from jaring.accounts.models import Agency, Office
from jaring.reports.models import Channel, Report
from jaring.reports.receipts import token_digest
from jaring.reports.services import report_submit

SECOND_OFFICE = {
    "name": "Kantor Imigrasi Kelas I TPI Tanjung Pinang",
    "short_name": "Kanim Tanjung Pinang",
    "time_zone": "Asia/Jakarta",
    "region_code": "21.72",
}
SECOND_OFFICE_REPORTS = [
    {
        "token": "demo-tpi-1",
        "category": "pmi_nonprosedural",
        "description": "Contoh data: rombongan calon pekerja akan menyeberang ke Johor dari pelabuhan kecil.",
        "region_code": "21.72",
        "identity_mode": "anonim",
    },
    {
        "token": "demo-tpi-2",
        "category": "perekrut",
        "description": "Contoh data: lowongan kerja di Kamboja lewat grup Telegram, biaya berangkat ditanggung.",
        "region_code": "21.72",
        "identity_mode": "anonim",
        "parties": [{"kind": "handle", "value": "@lowongan.demo.tpi"}],
    },
    {
        "token": "demo-tpi-3",
        "category": "layanan",
        "description": "Contoh data: antrean paspor terlalu lama.",
        "identity_mode": "anonim",
    },
]


@transaction.atomic
def seed(*, office: Office) -> None:
    second, _ = Office.objects.get_or_create(slug="tanjungpinang", defaults=SECOND_OFFICE)
    for agency in Agency.objects.filter(kind=Agency.Kind.BP2MI):  # the provincial BP3MI serves both
        agency.offices.add(second)
    for item in SECOND_OFFICE_REPORTS:
        data = dict(item)
        token = data.pop("token")
        if Report.objects.filter(submission_token=token_digest(Channel.WEB, token)).exists():
            continue
        report_submit(office=second, channel=Channel.WEB, submission_token=token, **data)
