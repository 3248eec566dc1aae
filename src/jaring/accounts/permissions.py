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


# --- Checkpoints (TPI), issue 15 -------------------------------------------------------------------------
# Capabilities of the checkpoints app. Objects are read through their attributes and reverse relations, so
# this module imports no domain app (accounts sits below them).


def is_posted_at(user, checkpoint_id: int) -> bool:  # type: ignore[no-untyped-def]
    """A petugas of the checkpoint's office assigned to that checkpoint."""
    return bool(
        getattr(user, "is_officer", False)
        and user.checkpoint_assignments.filter(
            checkpoint_id=checkpoint_id, checkpoint__office_id=user.office_id
        ).exists()
    )


def can_record_screening(user, checkpoint) -> bool:  # type: ignore[no-untyped-def]
    """Officers record screenings only at the checkpoints they are posted at (supervisors too)."""
    return checkpoint.office_id == getattr(user, "office_id", None) and is_posted_at(user, checkpoint.pk)


def can_supervise_checkpoints(user) -> bool:  # type: ignore[no-untyped-def]
    """The office's supervisors: every checkpoint of the office, repeat alerts, counts and exports."""
    return bool(getattr(user, "is_officer", False) and user.is_supervisor)


def can_read_screening(user, screening) -> bool:  # type: ignore[no-untyped-def]
    """Petugas posted at the checkpoint, the office's supervisors, and a mitra whose agency received the
    hand-over (the casework referral of the case opened from the screening)."""
    office_id = screening.checkpoint.office_id
    if getattr(user, "is_officer", False) and user.office_id == office_id:
        return user.is_supervisor or is_posted_at(user, screening.checkpoint_id)
    if getattr(user, "is_mitra", False) and user.agency_id and screening.report_id:
        return screening.report.referrals.filter(agency_id=user.agency_id).exists()
    return False


def can_read_traveller_identity(user, screening) -> bool:  # type: ignore[no-untyped-def]
    """Officers who may read the record; a mitra only when the traveller consented to the hand-over."""
    if screening.identity_erased_at is not None or not can_read_screening(user, screening):
        return False
    return getattr(user, "is_officer", False) or bool(screening.handover_consent)


def can_decide_screening(user, screening) -> bool:  # type: ignore[no-untyped-def]
    """Outcome, hand-over, case and self-interview: officers of the checkpoint (never a mitra)."""
    return bool(getattr(user, "is_officer", False)) and can_read_screening(user, screening)


def can_view_checkpoint_counts(user) -> bool:  # type: ignore[no-untyped-def]
    """Counts carry no identity: every officer of the office and the admin (system configuration)."""
    return bool(getattr(user, "is_officer", False) or getattr(user, "is_admin_role", False))
