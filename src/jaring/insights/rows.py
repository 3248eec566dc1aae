"""The rows behind each report figure. A figure is a COUNT over `report_rows(scope, period, {filter})`, the
list it links to is the same queryset read row by row: they cannot drift apart."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from jaring.accounts.models import Agency
from jaring.casework.models import Referral
from jaring.insights.periods import Period
from jaring.insights.scope import Scope
from jaring.reports.models import Category, Channel, Report, Status

UNKNOWN_REGION = "-"
CLOSED = (Status.SELESAI, Status.DITOLAK)
RESPONSE_BUCKETS = ("tepat", "terlambat", "belum")
CLOSE_BUCKETS = ("tepat", "terlambat", "terbuka")


def response_q(bucket: str) -> Q:
    """First response (verification, `Report.responded_on`) against the working-day deadline `verify_due` (SP4N-LAPOR!: 3 days)."""
    on_time = Q(responded_on__isnull=False, verify_due__isnull=False) & Q(responded_on__lte=F("verify_due"))
    if bucket == "tepat":
        return on_time
    if bucket == "terlambat":
        return Q(responded_on__isnull=False) & ~on_time
    return Q(responded_on__isnull=True)


def close_q(bucket: str) -> Q:
    """Closing against the follow-up deadline `follow_up_due` (SP4N-LAPOR!: 5 working days)."""
    closed = Q(status__in=CLOSED, closed_at__isnull=False)
    on_time = closed & Q(follow_up_due__isnull=False, closed_on__lte=F("follow_up_due"))
    if bucket == "tepat":
        return on_time
    if bucket == "terlambat":
        return closed & ~on_time
    return ~closed


@dataclass
class RowFilters:
    kategori: str = ""
    kanal: str = ""
    wilayah: str = ""  # kabupaten/kota code (21.71) or "-" for reports without a region
    respon: str = ""
    tutup: str = ""
    rujukan: str = ""  # agency slug
    rujukan_status: str = ""
    errors: dict[str, str] = field(default_factory=dict)

    NAMES = ("kategori", "kanal", "wilayah", "respon", "tutup", "rujukan", "rujukan_status")

    @classmethod
    def from_params(cls, params: Mapping[str, object]) -> "RowFilters":
        f = cls(**{n: str(params.get(n) or "").strip()[:40] for n in cls.NAMES})
        allowed = {
            "kategori": Category.values,
            "kanal": Channel.values,
            "respon": list(RESPONSE_BUCKETS),
            "tutup": list(CLOSE_BUCKETS),
            "rujukan_status": Referral.Status.values,
        }
        for name, values in allowed.items():
            if getattr(f, name) and getattr(f, name) not in values:
                f.errors[name] = _("Pilihan tidak dikenal.")
                setattr(f, name, "")
        if f.wilayah and f.wilayah != UNKNOWN_REGION and not is_kabkota(f.wilayah):
            f.errors["wilayah"] = _("Kode kabupaten/kota tidak valid; contoh 21.71.")
            f.wilayah = ""
        if f.rujukan and not Agency.objects.filter(slug=f.rujukan).exists():
            f.errors["rujukan"] = _("Instansi tidak dikenal.")
            f.rujukan = ""
        if f.rujukan_status and not f.rujukan:
            f.rujukan_status = ""
        return f

    def as_params(self) -> dict[str, str]:
        return {n: getattr(self, n) for n in self.NAMES if getattr(self, n)}


def is_kabkota(code: str) -> bool:
    return len(code) == 5 and code[2] == "." and code.replace(".", "").isdigit()


def received_in(scope: Scope, period: Period) -> QuerySet[Report]:
    start, end = period.bounds(scope.time_zone)
    return scope.reports().filter(created_at__gte=start, created_at__lt=end)


def referrals_in(scope: Scope, period: Period) -> QuerySet[Referral]:
    """Referrals made in the period, of reports in scope (whenever those were received)."""
    start, end = period.bounds(scope.time_zone)
    return Referral.objects.filter(
        report__in=scope.reports().values("pk"), created_at__gte=start, created_at__lt=end
    )


def report_rows(scope: Scope, period: Period, f: RowFilters) -> QuerySet[Report]:
    """Reports received in the period (or, with `rujukan`, referred in it) matching the filters."""
    if f.rujukan:
        refs = referrals_in(scope, period).filter(report=OuterRef("pk"), agency__slug=f.rujukan)
        if f.rujukan_status:
            refs = refs.filter(status=f.rujukan_status)
        qs = scope.reports().filter(Exists(refs))
    else:
        qs = received_in(scope, period)
    if f.kategori:
        qs = qs.filter(category=f.kategori)
    if f.kanal:
        qs = qs.filter(channel=f.kanal)
    if f.wilayah == UNKNOWN_REGION:
        qs = qs.exclude(region_code__regex=r"^\d{2}\.\d{2}")
    elif f.wilayah:
        qs = qs.filter(region_code__startswith=f.wilayah)
    if f.respon:
        qs = qs.filter(response_q(f.respon))
    if f.tutup:
        qs = qs.filter(close_q(f.tutup))
    return qs
