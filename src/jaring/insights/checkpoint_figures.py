"""TPI figures (issue 15's checkpoints): postponements by checkpoint, reason and origin province, and the
screenings behind each. Counts carry no identity (checkpoints' can_view_checkpoint_counts), so their list
shows codes, dates, TPI, outcome and reasons only, for every office in the scope."""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from jaring.checkpoints import guide
from jaring.checkpoints.models import Checkpoint, Outcome, Screening
from jaring.checkpoints.selectors import PRIVATE_FIELDS
from jaring.insights.figures import Row, Table
from jaring.insights.periods import Period
from jaring.insights.scope import Scope
from jaring.lib import regions

UNKNOWN = "-"


def screenings_in(scope: Scope, period: Period) -> QuerySet[Screening]:
    start, end = period.bounds(scope.time_zone)
    return Screening.objects.defer(*PRIVATE_FIELDS).filter(
        checkpoint__office_id__in=scope.office_ids, screened_at__gte=start, screened_at__lt=end
    )


@dataclass
class ScreeningFilters:
    tpi: str = ""  # checkpoint slug
    alasan: str = ""  # postponement reason code
    asal: str = ""  # origin province (2 digits) or "-"
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_params(cls, params: Mapping[str, object]) -> "ScreeningFilters":
        f = cls(**{n: str(params.get(n) or "").strip()[:40] for n in ("tpi", "alasan", "asal")})
        if f.tpi and not Checkpoint.objects.filter(slug=f.tpi).exists():
            f.errors["tpi"], f.tpi = _("TPI tidak dikenal."), ""
        if f.alasan and f.alasan not in guide.load().reason_codes:
            f.errors["alasan"], f.alasan = _("Pilihan tidak dikenal."), ""
        if f.asal and f.asal != UNKNOWN and not (len(f.asal) == 2 and f.asal.isdigit()):
            f.errors["asal"], f.asal = _("Kode provinsi tidak valid; contoh 21."), ""
        return f

    def as_params(self) -> dict[str, str]:
        return {n: getattr(self, n) for n in ("tpi", "alasan", "asal") if getattr(self, n)}


def postponement_rows(scope: Scope, period: Period, f: ScreeningFilters) -> QuerySet[Screening]:
    """Postponed departures screened in the period, matching the filters."""
    qs = screenings_in(scope, period).filter(outcome=Outcome.DITUNDA)
    if f.tpi:
        qs = qs.filter(checkpoint__slug=f.tpi)
    if f.alasan:
        qs = qs.filter(reasons__icontains=f'"{f.alasan}"')  # a JSON list of codes; the quotes make it exact
    if f.asal == UNKNOWN:
        qs = qs.exclude(origin_region_code__regex=r"^\d{2}")
    elif f.asal:
        qs = qs.filter(origin_region_code__startswith=f.asal)
    return qs


def tables(scope: Scope, period: Period) -> list[Table]:
    """One GROUP BY (checkpoint, origin province, reason list) over the period's postponements; the few rows it
    returns are summed three ways. A reason counts where the list's lookup finds it: the code in the list."""
    postponed = screenings_in(scope, period).filter(outcome=Outcome.DITUNDA).order_by()
    grouped = (
        postponed.annotate(p=Substr("origin_region_code", 1, 2))
        .values_list("checkpoint_id", "p", "reasons")
        .annotate(n=Count("id"))
    )
    g = guide.load()
    known = set(g.reason_codes)
    by_tpi: Counter[int] = Counter()
    reasons: Counter[str] = Counter()
    origins: Counter[str] = Counter()
    for checkpoint_id, province, codes, n in grouped:
        by_tpi[checkpoint_id] += n
        origins[province if province and province.isdigit() else UNKNOWN] += n
        for code in set(codes or ()) & known:
            reasons[code] += n
    checkpoints = {
        pk: (slug, name)
        for pk, slug, name in Checkpoint.objects.filter(pk__in=list(by_tpi)).values_list("pk", "slug", "name")
    }
    origin_rows = []
    for code, n in origins.most_common():
        region = regions.get(code) if code != UNKNOWN else None
        origin_rows.append(
            Row(code, region.name if region else _("Tidak diketahui"), n, {"jenis": "tpi", "asal": code})
        )
    return [
        Table(
            "tpi",
            _("Penundaan keberangkatan per TPI"),
            [
                Row(checkpoints[pk][0], checkpoints[pk][1], n, {"jenis": "tpi", "tpi": checkpoints[pk][0]})
                for pk, n in sorted(by_tpi.items(), key=lambda item: checkpoints[item[0]][1])
            ],
        ),
        Table(
            "tpi_alasan",
            _("Alasan penundaan (satu penundaan dapat punya beberapa alasan)"),
            [
                Row(code, g.reason_label(code), n, {"jenis": "tpi", "alasan": code})
                for code, n in reasons.most_common()
            ],
        ),
        Table("tpi_asal", _("Penundaan per provinsi asal"), origin_rows),
    ]
