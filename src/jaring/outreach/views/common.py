from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from jaring.accounts.permissions import can_manage_outreach, capability_required
from jaring.outreach.selectors import staff_office
from jaring.outreach.validation import office_zone


def outreach_staff(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Officers of an office; dates are entered and shown in that office's time zone."""

    @capability_required(can_manage_outreach)
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        office = staff_office(request.user)
        if office is None:
            raise PermissionDenied
        request.office = office
        timezone.activate(office_zone(office))
        try:
            return view(request, *args, **kwargs)
        finally:
            timezone.deactivate()

    return wrapped
