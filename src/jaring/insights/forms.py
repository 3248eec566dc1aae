"""Reading the dashboard's query string: office, period and the list filters, each with its own message."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from jaring.accounts.models import User
from jaring.insights.periods import Period, period_from_params
from jaring.insights.rows import RowFilters
from jaring.insights.scope import Scope, ScopeError, scope_for


@dataclass
class Query:
    scope: Scope
    period: Period
    office: str
    errors: dict[str, str] = field(default_factory=dict)

    def params(self, **extra: str) -> dict[str, str]:
        # A row's own dates (a week, a month of a year) replace the period.
        out = {} if "dari" in extra else dict(self.period.as_params())
        if self.office:
            out["kantor"] = self.office
        out.update({k: v for k, v in extra.items() if v})
        return out


def read_query(user: User, params: Mapping[str, object], today: date) -> Query:
    """An unknown office or one the user may not see falls back to the user's whole scope, with a message."""
    office = str(params.get("kantor") or "").strip()[:50]
    errors: dict[str, str] = {}
    try:
        scope = scope_for(user, office)
    except ScopeError as exc:
        errors["kantor"] = str(exc)
        office = ""
        scope = scope_for(user)
    period = period_from_params(params, today)
    errors.update(period.errors)
    return Query(scope=scope, period=period, office=office, errors=errors)


def read_filters(params: Mapping[str, object]) -> RowFilters:
    return RowFilters.from_params(params)
