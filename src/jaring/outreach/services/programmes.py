from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jaring.accounts.models import Agency, Office, User
from jaring.audit.services import audit_record
from jaring.outreach.models import Programme, ProgrammeVillage
from jaring.outreach.validation import check_event_times, check_period, check_village


def _agencies(office: Office, agency_ids: list[int]) -> list[Agency]:
    found = list(Agency.objects.filter(pk__in=agency_ids))
    if len(found) != len(set(agency_ids)):
        raise ValidationError({"agency_ids": _("Instansi mitra tidak dikenal.")})
    return found


@dataclass
class VillageTarget:
    region_code: str
    officer: User | None = None
    officer_name: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None


@transaction.atomic
def programme_create(
    *,
    actor: User | None,
    office: Office,
    name: str,
    starts_on: date,
    ends_on: date,
    goals: str = "",
    agency_ids: list[int] | None = None,
    villages: list[VillageTarget] | None = None,
    is_sample: bool = False,
) -> Programme:
    if not name.strip():
        raise ValidationError({"name": _("Nama program wajib diisi.")})
    check_period(starts_on, ends_on)
    agencies = _agencies(office, agency_ids or [])
    programme = Programme.objects.create(
        office=office,
        name=name.strip()[:200],
        starts_on=starts_on,
        ends_on=ends_on,
        goals=goals.strip(),
        is_sample=is_sample,
        created_by=actor,
    )
    programme.agencies.set(agencies)
    audit_record(
        action="outreach.programme.created", actor=actor, obj=programme, office=office, summary=programme.name
    )
    # Villages in the same transaction: one village outside the region and the whole programme is refused.
    for target in villages or []:
        programme_village_add(actor=actor, programme=programme, **vars(target))
    return programme


@transaction.atomic
def programme_update(
    *,
    actor: User,
    programme: Programme,
    name: str,
    starts_on: date,
    ends_on: date,
    goals: str,
    agency_ids: list[int],
) -> Programme:
    if not name.strip():
        raise ValidationError({"name": _("Nama program wajib diisi.")})
    check_period(starts_on, ends_on)
    agencies = _agencies(programme.office, agency_ids)
    programme.name, programme.starts_on, programme.ends_on = name.strip()[:200], starts_on, ends_on
    programme.goals = goals.strip()
    # A shorter period must still hold every event already planned under the programme.
    for event in programme.events.all():
        try:
            check_event_times(event.starts_at, event.ends_at, programme, programme.office)
        except ValidationError:
            raise ValidationError(
                {"starts_on": _("Kegiatan %(code)s berada di luar periode baru ini.") % {"code": event.code}}
            ) from None
    programme.save()
    programme.agencies.set(agencies)
    audit_record(
        action="outreach.programme.updated",
        actor=actor,
        obj=programme,
        office=programme.office,
        summary=programme.name,
    )
    return programme


@transaction.atomic
def programme_village_add(
    *,
    actor: User | None,
    programme: Programme,
    region_code: str,
    officer: User | None = None,
    officer_name: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
) -> ProgrammeVillage:
    office = programme.office
    code = check_village(region_code, office)
    if officer is not None and officer.office_id != office.pk:
        raise ValidationError({"officer": _("Pimpasa harus petugas dari kantor ini, atau tulis namanya.")})
    if (latitude is None) != (longitude is None):
        raise ValidationError({"latitude": _("Isi lintang dan bujur keduanya, atau kosongkan keduanya.")})
    if latitude is not None and not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValidationError({"latitude": _("Koordinat di luar jangkauan.")})
    if programme.villages.filter(region_code=code).exists():
        raise ValidationError({"region_code": _("Desa ini sudah menjadi sasaran program.")})
    village = ProgrammeVillage.objects.create(
        programme=programme,
        region_code=code,
        officer=officer,
        officer_name="" if officer else officer_name.strip()[:120],
        latitude=latitude,
        longitude=longitude,
    )
    audit_record(
        action="outreach.village.added",
        actor=actor,
        obj=village,
        office=office,
        summary=f"{programme.name}: {code}",
    )
    return village


@transaction.atomic
def programme_village_remove(*, actor: User, village: ProgrammeVillage) -> None:
    programme = village.programme
    audit_record(
        action="outreach.village.removed",
        actor=actor,
        obj=village,
        office=programme.office,
        summary=f"{programme.name}: {village.region_code}",
    )
    village.delete()
