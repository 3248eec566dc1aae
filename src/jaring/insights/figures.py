"""Every dashboard figure, computed with GROUP BY over the same querysets the lists read (rows.py)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q, Sum
from django.db.models.functions import Substr
from django.utils import translation
from django.utils.translation import gettext as _

from jaring.accounts.models import Agency
from jaring.casework.models import Referral
from jaring.insights import activity_rows, rows
from jaring.insights.periods import Period, month_start
from jaring.insights.scope import Scope
from jaring.lib import regions
from jaring.outreach.selectors.impact import moments_by_event, pooled_gain
from jaring.reports.models import Category, Channel
from jaring.screening.engine.ruleset import default_rules


@dataclass
class Row:
    """One line of a table: a label, its count, and the list behind it (query parameters), if any."""

    key: str
    label: str
    count: int
    params: dict[str, str] = field(default_factory=dict)


@dataclass
class Table:
    slug: str
    title: str
    rows: list[Row]
    caption: str = ""

    @property
    def total(self) -> int:
        return sum(r.count for r in self.rows)


def _labelled(counts: Counter, labels: dict[str, str], param: str, keep_zero: bool = True) -> list[Row]:
    keys = list(labels) if keep_zero else [k for k in labels if counts.get(k)]
    return [Row(k, str(labels[k]), counts.get(k, 0), {param: k}) for k in keys]


@dataclass
class ReportCounts:
    """Two scans of the period's reports: one GROUP BY (category, channel, kabupaten/kota) for three tables and
    the total, one conditional count per week or month for the fourth. Time buckets are compared as ranges
    of the stored timestamps (no per-row time-zone conversion, which SQLite does in Python)."""

    rows: list[tuple[str, str, str, int]]
    buckets: dict[tuple[date, date], int]

    def by(self, index: int) -> Counter:
        counts: Counter = Counter()
        for row in self.rows:
            counts[row[index]] += row[3]
        return counts

    @property
    def total(self) -> int:
        return sum(r[3] for r in self.rows)


def time_buckets(period: Period) -> list[tuple[date, date]]:
    """ISO weeks (Monday to Sunday) for periods up to two months, calendar months otherwise, cut to the period."""
    out, day = [], period.start
    weekly = (period.end - period.start).days <= 62
    while day <= period.end:
        if weekly:
            first = max(period.start, day - timedelta(days=day.weekday()))
            last = min(period.end, first + timedelta(days=6 - first.weekday()))
        else:
            first = max(period.start, month_start(day))
            last = min(period.end, (month_start(day) + timedelta(days=32)).replace(day=1) - timedelta(days=1))
        out.append((first, last))
        day = last + timedelta(days=1)
    return out


def report_counts(scope: Scope, period: Period) -> ReportCounts:
    qs = rows.received_in(scope, period).order_by()
    grouped = (
        qs.annotate(kabkota=Substr("region_code", 1, 5))
        .values_list("category", "channel", "kabkota")
        .annotate(n=Count("id"))
    )
    unknown = rows.UNKNOWN_REGION
    ranges = time_buckets(period)
    bounds = [Period(first, last).bounds(scope.time_zone) for first, last in ranges]
    agg = qs.aggregate(
        **{
            f"b{i}": Count("id", filter=Q(created_at__gte=s, created_at__lt=e))
            for i, (s, e) in enumerate(bounds)
        }
    )
    return ReportCounts(
        rows=[(c, ch, k if k and rows.is_kabkota(k) else unknown, n) for c, ch, k, n in grouped],
        buckets={r: agg[f"b{i}"] for i, r in enumerate(ranges)},
    )


def reports_by_category(counts: ReportCounts) -> Table:
    return Table(
        "kategori", _("Laporan per kategori"), _labelled(counts.by(0), dict(Category.choices), "kategori")
    )


def reports_by_channel(counts: ReportCounts) -> Table:
    return Table("kanal", _("Laporan per kanal"), _labelled(counts.by(1), dict(Channel.choices), "kanal"))


def reports_by_region(counts: ReportCounts) -> Table:
    """Kabupaten/kota of the incident (Kemendagri 4-digit code); reports without one are counted apart."""
    out = []
    for code, n in sorted(counts.by(2).items(), key=lambda item: (-item[1], item[0])):
        region = regions.get(code) if code != rows.UNKNOWN_REGION else None
        label = region.name if region else (code if code != rows.UNKNOWN_REGION else _("Tidak diketahui"))
        out.append(Row(code, label, n, {"wilayah": code}))
    return Table("wilayah", _("Laporan per kabupaten/kota kejadian"), out)


def reports_over_time(counts: ReportCounts, period: Period) -> Table:
    """Per month for a period longer than two months, per ISO week otherwise; each row links to its dates."""
    buckets = counts.buckets
    weekly = (period.end - period.start).days <= 62
    out = []
    for (first, last), n in buckets.items():
        label = f"{first:%d/%m}–{last:%d/%m}" if weekly else f"{first:%m/%Y}"
        out.append(Row(first.isoformat(), label, n, {"dari": first.isoformat(), "sampai": last.isoformat()}))
    title = _("Laporan per minggu") if weekly else _("Laporan per bulan")
    return Table("waktu", title, out)


def response_times(scope: Scope, period: Period) -> tuple[Table, Table]:
    """First response and closing against the working-day deadlines, as counts of the three buckets."""
    qs = rows.received_in(scope, period).order_by()
    agg = qs.aggregate(
        **{f"r_{b}": Count("id", filter=rows.response_q(b)) for b in rows.RESPONSE_BUCKETS},
        **{f"c_{b}": Count("id", filter=rows.close_q(b)) for b in rows.CLOSE_BUCKETS},
    )
    r_labels = {"tepat": _("Tepat waktu"), "terlambat": _("Terlambat"), "belum": _("Belum ditanggapi")}
    c_labels = {"tepat": _("Tepat waktu"), "terlambat": _("Terlambat"), "terbuka": _("Masih terbuka")}
    first = Table(
        "respon",
        _("Tanggapan pertama (verifikasi) terhadap batas hari kerja"),
        [Row(b, str(r_labels[b]), agg[f"r_{b}"], {"respon": b}) for b in rows.RESPONSE_BUCKETS],
    )
    close = Table(
        "tutup",
        _("Penyelesaian terhadap batas tindak lanjut"),
        [Row(b, str(c_labels[b]), agg[f"c_{b}"], {"tutup": b}) for b in rows.CLOSE_BUCKETS],
    )
    return first, close


def share(table: Table, key: str = "tepat") -> float | None:
    done = sum(r.count for r in table.rows if r.key in ("tepat", "terlambat"))
    on_time = next((r.count for r in table.rows if r.key == key), 0)
    return round(100.0 * on_time / done, 1) if done else None


def referrals(scope: Scope, period: Period) -> Table:
    """Reports referred in the period, per agency and the referral's current status (its outcome so far)."""
    qs = rows.referrals_in(scope, period).order_by().values_list("agency__slug", "status")
    counts = qs.annotate(n=Count("report", distinct=True))
    names = dict(Agency.objects.values_list("slug", "name"))
    statuses = dict(Referral.Status.choices)
    out = [
        Row(
            f"{slug}:{status}",
            f"{names.get(slug, slug)}: {statuses.get(status, status)}",
            n,
            {"rujukan": slug, "rujukan_status": status},
        )
        for slug, status, n in sorted(counts)
    ]
    return Table("rujukan", _("Rujukan per instansi dan hasilnya"), out)


