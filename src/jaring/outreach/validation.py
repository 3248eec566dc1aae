"""Rules shared by the outreach services: villages inside the office's region, dates inside a programme."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from jaring.accounts.models import Office, User
from jaring.accounts.selectors import staff_users_of_office
from jaring.lib import regions
from jaring.outreach.models import AGE_FIELDS, Programme
from jaring.reports.deadlines import office_zone


def local_date(moment: datetime, office: Office) -> date:
    return moment.astimezone(office_zone(office)).date()


def village_officers(office: Office, usernames: list[str]) -> dict[str, User]:
    """The office's active officers by username (the same choice the web form offers), else a clear error."""
    wanted = {u for u in usernames if u}
    found = {u.username: u for u in staff_users_of_office(office).filter(username__in=wanted)}
    unknown = sorted(wanted - found.keys())
    if unknown:
        raise ValidationError({"villages": _("Petugas tidak dikenal di kantor ini: %s") % ", ".join(unknown)})
    return found


def check_village(code: str, office: Office) -> str:
    """The normalised code of a desa/kelurahan inside the office's working region, else a clear error."""
    region = regions.get(code or "")
    if region is None:
        raise ValidationError({"region_code": _("Kode wilayah tidak dikenal.")})
    if region.level != 4:
        raise ValidationError({"region_code": _("Pilih desa atau kelurahan, bukan kecamatan atau kota.")})
    if not regions.contains(office.region_code, region.code):
        area = regions.get(office.region_code)
        raise ValidationError(
            {
                "region_code": _("%(village)s berada di luar wilayah kerja %(office)s (%(area)s).")
                % {
                    "village": region.full_label,
                    "office": office.short_name or office.name,
                    "area": area.name if area else office.region_code,
                }
            }
        )
    return region.code


def check_period(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")})


def check_event_times(
    starts_at: datetime, ends_at: datetime, programme: Programme | None, office: Office
) -> None:
    if ends_at < starts_at:
        raise ValidationError({"ends_at": _("Waktu selesai tidak boleh sebelum waktu mulai.")})
    if programme is None:
        return
    first, last = local_date(starts_at, office), local_date(ends_at, office)
    if first < programme.starts_on or last > programme.ends_on:
        raise ValidationError(
            {
                "starts_at": _(
                    "Tanggal kegiatan harus berada dalam periode program %(name)s: %(start)s sampai %(end)s."
                )
                % {
                    "name": programme.name,
                    "start": programme.starts_on.strftime("%d-%m-%Y"),
                    "end": programme.ends_on.strftime("%d-%m-%Y"),
                }
            }
        )


def check_attendance(*, total: int, male: int, female: int, ages: dict[str, int]) -> None:
    """Counts must add up: laki-laki + perempuan == total == the sum of the age bands."""
    values = [total, male, female, *ages.values()]
    if any(v is None or v < 0 for v in values):
        raise ValidationError({"attendance_total": _("Jumlah peserta tidak boleh negatif.")})
    unknown = set(ages) - set(AGE_FIELDS)
    if unknown:
        raise ValidationError(
            {"attendance_total": _("Kelompok umur tidak dikenal: %s") % ", ".join(sorted(unknown))}
        )
    errors = {}
    if male + female != total:
        errors["male"] = _(
            "Jumlah laki-laki (%(male)s) dan perempuan (%(female)s) = %(sum)s, tidak sama dengan total peserta %(total)s."
        ) % {"male": male, "female": female, "sum": male + female, "total": total}
    age_sum = sum(ages.get(name, 0) for name in AGE_FIELDS)
    if age_sum != total:
        errors["age_under_18"] = _(
            "Jumlah per kelompok umur = %(sum)s, tidak sama dengan total peserta %(total)s."
        ) % {"sum": age_sum, "total": total}
    if errors:
        raise ValidationError(errors)
