"""Public pages of Lapor: the report form, its receipt, and /lapor/cek/ where the reporter follows up.

On /lapor/cek/ the reporter opens their report with the tracking code and key, reads replies and answers. After
a successful check the code and the key (encrypted with the field key ring) stay in this browser's session for
SESSION_IDLE_SECONDS, so that replying needs no retyping and the key never appears in a URL.
"""

import logging
import secrets
import time
from typing import Any

from cryptography.fernet import InvalidToken
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from jaring.accounts.selectors import primary_office
from jaring.lib import ratelimit
from jaring.lib.crypto import decrypt_text, encrypt_text
from jaring.lib.ratelimit import RateLimited
from jaring.reports import limits, receipts
from jaring.reports.forms import (
    EMPTY_PARTY_ROWS,
    FollowUpForm,
    MessageForm,
    ReportForm,
    party_rows,
    prefill_parties,
)
from jaring.reports.models import Category, Channel, IdentityMode, PartyKind, Report
from jaring.reports.selectors import (
    public_messages,
    public_timeline,
    report_location,
    submission_attachments,
    submitted_parties,
)
from jaring.reports.services import (
    DuplicateSubmission,
    report_follow_up,
    report_message_add,
    report_notify_set,
    report_submit,
)
from jaring.reports.statuses import is_closed, public_status_text
from jaring.reports.validation import clean_parties

logger = logging.getLogger(__name__)

CATEGORY_HELP = {
    Category.TPPO: gettext_lazy(
        "Seseorang direkrut, dibawa atau ditampung dengan tipu daya, ancaman atau jeratan utang untuk dieksploitasi."
    ),
    Category.PMI_NONPROSEDURAL: gettext_lazy(
        "Seseorang berangkat atau akan berangkat bekerja ke luar negeri tanpa prosedur resmi, misalnya dengan "
        "visa turis atau lewat jalur tidak resmi."
    ),
    Category.PEREKRUT: gettext_lazy(
        "Tawaran kerja di luar negeri yang mencurigakan: gaji tidak wajar, diminta biaya, atau lewat media sosial."
    ),
    Category.ORANG_ASING: gettext_lazy(
        "Orang asing dengan kegiatan mencurigakan, misalnya bekerja tanpa izin."
    ),
    Category.DOKUMEN: gettext_lazy(
        "Paspor, visa atau dokumen lain yang palsu, dipinjam, atau dipakai orang lain."
    ),
    Category.LAYANAN: gettext_lazy("Keluhan tentang pelayanan kantor imigrasi."),
    Category.ASPIRASI: gettext_lazy("Saran atau masukan untuk kantor imigrasi."),
    Category.PERTANYAAN: gettext_lazy(
        "Pertanyaan tentang keimigrasian atau cara bekerja ke luar negeri dengan aman."
    ),
}


def _within() -> str | None:
    office = primary_office()
    return office.region_code[:2] if office else None


