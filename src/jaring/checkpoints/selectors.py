"""Reads scoped to who asks. `screenings_visible_to` is the one place that decides which screenings a user sees.

Identity columns are never loaded by these reads: decrypting them is an audited act
(services.traveller_identity_view).
"""

from django.db.models import QuerySet
from django.http import Http404

from jaring.accounts.models import User
from jaring.casework.models import Referral
from jaring.checkpoints.models import Checkpoint, Screening

PRIVATE_FIELDS = ("traveller_name", "passport_number", "traveller_phone")


def checkpoints_for(user: User) -> QuerySet[Checkpoint]:
    """Where the user records screenings: the checkpoints they are posted at, in their office."""
    if not getattr(user, "is_officer", False):
        return Checkpoint.objects.none()
    return Checkpoint.objects.filter(
        is_active=True, office_id=user.office_id, assignments__user=user
    ).distinct()


def office_checkpoints(user: User) -> QuerySet[Checkpoint]:
    """Every checkpoint of the user's office (counts, filters)."""
    if not getattr(user, "office_id", None):
        return Checkpoint.objects.none()
    return Checkpoint.objects.filter(office_id=user.office_id)


def screenings_visible_to(user: User) -> QuerySet[Screening]:
    """Supervisors: every screening of their office's checkpoints. Petugas: those of the checkpoints they are
    posted at. Mitra: screenings handed over to their agency (the casework referral of the case opened from
    the screening). Admins configure the system and read no records. Anyone else sees nothing."""
    base = Screening.objects.defer(*PRIVATE_FIELDS).select_related("checkpoint", "officer")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return base.none()
    if user.is_officer:
        mine = base.filter(checkpoint__office_id=user.office_id)
        if user.is_supervisor:
            return mine
        return mine.filter(checkpoint__assignments__user=user)
    if user.is_mitra and user.agency_id:
        referred = Referral.objects.filter(agency_id=user.agency_id).values("report_id")
        return base.filter(report_id__in=referred)
    return base.none()


def screening_for(user: User, pk: int | str) -> Screening:
    """The screening if `user` may see it; Http404 otherwise (no hint that it exists)."""
    try:
        key = int(str(pk).removeprefix("TPI-"))
    except ValueError:
        raise Http404 from None
    found = screenings_visible_to(user).filter(pk=key).first()
    if found is None:
        raise Http404
    return found


def repeat_alerts(user: User) -> QuerySet[Screening]:
    """Screenings that repeat an earlier postponement (the supervisor's view; petugas see their TPIs')."""
    return screenings_visible_to(user).filter(repeat_of__isnull=False).select_related("repeat_of__checkpoint")


def referrals_of(user: User, screening: Screening) -> QuerySet[Referral]:
    """The hand-overs of the screening's case: all for officers, their own agency's for a mitra."""
    if not screening.report_id:
        return Referral.objects.none()
    qs = Referral.objects.filter(report_id=screening.report_id).select_related("agency")
    if user.is_mitra:
        qs = qs.filter(agency_id=user.agency_id)
    return qs.prefetch_related("updates")
