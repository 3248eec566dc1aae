"""Reads of the screening app: the lookups the engine asks for, and the officers' weekly statistics."""

import time
from collections import defaultdict

from django.db import connection
from django.db.models import Count, Max, Sum

from .engine import LicensedCompany, RegistryIndex
from .models import ConfirmedIdentifier, P3mi, ScreeningStat

# The registry changes a few times a year; each web process keeps it in memory and checks for a new import
# at most this often (count + last update), so a check costs no registry query.
_REGISTRY_TTL = 30.0
_registry: dict[str, object] = {"index": None, "version": None, "checked": 0.0}
_CONFIRMED_TABLE = connection.ops.quote_name(ConfirmedIdentifier._meta.db_table)


def _registry_index() -> RegistryIndex:
    now = time.monotonic()
    if _registry["index"] is not None and now - float(_registry["checked"]) < _REGISTRY_TTL:
        return _registry["index"]  # type: ignore[return-value]
    active = P3mi.objects.filter(is_active=True)
    version = active.aggregate(n=Count("id"), last=Max("updated_at"))
    if _registry["index"] is None or version != _registry["version"]:
        companies = [
            LicensedCompany(p.name, p.licence_number, p.phone_list, p.is_sample)
            for p in active.only("name", "licence_number", "phones", "is_sample")
        ]
        _registry.update(index=RegistryIndex(companies), version=version)
    _registry["checked"] = now
    return _registry["index"]  # type: ignore[return-value]


def reset_registry_cache() -> None:
    _registry.update(index=None, version=None, checked=0.0)


class DatabaseLookups:
    """engine.Lookups backed by the P3mi and ConfirmedIdentifier tables."""

    def __init__(self) -> None:
        self._index = _registry_index()

    def has_registry(self) -> bool:
        return len(self._index) > 0

    def licensed(self, name: str) -> LicensedCompany | None:
        return self._index.find(name)

    def confirmed(self, identifiers: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        wanted = set(identifiers[:200])
        if not wanted:
            return {}
        # Runs on every check with contacts in it: plain SQL, because building the ORM query cost more than
        # running it (~1 ms of a ~8 ms request). Two IN lists use the (kind, value) unique index; the exact
        # pairs are picked here.
        kinds = sorted({kind for kind, _ in wanted})
        values = sorted({value for _, value in wanted})
        kind_marks, value_marks = ", ".join(["%s"] * len(kinds)), ", ".join(["%s"] * len(values))
        # Only the constant table name and placeholders are formatted in; every value is a query parameter.
        sql = (
            f"SELECT kind, value, reason FROM {_CONFIRMED_TABLE} "  # noqa: S608
            f"WHERE kind IN ({kind_marks}) AND value IN ({value_marks})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*kinds, *values])
            return {
                (kind, value): reason for kind, value, reason in cursor.fetchall() if (kind, value) in wanted
            }


def database_lookups() -> DatabaseLookups:
    return DatabaseLookups()


def weekly_stats(*, weeks: int = 12) -> list[dict]:
    """Per ISO week (newest first): checks per risk level and per flag, summed over channels and event codes."""
    recent = sorted(ScreeningStat.objects.values_list("week", flat=True).distinct(), reverse=True)[:weeks]
    rows = (
        ScreeningStat.objects.filter(week__in=recent)
        .values("week", "risk_level", "flag")
        .annotate(total=Sum("count"))
    )
    table: dict[str, dict] = {
        w: {"week": w, "levels": defaultdict(int), "flags": defaultdict(int)} for w in recent
    }
    for row in rows:
        entry = table[row["week"]]
        if row["flag"]:
            entry["flags"][row["flag"]] += row["total"]
        else:
            entry["levels"][row["risk_level"]] += row["total"]
    result = []
    for week in recent:
        entry = table[week]
        levels = dict(entry["levels"])
        result.append(
            {
                "week": week,
                "total": sum(levels.values()),
                "levels": levels,
                "flags": sorted(entry["flags"].items(), key=lambda item: (-item[1], item[0])),
            }
        )
    return result


def ref_stats(*, weeks: int = 12) -> list[dict]:
    """Checks per outreach event code (aggregate only), for attribution of outreach events."""
    recent = sorted(ScreeningStat.objects.values_list("week", flat=True).distinct(), reverse=True)[:weeks]
    return list(
        ScreeningStat.objects.filter(week__in=recent, flag="")
        .exclude(ref="")
        .values("ref")
        .annotate(total=Sum("count"))
        .order_by("-total", "ref")
    )


def confirmed_identifiers() -> list[ConfirmedIdentifier]:
    return list(ConfirmedIdentifier.objects.select_related("confirmed_by")[:500])
