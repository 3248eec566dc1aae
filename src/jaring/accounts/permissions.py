"""Who may do what, named once. Views, API handlers and services all ask these functions (Zulip's `access_*`).

Two kinds of capability:
- area capabilities (`can_work_cases(user)`): may the user open this part of /petugas/ at all. The page's
  selector then scopes what the user sees in it (casework.selectors.reports_visible_to, ...).
- object capabilities (`can_read_identity(user, report)`): may the user do this to this one thing. Services
  check them and raise PermissionDenied; views ask them to decide what to show.

Roles (accounts.models.User.Role): petugas and supervisors are officers of one office and handle its reports;
a mitra sees what was referred to their agency; an admin configures the system and handles no cases (least
privilege: an admin who also handles cases gets an officer account). A superuser passes every area check, as
Django's admin does, but object checks still need the office or agency the object belongs to.

`report` arguments are typed loosely (anything with the Report fields used) so that this module stays below
the apps whose objects it judges (docs/development.md, "Layers").
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from jaring.accounts.models import User

View = Callable[..., HttpResponse]


class StaffRequest(HttpRequest):
    """The request of a view behind capability_required: its user is signed in."""

    user: User


Capability = Callable[[Any], bool]

# Officers and admins maintain what the public reads (content, outreach) and the checker's registry.
STAFF_ROLES = (User.Role.PETUGAS, User.Role.SUPERVISOR, User.Role.ADMIN)


def _active(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _role_in(user: Any, roles: tuple[str, ...]) -> bool:
    return _active(user) and (user.role in roles or user.is_superuser)


# Area capabilities ------------------------------------------------------------------------------------------


def is_signed_in(user: Any) -> bool:
    """Any signed-in staff account: the /petugas/ home and one's own API tokens."""
    return _active(user)


def can_work_cases(user: Any) -> bool:
    """The inbox and report pages: officers (their office's reports) and mitra (reports referred to them)."""
    return _role_in(user, (*User.OFFICER_ROLES, User.Role.MITRA))


def can_handle_cases(user: Any) -> bool:
    """The officers' actions on reports (status, assignment, replies, notes, referrals, templates)."""
    return _role_in(user, User.OFFICER_ROLES)


def is_officer(user: Any) -> bool:
    """An officer of an office: petugas or supervisor with an office (admins and mitra are not)."""
    return _active(user) and user.is_officer


def is_mitra(user: Any) -> bool:
    """A partner agency's user: the follow-up of referrals to their agency."""
    return _role_in(user, (User.Role.MITRA,))


def can_supervise(user: Any) -> bool:
    """Exports, the audit log and the office's reply templates: the office's supervisors."""
    return is_officer(user) and user.is_supervisor


def can_manage_content(user: Any) -> bool:
    """Edukasi & Layanan pages and FAQ in the officers' editor."""
    return _role_in(user, STAFF_ROLES)


def can_manage_outreach(user: Any) -> bool:
    """Sosialisasi programmes, events and attendance (the office comes from outreach.selectors.staff_office)."""
    return _role_in(user, STAFF_ROLES)


def can_view_screening_stats(user: Any) -> bool:
    """The checker's anonymous weekly statistics and the confirmed identifiers."""
    return _role_in(user, STAFF_ROLES)


def can_manage_confirmed_identifiers(user: Any) -> bool:
    """Removing an identifier from the checker's confirmed list (adding one is any staff member's)."""
    return _role_in(user, (User.Role.SUPERVISOR, User.Role.ADMIN))


def can_view_whatsapp_status(user: Any) -> bool:
    """The WhatsApp channel's health page and manual re-sends: staff of an office."""
    return _role_in(user, STAFF_ROLES) and user.office_id is not None


def can_view_network(user: Any) -> bool:
    """Jaringan pages; network.selectors shows only records of reports the user may see."""
    return _role_in(user, (*User.OFFICER_ROLES, User.Role.MITRA))


def can_work_network(user: Any) -> bool:
    """Confirming identifiers, watching them and deciding merge proposals: officers only."""
    return is_officer(user)


# Object capabilities ----------------------------------------------------------------------------------------


def can_handle(user: Any, report: Any) -> bool:
    """Officers of the report's office handle it; partners reach reports only through referrals."""
    return is_officer(user) and user.office_id == report.office_id


def can_reply(user: Any, report: Any) -> bool:
    """A public reply in the reporter's thread (and to their WhatsApp chat)."""
    return can_handle(user, report)


def can_open_attachment(user: Any, report: Any) -> bool:
    """Files stay with the office: photos and screenshots can identify the reporter; partners receive what
    they need through the referral note instead."""
    return can_handle(user, report)


def can_read_thread(user: Any, report: Any) -> bool:
    """The message thread and internal notes: the office's officers, never a mitra."""
    return can_handle(user, report)


def can_refer(user: Any, report: Any) -> bool:
    """Referring a report to a partner agency of the office."""
    return can_handle(user, report)


def can_set_urgency(user: Any, report: Any) -> bool:
    """Marking a report urgent or clearing the mark (with a reason): the office's officers."""
    return can_handle(user, report)


def can_assign_others(user: Any, report: Any) -> bool:
    """Supervisors assign anyone of the office; an officer may only take an unassigned report."""
    return can_handle(user, report) and user.is_supervisor


def can_read_identity(user: Any, report: Any) -> bool:
    """The reporter's name and contact (Rahasia mode only; UU 21/2007 Pasal 44, UU 31/2014): the report's
    assignee and the office's supervisors; a mitra of a referred agency only when the reporter consented."""
    if report.identity_mode != "rahasia":
        return False
    if can_handle(user, report):
        return bool(user.is_supervisor or report.assignee_id == user.pk)
    if _active(user) and user.is_mitra and user.agency_id and report.share_identity_with_partners:
        return bool(report.referrals.filter(agency_id=user.agency_id).exists())
    return False


