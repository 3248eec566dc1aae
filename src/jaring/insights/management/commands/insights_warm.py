"""`jaring insights_warm`: run every few minutes (less than insights.dashboard.CACHE_SECONDS) so that the
dashboards people open most (this month and this year, for each office, each province and all offices, in
both languages) are served from figures at most CACHE_SECONDS old, without anyone waiting for them."""

import time
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from jaring.accounts.models import Office
from jaring.insights import dashboard
from jaring.insights.periods import Period, month_period
from jaring.insights.scope import Scope


def scopes() -> list[Scope]:
    offices = list(Office.objects.order_by("name"))
    groups = [(o,) for o in offices]
    provinces = sorted({o.region_code[:2] for o in offices})
    groups += [tuple(o for o in offices if o.region_code.startswith(f"{p}.")) for p in provinces]
    groups.append(tuple(offices))
    unique = {tuple(o.pk for o in g): g for g in groups if g}
    return [Scope(user=None, offices=g, rows_allowed=False) for g in unique.values()]


class Command(BaseCommand):
    help = "Compute the current month's and year's dashboards into the cache."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        today = datetime.now(ZoneInfo(settings.TIME_ZONE)).date()
        periods = [
            month_period(today),
            Period(today.replace(month=1, day=1), today.replace(month=12, day=31)),
        ]
        started = time.perf_counter()
        n = 0
        for scope in scopes():
            for period in periods:
                for language, _name in settings.LANGUAGES:
                    with translation.override(language):
                        dashboard.warm(scope, period)
                    n += 1
        self.stdout.write(f"{n} dashboards in {time.perf_counter() - started:.1f} s")