@dataclass
class Outreach:
    events: int
    participants: int
    quiz_pre: int
    quiz_post: int
    gain: float | None  # percentage points, post minus pre
    low: float | None
    high: float | None


def outreach(scope: Scope, period: Period) -> Outreach:
    events = activity_rows.outreach_events(scope, period)
    agg = events.aggregate(n=Count("id"), people=Sum("attendance_total"))
    ids = list(events.values_list("pk", flat=True))
    gain = pooled_gain(moments_by_event(ids), ids) if ids else None
    return Outreach(
        events=agg["n"] or 0,
        participants=agg["people"] or 0,
        quiz_pre=gain.n_pre if gain else 0,
        quiz_post=gain.n_post if gain else 0,
        gain=round(gain.difference, 1) if gain and gain.difference is not None else None,
        low=round(gain.low, 1) if gain and gain.low is not None else None,
        high=round(gain.high, 1) if gain and gain.high is not None else None,
    )


def flag_titles() -> dict[str, str]:
    """Each flag's title in the active language, as the checker shows it to the public."""
    language = translation.get_language() or "id"
    return default_rules().flag_titles(language)


def checker_use(period: Period) -> tuple[Table, Table]:
    """The public checker keeps anonymous weekly counts only (screening.ScreeningStat); the list behind a
    figure is its weekly rows (activity_rows.checker_rows), whose counts add up to it."""
    stats = activity_rows.checker_stats(period).order_by()
    levels = Counter(dict(stats.filter(flag="").values_list("risk_level").annotate(n=Sum("count"))))
    flags = Counter(dict(stats.exclude(flag="").values_list("flag").annotate(n=Sum("count"))))
    level_labels = {"rendah": _("Rendah"), "sedang": _("Sedang"), "tinggi": _("Tinggi")}
    for extra in levels:
        level_labels.setdefault(extra, extra)
    level_rows = [
        Row(k, str(v), levels.get(k, 0), {"jenis": "cek", "tingkat": k}) for k, v in level_labels.items()
    ]
    titles = flag_titles()
    flag_rows = [Row(k, titles.get(k, k), n, {"jenis": "cek", "tanda": k}) for k, n in flags.most_common(10)]
    return (
        Table("cek_risiko", _("Cek tawaran per tingkat risiko"), level_rows),
        Table("cek_tanda", _("Tanda bahaya terbanyak"), flag_rows),
    )


def growing_clusters(scope: Scope, period: Period, limit: int = 10) -> Table:
    """Networks that gained records in the period (records linked from the offices in scope)."""
    recent = activity_rows.cluster_records(scope, period)
    top = recent.order_by().values_list("cluster_id").annotate(n=Count("id")).order_by("-n", "cluster_id")
    return Table(
        "jaringan",
        _("Jaringan yang bertambah"),
        [Row(str(pk), f"J-{pk}", n, {"jenis": "jaringan", "cluster": str(pk)}) for pk, n in top[:limit]],
    )
