"""Demo data for the Batam office: the office, partner agencies and one user per role. Idempotent."""

from django.db import transaction

from jaring.accounts.models import Agency, Office, User

BATAM = {
    "name": "Kantor Imigrasi Kelas I Khusus TPI Batam",
    "short_name": "Kanim Batam",
    "time_zone": "Asia/Jakarta",
    "region_code": "21.71",
    # Hotline published by the office (shared/domain/FACTS.md). The website is the office's own site, cited
    # from its history page (http://batam.imigrasi.go.id/page/sejarah-imigrasi-batam, read 2026-12-04). No
    # Instagram, X or TikTok account and no street address could be cited from the office's own pages in that
    # review, so they stay empty until an admin enters them (docs/content.md).
    "hotline_whatsapp": "0811-7002-019",
    "website": "http://batam.imigrasi.go.id/",
}
AGENCIES = [
    ("bp3mi-kepri", "BP3MI Kepulauan Riau", Agency.Kind.BP2MI),
    ("polresta-barelang", "Polresta Barelang", Agency.Kind.POLICE),
    ("disnaker-batam", "Dinas Tenaga Kerja Kota Batam", Agency.Kind.LABOUR),
]
USERS = [
    ("petugas", "Petugas", "Demo", User.Role.PETUGAS),
    ("supervisor", "Supervisor", "Demo", User.Role.SUPERVISOR),
    ("mitra-bp3mi", "Mitra", "BP3MI", User.Role.MITRA),
    ("admin", "Admin", "Demo", User.Role.ADMIN),
]


@transaction.atomic
def seed(*, password: str) -> tuple[Office, list[tuple[str, bool]]]:
    """Returns the office and (username, created) pairs; existing users keep their password."""
    office, _ = Office.objects.get_or_create(slug="batam", defaults=BATAM)
    agencies = {}
    for slug, name, kind in AGENCIES:
        agency, _ = Agency.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind})
        agency.offices.add(office)
        agencies[slug] = agency
    users = []
    for username, first, last, role in USERS:
        user = User.objects.filter(username=username).first()
        created = user is None
        if created:
            user = User(username=username, first_name=first, last_name=last, role=role)
            user.office = None if role == User.Role.MITRA else office
            user.agency = agencies["bp3mi-kepri"] if role == User.Role.MITRA else None
            user.is_staff = user.is_superuser = role == User.Role.ADMIN
            user.set_password(password)
            user.save()
        users.append((username, created))
    return office, users
