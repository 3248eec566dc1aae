"""/lapor/cek/: the reporter opens their report with the tracking code and key, reads replies and answers.

After a successful check the code and the key (encrypted with the field key ring) stay in this browser's
session for SESSION_IDLE_SECONDS, so that replying needs no retyping and the key never appears in a URL.
"""

import time

from cryptography.fernet import InvalidToken
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from jaring.lib import ratelimit
from jaring.lib.crypto import decrypt_text, encrypt_text
from jaring.lib.ratelimit import RateLimited
from jaring.reports import limits
from jaring.reports.forms import FollowUpForm, MessageForm
from jaring.reports.models import Channel, Report
from jaring.reports.selectors import public_messages, public_timeline, submission_attachments
from jaring.reports.services import report_follow_up, report_message_add
from jaring.reports.statuses import is_closed, public_status_text
from jaring.reports.views import rate_limited

SESSION_KEY = "lapor_cek"
SESSION_IDLE_SECONDS = 30 * 60


def _session_report(request: HttpRequest) -> Report | None:
    stored = request.session.get(SESSION_KEY)
    if not stored or time.time() - stored.get("at", 0) > SESSION_IDLE_SECONDS:
        request.session.pop(SESSION_KEY, None)
        return None
    try:
        key = decrypt_text(stored["key"])
    except (InvalidToken, KeyError):
        request.session.pop(SESSION_KEY, None)
        return None
    report = report_follow_up(tracking_code=stored.get("code", ""), key=key)
    if report is None:
        request.session.pop(SESSION_KEY, None)
    else:
        stored["at"] = time.time()
        request.session.modified = True
    return report


def _open_session(request: HttpRequest, report: Report, key: str) -> None:
    request.session.cycle_key()  # a fresh session id once the visitor holds a valid receipt
    request.session[SESSION_KEY] = {"code": report.tracking_code, "key": encrypt_text(key), "at": time.time()}


def _thread_page(
    request: HttpRequest,
    report: Report,
    form: MessageForm | None = None,
    files_lost: bool = False,
    file_errors: list[str] | None = None,
) -> HttpResponse:
    context = {
        "report": report,
        "status_help": public_status_text(report.status),
        "timeline": public_timeline(report),
        "thread": public_messages(report),
        "submitted_files": submission_attachments(report),
        "form": form or MessageForm(),
        "closed": is_closed(report.status),
        "files_lost": files_lost,
        "file_errors": file_errors or [],
    }
    response = render(request, "reports/thread.html", context)
    response["Cache-Control"] = "no-store"
    return response


def _check_page(request: HttpRequest, form: FollowUpForm, error: str = "") -> HttpResponse:
    response = render(request, "reports/check.html", {"form": form, "check_error": error})
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def check(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        report = _session_report(request)
        return _thread_page(request, report) if report else _check_page(request, FollowUpForm())
    action = request.POST.get("action", "check")
    if action == "logout":
        request.session.pop(SESSION_KEY, None)
        return redirect("reports:check")
    if action == "reply":
        return _reply(request)
    return _check(request)


def _check(request: HttpRequest) -> HttpResponse:
    form = FollowUpForm(request.POST)
    if not form.is_valid():
        return _check_page(request, form)
    code, key = form.cleaned_data["tracking_code"], form.cleaned_data["follow_up_key"]
    try:
        report = limits.follow_up(request, code, key)
    except RateLimited as exc:
        return rate_limited(request, exc)
    if report is None:
        # Identical for an unknown code and a wrong key: the same message, the typed code kept, key cleared.
        form = FollowUpForm(initial={"tracking_code": code})
        error = _("Kode laporan atau kunci tindak lanjut salah. Periksa lagi tanda terima Anda.")
        return _check_page(request, form, error)
    _open_session(request, report, key)
    return redirect(reverse("reports:check") + "#status")


def _reply(request: HttpRequest) -> HttpResponse:
    report = _session_report(request)
    if report is None:
        messages.error(request, _("Sesi Anda berakhir. Masukkan lagi kode laporan dan kunci tindak lanjut."))
        return redirect("reports:check")
    form = MessageForm(request.POST)
    files = request.FILES.getlist("files")
    if not form.is_valid():
        return _thread_page(request, report, form, files_lost=bool(files))
    client = ratelimit.client_id(request)
    try:
        ratelimit.check(limits.messages(), client)
        report_message_add(report=report, body=form.cleaned_data["body"], files=files, channel=Channel.WEB)
    except RateLimited as exc:
        return rate_limited(request, exc)
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            for error in errors if field != "files" else ():
                form.add_error(field if field in form.fields else None, error)
        return _thread_page(
            request, report, form, files_lost=bool(files), file_errors=exc.message_dict.get("files", [])
        )
    ratelimit.hit(limits.messages(), client)
    messages.success(request, _("Pesan Anda terkirim ke petugas."))
    return redirect(reverse("reports:check") + "#pesan")
