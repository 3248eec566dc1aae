from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

View = Callable[..., HttpResponse]


def staff_required(*roles: str) -> Callable[[View], View]:
    """Login required, and the user's role among `roles` (any staff role when none are given)."""

    def decorator(view: View) -> View:
        @wraps(view)
        @login_required
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:  # type: ignore[no-untyped-def]
            if roles and request.user.role not in roles and not request.user.is_superuser:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# --- Wawasan (insights/, issue 16) ------------------------------------------------------------------------
def can_view_insights(user) -> bool:  # type: ignore[no-untyped-def]
    """Dashboard figures: officers (their office), Kanwil (its province), admins (all); a mitra only with the
    `insights.view_aggregates` permission an admin grants under an agreement."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_officer or user.is_kanwil or user.is_admin_role:
        return True
    return user.is_mitra and user.has_perm("insights.view_aggregates")


def can_view_insight_rows(user) -> bool:  # type: ignore[no-untyped-def]
    """The list behind a figure (codes, dates, category; never content or identity). Not for partners."""
    return can_view_insights(user) and not user.is_mitra


def can_write_monthly_report(user) -> bool:  # type: ignore[no-untyped-def]
    """The narrative and the PDF/XLSX of an office's month: its supervisors (and admins)."""
    return can_view_insights(user) and (user.is_supervisor or user.is_admin_role)


def can_export_case_records(user) -> bool:  # type: ignore[no-untyped-def]
    """The anonymised HTCDS case export for partners under an agreement: supervisors and admins."""
    return can_view_insights(user) and (user.is_supervisor or user.is_admin_role)


# --- end Wawasan -------------------------------------------------------------------------------------------
