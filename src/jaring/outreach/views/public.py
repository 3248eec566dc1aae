"""Public outreach pages: events without personal data, the session request form and the quizzes."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from jaring.accounts.selectors import primary_office
from jaring.lib import ratelimit
from jaring.outreach import limits, quiz
from jaring.outreach.forms import SessionRequestForm, quiz_form
from jaring.outreach.models import PHASE_SLUGS, SLUG_OF_PHASE, Event, Phase
from jaring.outreach.selectors import public_events
from jaring.outreach.services import QuizAlreadyTaken, quiz_submit, session_request_submit
from jaring.outreach.validation import office_zone

DEVICE_COOKIE = "jaring_perangkat"
DEVICE_COOKIE_AGE = 400 * 24 * 3600


def _activate_office_zone(office) -> None:  # type: ignore[no-untyped-def]
    if office is not None:
        timezone.activate(office_zone(office))


def index(request: HttpRequest) -> HttpResponse:
    office = primary_office()
    _activate_office_zone(office)
    upcoming = list(public_events(office, when="upcoming")[:20])
    past = list(public_events(office, when="past")[:20])
    # Demo events are shown to the public only as marked samples, never as real outreach (issue 14).
    has_sample = any(event.is_sample for event in [*upcoming, *past])
    return render(
        request,
        "outreach/public/index.html",
        {"upcoming": upcoming, "past": past, "has_sample": has_sample},
    )


def _event(code: str) -> Event:
    event = Event.objects.select_related("office").filter(code__iexact=code).first()
    if event is None:
        raise Http404
    return event


def event_detail(request: HttpRequest, code: str) -> HttpResponse:
    event = _event(code)
    if event.code != code:
        return redirect("outreach:event", code=event.code)
    _activate_office_zone(event.office)
    return render(request, "outreach/public/event.html", {"event": event, "now": timezone.now()})


def session_request(request: HttpRequest) -> HttpResponse:
    office = primary_office()
    form = SessionRequestForm(request.POST or None, office=office)
    if request.method == "POST" and form.is_valid() and office is not None:
        if form.cleaned_data["website"]:
            # A bot filled the hidden field: answer as if it worked, store nothing.
            return redirect("outreach:request_done")
        try:
            ratelimit.consume(limits.SESSION_REQUESTS, ratelimit.client_id(request))
            data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
            session_request_submit(office=office, **data)
        except ratelimit.RateLimited:
            form.add_error(None, _("Terlalu banyak permintaan dari jaringan ini. Coba lagi dalam satu jam."))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("outreach:request_done")
    return render(request, "outreach/public/request.html", {"form": form})


def session_request_done(request: HttpRequest) -> HttpResponse:
    return render(request, "outreach/public/request_done.html")


@never_cache
def take_quiz(request: HttpRequest, code: str, phase_slug: str) -> HttpResponse:
    phase = PHASE_SLUGS.get(phase_slug)
    event = _event(code)
    if phase is None or not event.quiz_questions:
        raise Http404
    if event.code != code:
        return redirect("outreach:quiz", code=event.code, phase_slug=phase_slug)
    questions = quiz.questions_of(event.quiz_questions)
    token = request.COOKIES.get(DEVICE_COOKIE, "")
    form = quiz_form(questions, request.POST if request.method == "POST" else None)
    done = None
    notice = ""
    if request.method == "POST" and form.is_valid():
        try:
            ratelimit.consume(limits.QUIZ_SUBMISSIONS, ratelimit.client_id(request))
            done = quiz_submit(event=event, phase=phase, device_token=token, answers=form.cleaned_data)
        except QuizAlreadyTaken as exc:
            notice = exc.messages[0]
        except ratelimit.RateLimited:
            form.add_error(None, _("Terlalu banyak jawaban dari jaringan ini. Coba lagi nanti."))
        except ValidationError as exc:
            form.add_error(None, exc)
    context = {
        "event": event,
        "phase": phase,
        "phase_label": Phase(phase).label,
        "form": form,
        "done": done,
        "notice": notice,
        "questions": questions,
        "post_slug": SLUG_OF_PHASE[Phase.POST],
        # After the session the right answers teach; before it they would spoil the comparison.
        "show_answers": done is not None and phase == Phase.POST,
    }
    response = render(request, "outreach/public/quiz.html", context)
    if len(token) < 16:
        response.set_cookie(
            DEVICE_COOKIE,
            secrets.token_urlsafe(24),
            max_age=DEVICE_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response


def quiz_url(event: Event, phase: str) -> str:
    return settings.SITE_URL + reverse(
        "outreach:quiz", kwargs={"code": event.code, "phase_slug": SLUG_OF_PHASE[phase]}
    )
