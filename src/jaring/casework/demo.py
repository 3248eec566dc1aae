"""Demo data for the officers' workspace: saved replies and a few labels. Idempotent."""

from django.db import transaction

from jaring.accounts.models import Office
from jaring.casework.models import Label, ReplyTemplate

TEMPLATES = [
    (
        "Laporan Anda kami terima",
        "Terima kasih. Laporan Anda sudah kami terima dan sedang diperiksa petugas. Simpan kode laporan dan "
        "kunci tindak lanjut Anda untuk melihat perkembangan.",
    ),
    (
        "Mohon informasi tambahan",
        "Terima kasih atas laporan Anda. Untuk menindaklanjutinya, kami membutuhkan informasi tambahan: "
        "kapan dan di mana kejadiannya, serta nama, nomor telepon atau akun orang yang menawarkan pekerjaan. "
        "Silakan balas melalui halaman cek laporan.",
    ),
]
LABELS = ["Kamboja", "Jalur tidak resmi", "Media sosial"]


@transaction.atomic
def seed(*, office: Office) -> None:
    for title, body in TEMPLATES:
        ReplyTemplate.objects.get_or_create(office=office, title=title, defaults={"body": body})
    for name in LABELS:
        Label.objects.get_or_create(office=office, name=name)