def _party_rows(parties: list[dict[str, str]], errors: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The rows as typed, each with its problems (`parties.<index>.<kind|value>` of the submitted order), and
    the empty rows dropped; `n` numbers the rows shown (ids and the error summary's links)."""
    rows: list[dict[str, Any]] = [dict(p) for p in parties]
    for key, found in errors.items():
        prefix, index, name = (key.split(".") + ["", ""])[:3]
        if prefix == "parties" and index.isdigit() and int(index) < len(rows):
            rows[int(index)].setdefault("errors", []).extend(found)
            rows[int(index)]["error_field"] = name
    filled = [r for r in rows if r.get("kind") or r.get("value", "").strip()]
    for n, row in enumerate(filled, start=1):
        row["n"] = n
    return filled


def _form_context(
    form: ReportForm,
    parties: list[dict[str, str]],
    extra_rows: int = 0,
    party_problems: dict[str, list[str]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    problems = party_problems or {}
    filled = _party_rows(parties, problems)
    empty = max(1, EMPTY_PARTY_ROWS - len(filled)) + extra_rows
    rows = [*filled, *({"kind": "", "value": ""} for _i in range(empty))]
    summary = [
        (row["n"], _("Pihak terlibat, baris %(n)s: %(error)s") % {"n": row["n"], "error": error})
        for row in filled
        for error in row.get("errors", [])
    ]
    return {
        "form": form,
        "categories": [(value, label, CATEGORY_HELP[value]) for value, label in Category.choices],
        "party_rows": rows,
        "party_row_errors": summary,
        "party_errors": problems.get("parties", []),
        "party_kinds": PartyKind.choices,
        "max_files": settings.ATTACHMENT_MAX_FILES,
        "max_size": filesizeformat(settings.ATTACHMENT_MAX_BYTES),
        **extra,
    }


@never_cache
def submit(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _submit_post(request)
    params = request.GET
    initial = {
        "submission_token": secrets.token_urlsafe(24),
        "identity_mode": IdentityMode.ANONIM,
        "category": params.get("category", "") if params.get("category") in Category.values else "",
        "description": params.get("description", "")[:10_000],
        "heard_from": params.get("ref", "")[:100],
    }
    form = ReportForm(initial=initial, within=_within())
    return render(
        request, "reports/submit.html", _form_context(form, prefill_parties(params.getlist("party")))
    )


def _submit_post(request: HttpRequest) -> HttpResponse:
    parties = party_rows(request.POST)
    files = request.FILES.getlist("files")
    if "add_party" in request.POST:
        # Without JavaScript, "add a row" sends the form back: show it again, unvalidated, with one more row.
        form = ReportForm(initial=request.POST.dict(), within=_within())
        context = _form_context(form, parties, extra_rows=1, files_lost=bool(files))
        return render(request, "reports/submit.html", context)

    form = ReportForm(request.POST, within=_within())
    if form.is_valid():
        data = form.cleaned_data
        if data["website"]:
            form.add_error(None, _("Formulir tidak dapat dikirim. Kosongkan kolom “Jangan diisi”."))
        else:
            return _create(request, form, parties, files)
    # The service is not reached: check the parties here too, so every problem is shown in one round.
    _cleaned, problems = clean_parties(parties)
    context = _form_context(form, parties, party_problems=problems, files_lost=bool(files))
    return render(request, "reports/submit.html", context)


def _create(request: HttpRequest, form: ReportForm, parties: list[dict], files: list) -> HttpResponse:
    data = form.cleaned_data
    anonymous = data["identity_mode"] == IdentityMode.ANONIM
    client = ratelimit.client_id(request)
    try:
        ratelimit.check(limits.submissions(), client)
        report, key = report_submit(
            office=primary_office(),
            category=data["category"],
            description=data["description"],
            incident_date=data["incident_date"],
            region_code=data["region_code"],
            location_text=data["location_text"],
            heard_from=data["heard_from"],
            identity_mode=data["identity_mode"],
            # The web form ignores identity fields typed before switching to Anonim.
            reporter_name="" if anonymous else data["reporter_name"],
            reporter_contact="" if anonymous else data["reporter_contact"],
            share_identity_with_partners=False if anonymous else data["share_identity_with_partners"],
            notify_new_answer=False if anonymous else data["notify_new_answer"],
            reporter_language=translation.get_language() or "",
            parties=parties,
            files=files,
            channel=Channel.WEB,
            submission_token=data["submission_token"],
        )
    except RateLimited as exc:
        return rate_limited(request, exc)
    except DuplicateSubmission as duplicate:
        return _receipt(request, data["submission_token"], duplicate.report.tracking_code)
    except DatabaseError:
        # Nothing was stored (one transaction, files removed): say so and keep everything the visitor typed.
        logger.exception("report submission failed")
        form.add_error(
            None,
            _("Laporan belum tersimpan karena gangguan sistem. Isian Anda masih ada; silakan kirim lagi."),
        )
        return render(request, "reports/submit.html", _form_context(form, parties, files_lost=bool(files)))
    except ValidationError as exc:
        errors = exc.message_dict
        for field, messages in errors.items():
            if field in form.fields:
                for message in messages:
                    form.add_error(field, message)
            elif field != "files" and not field.startswith("parties"):
                for message in messages:
                    form.add_error(None, message)
        context = _form_context(
            form,
            parties,
            party_problems={k: v for k, v in errors.items() if k.startswith("parties")},
            files_lost=bool(files),
            file_errors=errors.get("files", []),
        )
        return render(request, "reports/submit.html", context)
    ratelimit.hit(limits.submissions(), client)
    return _receipt(request, data["submission_token"], report.tracking_code)


def _receipt(request: HttpRequest, token: str, tracking_code: str) -> HttpResponse:
    """The receipt from the replay store: the same page for the first POST, a double click or a retry."""
    remembered = receipts.recall(receipts.token_digest(Channel.WEB, token))
    context = {"tracking_code": tracking_code, "token": token, "follow_up_key": None}
    if remembered:
        context["tracking_code"], context["follow_up_key"] = remembered
    response = render(request, "reports/receipt.html", context)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def receipt_download(request: HttpRequest) -> HttpResponse:
    token = request.POST.get("token", "")[:64]
    remembered = receipts.recall(receipts.token_digest(Channel.WEB, token)) if token else None
    if not remembered:
        return render(request, "reports/receipt_gone.html", status=410)
    code, key = remembered
    office = primary_office()
    text = render(
        request,
        "reports/receipt.txt",
        {
            "tracking_code": code,
            "follow_up_key": key,
            "office": office,
            "now": timezone.localtime(),
            "site_url": settings.SITE_URL,
        },
        content_type="text/plain; charset=utf-8",
    )
    text["Content-Disposition"] = f'attachment; filename="tanda-terima-{code}.txt"'
    text["Cache-Control"] = "no-store"
    return text


@require_POST
def receipt_done(request: HttpRequest) -> HttpResponse:
    """The visitor saved the receipt: forget the replayable copy now instead of at expiry."""
    token = request.POST.get("token", "")[:64]
    if token:
        receipts.forget(receipts.token_digest(Channel.WEB, token))
    return redirect("reports:check")


@require_GET
def party_row(request: HttpRequest) -> HttpResponse:
    """htmx fragment: one more empty row of parties."""
    return render(
        request,
        "reports/_party_row.html",
        {"row": {"kind": "", "value": ""}, "party_kinds": PartyKind.choices},
    )


def rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    minutes = max(1, round(exc.retry_after / 60))
    response = render(request, "reports/rate_limited.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


# Follow-up (/lapor/cek/) ------------------------------------------------------------------------------------

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
        "location": report_location(report),
        "parties": submitted_parties(report),
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
    if action == "notify":
        return _notify(request)
    return _check(request)


def _notify(request: HttpRequest) -> HttpResponse:
    """Turns the "new answer" notice on or off (the reporter is signed in with the receipt)."""
    report = _session_report(request)
    if report is None:
        messages.error(request, _("Sesi Anda berakhir. Masukkan lagi kode laporan dan kunci tindak lanjut."))
        return redirect("reports:check")
    enabled = request.POST.get("notify") == "on"
    try:
        report_notify_set(report=report, enabled=enabled)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        done = (
            _("Pemberitahuan jawaban baru dinyalakan.")
            if enabled
            else _("Pemberitahuan jawaban baru dimatikan.")
        )
        messages.success(request, done)
    return redirect(reverse("reports:check") + "#pemberitahuan")


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
