import copy
import time

from django.db.models import QuerySet

from jaring.accounts.models import ApiToken, Office, User

_PRIMARY_TTL = 60.0  # seconds
_primary: tuple[float, Office | None] = (0.0, None)  # (expires at, office), per process


def primary_office() -> Office | None:
    """The office whose hotline and channels the public pages show (the first one configured).

    Every report and new WhatsApp sender asks for it, and it changes rarely: each process keeps it for a minute
    (a query in the request path costs about 1 ms, a tenth of a report's CPU). Saving or deleting an office
    forgets it in that process at once; other processes see an edit within the minute.
    """
    global _primary
    expires, office = _primary
    now = time.monotonic()
    if office is None or now >= expires:
        office = Office.objects.order_by("pk").first()
        _primary = (now + _PRIMARY_TTL, office)
    # A copy: callers may change attributes of what they get without touching other requests' office.
    return copy.copy(office)


def forget_primary_office(**_kwargs: object) -> None:
    global _primary
    _primary = (0.0, None)


def api_tokens_for(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def staff_users_of_office(office: Office) -> QuerySet[User]:
    return User.objects.filter(office=office, is_active=True, role__in=User.OFFICER_ROLES)