def can_update_referral(user: Any, referral: Any) -> bool:
    """A referral's follow-up is written by the agency it was referred to."""
    return _active(user) and user.is_mitra and user.agency_id == referral.agency_id


def can_download_case_file(user: Any, referral: Any) -> bool:
    """A referral's case file (PDF): the officers who may refer the report, and the agency it was referred to."""
    return can_refer(user, referral.report) or can_update_referral(user, referral)


def can_use_referral_thread(user: Any, referral: Any) -> bool:
    """The partner-officer thread of one referral: the agency it went to and the office's officers, nobody
    else (another agency holding its own referral of the same report does not see this one)."""
    return can_update_referral(user, referral) or can_handle(user, referral.report)


def can_share_with_partner(user: Any, report: Any) -> bool:
    """Showing one of the reporter's messages to a referral's agency: the office's officers decide it."""
    return can_handle(user, report)


# Views ------------------------------------------------------------------------------------------------------


def capability_required(capability: Capability) -> Callable[[View], View]:
    """Login required, then `capability(request.user)`; PermissionDenied (403) otherwise."""

    def decorator(view: View) -> View:
        @wraps(view)
        @login_required
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not capability(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def require(allowed: bool, message: str = "") -> None:
    """For services: PermissionDenied (with a message the caller may show) unless `allowed`."""
    if not allowed:
        raise PermissionDenied(message) if message else PermissionDenied


# --- Wawasan (insights/, issue 16) ------------------------------------------------------------------------
def can_view_insights(user: Any) -> bool:
    """Dashboard figures: officers (their office), Kanwil (its province), admins (all); a mitra only with the
    `insights.view_aggregates` permission an admin grants under an agreement."""
    if not _active(user):
        return False
    if user.is_officer or user.is_kanwil or user.is_admin_role:
        return True
    return bool(user.is_mitra and user.has_perm("insights.view_aggregates"))


def can_view_insight_rows(user: Any) -> bool:
    """The list behind a figure (codes, dates, category; never content or identity). Not for partners."""
    return can_view_insights(user) and not user.is_mitra


def can_write_monthly_report(user: Any) -> bool:
    """The narrative and the PDF/XLSX of an office's month: its supervisors (and admins)."""
    return can_view_insights(user) and bool(user.is_supervisor or user.is_admin_role)


def can_export_case_records(user: Any) -> bool:
    """The anonymised HTCDS case export for partners under an agreement: supervisors and admins."""
    return can_view_insights(user) and bool(user.is_supervisor or user.is_admin_role)


# --- end Wawasan -------------------------------------------------------------------------------------------


# --- Checkpoints (TPI), issue 15 -------------------------------------------------------------------------
# Capabilities of the checkpoints app. Objects are read through their attributes and reverse relations, so
# this module imports no domain app (accounts sits below them).


def is_posted_at(user: Any, checkpoint_id: int) -> bool:
    """A petugas of the checkpoint's office assigned to that checkpoint."""
    return bool(
        getattr(user, "is_officer", False)
        and user.checkpoint_assignments.filter(
            checkpoint_id=checkpoint_id, checkpoint__office_id=user.office_id
        ).exists()
    )


def can_record_screening(user: Any, checkpoint: Any) -> bool:
    """Officers record screenings only at the checkpoints they are posted at (supervisors too)."""
    return checkpoint.office_id == getattr(user, "office_id", None) and is_posted_at(user, checkpoint.pk)


def can_supervise_checkpoints(user: Any) -> bool:
    """The office's supervisors: every checkpoint of the office, repeat alerts, counts and exports."""
    return bool(getattr(user, "is_officer", False) and user.is_supervisor)


def can_read_screening(user: Any, screening: Any) -> bool:
    """Petugas posted at the checkpoint, the office's supervisors, and a mitra whose agency received the
    hand-over (the casework referral of the case opened from the screening)."""
    office_id = screening.checkpoint.office_id
    if getattr(user, "is_officer", False) and user.office_id == office_id:
        return user.is_supervisor or is_posted_at(user, screening.checkpoint_id)
    if getattr(user, "is_mitra", False) and user.agency_id and screening.report_id:
        return screening.report.referrals.filter(agency_id=user.agency_id).exists()
    return False


def can_read_traveller_identity(user: Any, screening: Any) -> bool:
    """Officers who may read the record; a mitra only when the traveller consented to the hand-over."""
    if screening.identity_erased_at is not None or not can_read_screening(user, screening):
        return False
    return getattr(user, "is_officer", False) or bool(screening.handover_consent)


def can_decide_screening(user: Any, screening: Any) -> bool:
    """Outcome, hand-over, case and self-interview: officers of the checkpoint (never a mitra)."""
    return bool(getattr(user, "is_officer", False)) and can_read_screening(user, screening)


def can_view_checkpoint_counts(user: Any) -> bool:
    """Counts carry no identity: every officer of the office and the admin (system configuration)."""
    return _active(user) and bool(user.is_officer or user.is_admin_role)


def can_use_checkpoints(user: Any) -> bool:
    """The /petugas/tpi/ pages: officers, mitra (hand-overs to their agency) and admins (counts only)."""
    return _role_in(user, (*User.OFFICER_ROLES, User.Role.MITRA, User.Role.ADMIN))


def can_record_screenings(user: Any) -> bool:
    """The counter form and decisions: officers (the checkpoint is checked per screening)."""
    return _role_in(user, User.OFFICER_ROLES)
