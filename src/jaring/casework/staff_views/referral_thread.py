"""The partner-officer thread of a referral on the report page: posting, and sharing reporter messages.

Both go through report._act: success -> message and back to the page; a mistake -> the page again with the
text kept next to the thread it was written in.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jaring.accounts.models import User
from jaring.accounts.permissions import can_handle_cases, can_work_cases, capability_required
from jaring.casework import referral_thread
from jaring.casework.selectors import referrals_for
from jaring.casework.staff_views.report import _act
from jaring.reports.models import Message, Report


@require_POST
@capability_required(can_work_cases)
def post(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    def run(report: Report, user: User) -> str:
        referral = get_object_or_404(referrals_for(user, report), pk=pk)
        referral_thread.referral_message_post(
            referral=referral, body=request.POST.get("body", ""), actor=user
        )
        return _("Pesan terkirim.")

    return _act(request, code, run, "thread")


@require_POST
@capability_required(can_handle_cases)
def share(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    def run(report: Report, user: User) -> str:
        referral = get_object_or_404(referrals_for(user, report), pk=pk)
        message_id = request.POST.get("message", "")
        message = get_object_or_404(Message, report=report, pk=int(message_id) if message_id.isdigit() else 0)
        if request.POST.get("action") == "unshare":
            referral_thread.referral_message_unshare(referral=referral, message=message, actor=user)
            return _("Pesan pelapor tidak lagi dibagikan kepada %(a)s.") % {"a": referral.agency.name}
        referral_thread.referral_message_share(referral=referral, message=message, actor=user)
        return _("Pesan pelapor dibagikan kepada %(a)s.") % {"a": referral.agency.name}

    return _act(request, code, run, "share")
