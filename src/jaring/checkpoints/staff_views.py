"""Staff pages of the TPI: the counter form, the list and repeat alerts, one screening, the shift summary."""

import base64
import io
import secrets
from datetime import date

import segno
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jaring.accounts import permissions as can
from jaring.accounts.permissions import capability_required
from jaring.checkpoints import exports, guide, selectors, stats
from jaring.checkpoints.forms import ScreeningForm
from jaring.checkpoints.models import Outcome
from jaring.checkpoints.self_interview import self_interview_start
from jaring.checkpoints.services import (
    DuplicateScreening,
    screening_decide,
    screening_open_case,
    screening_record,
    traveller_identity_view,
)


@capability_required(can.can_use_checkpoints)
def screening_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.screenings_visible_to(request.user)
    outcome, checkpoint = request.GET.get("hasil", ""), request.GET.get("tpi", "")
    repeats = request.GET.get("ulang") == "1"
    if outcome in Outcome.values:
        qs = qs.filter(outcome=outcome)
    if checkpoint:
        qs = qs.filter(checkpoint__slug=checkpoint)
    if repeats:
        qs = qs.filter(repeat_of__isnull=False)
    page = Paginator(qs, 50).get_page(request.GET.get("halaman"))
    g = guide.load()
    context = {
        "page": page,
        "rows": [(s, g.destination_label(s.destination)) for s in page],  # "Malaysia", not "MY"
        "outcomes": Outcome.choices,
        "checkpoints": selectors.office_checkpoints(request.user),
        "filters": {"hasil": outcome, "tpi": checkpoint, "ulang": repeats},
        "alerts": selectors.repeat_alerts(request.user)[:10] if request.user.is_officer else [],
        "can_record": selectors.checkpoints_for(request.user).exists(),
        "guide": g,
    }
    return render(request, "checkpoints/list.html", context)


@capability_required(can.can_record_screenings)
def screening_new(request: HttpRequest) -> HttpResponse:
    checkpoints = list(selectors.checkpoints_for(request.user))
    if not checkpoints:
        raise PermissionDenied(_("Anda tidak ditugaskan di TPI mana pun."))
    form = ScreeningForm(request.POST or None, checkpoints=checkpoints)
    if not request.POST:
        form.initial["submission_token"] = secrets.token_urlsafe(24)
        form.initial["checkpoint"] = request.GET.get("tpi") or checkpoints[0].slug
    if request.method == "POST" and form.is_valid():
        try:
            screening = screening_record(
                checkpoint=form.cleaned_data["checkpoint"],
                actor=request.user,
                data=form.service_data(),
                submission_token=form.cleaned_data["submission_token"] or None,
            )
        except DuplicateScreening as duplicate:
            screening = duplicate.screening  # a repeated submit: the record exists once
        except ValidationError as exc:
            form.add_service_errors(exc.message_dict)
        else:
            messages.success(request, _("Pemeriksaan %(code)s tersimpan.") % {"code": screening.code})
        if not form.errors:
            # ?tersimpan=1 tells the page's script to drop the browser draft: the server has the record.
            return redirect(reverse("checkpoints:detail", kwargs={"pk": screening.pk}) + "?tersimpan=1")
    return render(
        request, "checkpoints/form.html", {"form": form, "saved": False}, status=422 if form.errors else 200
    )


def _detail_context(request: HttpRequest, screening) -> dict:  # type: ignore[no-untyped-def]
    g = guide.load()
    answers = [
        (guide.text(q["text"]), screening.answers.get(q["code"], ""), q.get("flags", {}).get(screening.answers.get(q["code"], "")))
        for q in g.questions
    ]  # fmt: skip
    self_answers = [
        (guide.text(q["text"]), screening.self_answers.get(q["code"], "")) for q in g.self_questions
    ]
    return {
        "s": screening,
        "guide": g,
        "answers": answers,
        "self_answers": self_answers if screening.self_answers else [],
        "flags": [(code, g.reason_label(code)) for code in screening.flags],
        "destination": g.destination_label(screening.destination),
        "purpose": g.purpose_label(screening.purpose),
        "reasons": [(r["code"], guide.text(r["label"]), g.legal_basis(r["legal_basis"])) for r in g.reasons],
        "chosen_reasons": [g.reason_label(code) for code in screening.reasons],
        "parties": screening.parties.all(),
        "referrals": selectors.referrals_of(request.user, screening),
        "can_decide": can.can_decide_screening(request.user, screening),
        "can_identity": can.can_read_traveller_identity(request.user, screening),
        "decidable": screening.outcome in (Outcome.DIPERIKSA, Outcome.DITUNDA),
        "outcomes": [c for c in Outcome.choices if c[0] != Outcome.DIPERIKSA],
        "identity": None,
        "errors": {},
    }


