"""Who sees which offices' figures, and the rows behind them. Figures and their lists read the same querysets.

- petugas, supervisor: their own office (the reports come from casework's reports_visible_to, as the inbox);
- Kanwil: every office whose Kemendagri code lies in its province;
- admin: every office;
- mitra: nothing, unless an admin granted `insights.view_aggregates`; then the offices its agency serves,
  as figures only (no list of reports: partners see case rows only through referrals).
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from jaring.accounts.models import Office, User
from jaring.accounts.permissions import can_view_insight_rows, can_view_insights
from jaring.casework.selectors import PRIVATE_FIELDS, reports_visible_to
from jaring.reports.models import Report


def offices_visible_to(user: User) -> QuerySet[Office]:
    offices = Office.objects.order_by("name")
    if not can_view_insights(user):
        return offices.none()
    if user.is_officer:
        return offices.filter(pk=user.office_id)
    if user.is_kanwil:
        return offices.filter(region_code__startswith=f"{user.province_code}.")
    if user.is_admin_role:
        return offices
    if user.is_mitra and user.agency_id:
        return offices.filter(agencies=user.agency_id)
    return offices.none()


@dataclass(frozen=True)
class Scope:
    user: User | None  # None: a command working for one office (the monthly report)
    offices: tuple[Office, ...]
    rows_allowed: bool  # may open the list behind a figure

    @property
    def office_ids(self) -> list[int]:
        return [o.pk for o in self.offices]

    @property
    def time_zone(self) -> str:
        return self.offices[0].time_zone if self.offices else "Asia/Jakarta"

    def reports(self) -> QuerySet[Report]:
        """The reports behind every report figure. An officer's are exactly the inbox's."""
        if self.user is not None and self.user.is_officer:
            return reports_visible_to(self.user).filter(office_id__in=self.office_ids)
        return Report.objects.defer(*PRIVATE_FIELDS).filter(office_id__in=self.office_ids)


def office_scope(office: Office) -> Scope:
    """One office's scope for work done by the system itself (the scheduled monthly report)."""
    return Scope(user=None, offices=(office,), rows_allowed=False)


class ScopeError(ValueError):
    pass


def scope_for(user: User, office_slug: str = "") -> Scope:
    """The user's scope, narrowed to one office when `office_slug` is given.

    An office the user may not see gets the same answer as one that does not exist (no hint either way).
    """
    offices = offices_visible_to(user)
    if office_slug:
        offices = offices.filter(slug=office_slug)
        if not offices.exists():
            raise ScopeError(_("Kantor tidak dikenal atau di luar wewenang Anda."))
    return Scope(user=user, offices=tuple(offices), rows_allowed=can_view_insight_rows(user))
