"""Staff pages for events: list, create, edit, detail with attendance, quiz results, QR codes and photos."""

import io

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jaring.lib import uploads
from jaring.outreach.forms import AttendanceForm, EventForm, PhotoForm
from jaring.outreach.models import AGE_FIELDS, PHASE_SLUGS, Event, Phase
from jaring.outreach.selectors import attribution_for_event, events_for, photos_for, quiz_results
from jaring.outreach.services import (
    EventInput,
    event_attendance_set,
    event_create,
    event_photo_add,
    event_update,
)
from jaring.outreach.views.common import outreach_staff
from jaring.outreach.views.public import quiz_url


@outreach_staff
def event_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(events_for(request.user).order_by("-starts_at"), 30).get_page(request.GET.get("halaman"))
    return render(request, "outreach/staff/events.html", {"page": page, "now": timezone.now()})


def _input(form: EventForm) -> EventInput:
    data = form.cleaned_data
    return EventInput(
        title=data["title"],
        kind=data["kind"],
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        region_code=data["region_code"],
        venue=data["venue"],
        programme_id=data["programme"].pk if data["programme"] else None,
        topics=data["topics"],
        audiences=data["audiences"],
        agency_ids=[a.pk for a in data["agencies"]],
        materials=data["materials"],
        notes=data["notes"],
        follow_ups=data["follow_ups"],
    )


@outreach_staff
def event_new(request: HttpRequest) -> HttpResponse:
    initial = {"programme": request.GET.get("program")} if request.GET.get("program") else None
    form = EventForm(request.POST or None, office=request.office, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            event = event_create(actor=request.user, office=request.office, data=_input(form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Kegiatan %(code)s tersimpan.") % {"code": event.code})
            return redirect("outreach_staff:event", pk=event.pk)
    return render(request, "outreach/staff/event_form.html", {"form": form, "event": None})


@outreach_staff
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(events_for(request.user), pk=pk)
    form = EventForm(request.POST or None, office=request.office, initial=EventForm.initial_from(event))
    if request.method == "POST" and form.is_valid():
        try:
            event_update(actor=request.user, event=event, data=_input(form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Perubahan tersimpan."))
            return redirect("outreach_staff:event", pk=event.pk)
    return render(request, "outreach/staff/event_form.html", {"form": form, "event": event})


def _detail(request: HttpRequest, event: Event, **forms) -> HttpResponse:  # type: ignore[no-untyped-def]
    initial = {
        "attendance_total": event.attendance_total,
        "male": event.male,
        "female": event.female,
        **event.ages,
    }
    context = {
        "event": event,
        "attendance_form": forms.get("attendance_form") or AttendanceForm(initial=initial),
        "photo_form": forms.get("photo_form") or PhotoForm(),
        "results": quiz_results(event),
        "attribution": attribution_for_event(event),
        "quiz_links": [(Phase(p).label, slug, quiz_url(event, p)) for slug, p in PHASE_SLUGS.items()],
        "photos": event.photos.all(),
        "requests": event.requests.all(),
    }
    status = 422 if any(f is not None and f.errors for f in forms.values()) else 200
    return render(request, "outreach/staff/event_detail.html", context, status=status)


@outreach_staff
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, get_object_or_404(events_for(request.user), pk=pk))


@require_POST
@outreach_staff
def event_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(events_for(request.user), pk=pk)
    form = AttendanceForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            event_attendance_set(
                actor=request.user,
                event=event,
                total=data["attendance_total"],
                male=data["male"],
                female=data["female"],
                ages={name: data[name] for name in AGE_FIELDS},
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Data kehadiran tersimpan."))
            return redirect("outreach_staff:event", pk=event.pk)
    event.refresh_from_db()
    return _detail(request, event, attendance_form=form)


@require_POST
@outreach_staff
def event_photos(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(events_for(request.user), pk=pk)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            event_photo_add(
                actor=request.user,
                event=event,
                files=form.cleaned_data["photos"],
                caption=form.cleaned_data["caption"],
            )
        except ValidationError as exc:
            form.add_error(
                "photos", exc.messages if not hasattr(exc, "error_dict") else exc.message_dict.get("photos")
            )
        else:
            messages.success(request, _("Foto tersimpan."))
            return redirect("outreach_staff:event", pk=event.pk)
    return _detail(request, event, photo_form=form)


@outreach_staff
def photo(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(photos_for(request.user), pk=pk)
    response = HttpResponse(uploads.read(item.storage_name), content_type=item.content_type)
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Disposition"] = "inline"
    return response


@outreach_staff
def quiz_qr(request: HttpRequest, pk: int, phase_slug: str) -> HttpResponse:
    event = get_object_or_404(events_for(request.user), pk=pk)
    phase = PHASE_SLUGS.get(phase_slug)
    if phase is None:
        raise Http404
    out = io.BytesIO()
    segno.make(quiz_url(event, phase), error="m").save(out, kind="svg", scale=8, border=2, title=event.code)
    return HttpResponse(out.getvalue(), content_type="image/svg+xml")