@capability_required(can.can_use_checkpoints)
def screening_detail(request: HttpRequest, pk: int) -> HttpResponse:
    screening = selectors.screening_for(request.user, pk)
    return render(request, "checkpoints/detail.html", _detail_context(request, screening))


@require_POST
@capability_required(can.can_use_checkpoints)
def screening_identity(request: HttpRequest, pk: int) -> HttpResponse:
    screening = selectors.screening_for(request.user, pk)
    context = _detail_context(request, screening)
    context["identity"] = traveller_identity_view(screening=screening, actor=request.user)
    return render(request, "checkpoints/detail.html", context)


@require_POST
@capability_required(can.can_record_screenings)
def screening_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    screening = selectors.screening_for(request.user, pk)
    try:
        screening_decide(
            screening=screening,
            outcome=request.POST.get("outcome", ""),
            actor=request.user,
            reasons=request.POST.getlist("reasons"),
            notes=request.POST.get("notes", ""),
            consent=request.POST.get("consent") == "1",
        )
    except ValidationError as exc:
        context = _detail_context(request, screening)
        context.update(errors=exc.message_dict, posted=request.POST)
        return render(request, "checkpoints/detail.html", context, status=422)
    messages.success(request, _("Hasil pemeriksaan tersimpan."))
    return redirect("checkpoints:detail", pk=screening.pk)


@require_POST
@capability_required(can.can_record_screenings)
def screening_case(request: HttpRequest, pk: int) -> HttpResponse:
    screening = selectors.screening_for(request.user, pk)
    try:
        report = screening_open_case(
            screening=screening, actor=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as exc:
        context = _detail_context(request, screening)
        context.update(errors=exc.message_dict, posted=request.POST)
        return render(request, "checkpoints/detail.html", context, status=422)
    messages.success(request, _("Kasus %(code)s dibuka.") % {"code": report.tracking_code})
    return redirect("checkpoints:detail", pk=screening.pk)


@require_POST
@capability_required(can.can_record_screenings)
def screening_self_interview(request: HttpRequest, pk: int) -> HttpResponse:
    """Shows the link once (as a QR code for the traveller's phone and a button for this tablet)."""
    screening = selectors.screening_for(request.user, pk)
    _interview, token = self_interview_start(screening=screening, actor=request.user)
    url = request.build_absolute_uri(reverse("checkpoints_public:self_interview", kwargs={"token": token}))
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=6, border=2)
    qr = "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()
    return render(request, "checkpoints/self_interview_link.html", {"s": screening, "url": url, "qr": qr})


def _day(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return timezone.localdate()


@capability_required(can.can_view_checkpoint_counts)
def shift_summary(request: HttpRequest) -> HttpResponse:
    start = _day(request.GET.get("dari", ""))
    end = max(start, _day(request.GET.get("sampai", "") or start.isoformat()))
    checkpoint = selectors.office_checkpoints(request.user).filter(slug=request.GET.get("tpi", "")).first()
    summary = stats.summary(request.user, start, end, checkpoint.pk if checkpoint else None)
    g = guide.load()
    context = {
        "summary": summary,
        "reasons": [(g.reason_label(code), n) for code, n in summary.reasons],
        "destinations": [(g.destination_label(code), n) for code, n in summary.destinations],
        "per_checkpoint": [(name, Outcome(o).label, n) for name, o, n in summary.per_checkpoint],
        "checkpoints": selectors.office_checkpoints(request.user),
        "checkpoint": checkpoint,
        "guide": guide.load(),
        "query": request.GET.urlencode(),
    }
    return render(request, "checkpoints/summary.html", context)


@capability_required(can.can_view_checkpoint_counts)
def summary_export(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in ("csv", "xlsx"):
        raise Http404
    start = _day(request.GET.get("dari", ""))
    end = max(start, _day(request.GET.get("sampai", "") or start.isoformat()))
    checkpoint = selectors.office_checkpoints(request.user).filter(slug=request.GET.get("tpi", "")).first()
    return exports.response(request.user, start, end, checkpoint.pk if checkpoint else None, kind)
