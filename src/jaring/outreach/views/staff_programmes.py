"""Staff pages for programmes (Desa Binaan): list, create, edit, coverage with map, target villages."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jaring.outreach.forms import ProgrammeForm, VillageForm
from jaring.outreach.models import ProgrammeVillage
from jaring.outreach.selectors import programme_coverage, programmes_for
from jaring.outreach.services import (
    programme_create,
    programme_update,
    programme_village_add,
    programme_village_remove,
)
from jaring.outreach.views.common import outreach_staff


@outreach_staff
def programme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "outreach/staff/programmes.html", {"programmes": programmes_for(request.user)})


def _fields(form: ProgrammeForm) -> dict:
    data = form.cleaned_data
    return {
        "name": data["name"],
        "starts_on": data["starts_on"],
        "ends_on": data["ends_on"],
        "goals": data["goals"],
        "agency_ids": [a.pk for a in data["agencies"]],
    }


@outreach_staff
def programme_new(request: HttpRequest) -> HttpResponse:
    form = ProgrammeForm(request.POST or None, office=request.office)
    if request.method == "POST" and form.is_valid():
        try:
            programme = programme_create(actor=request.user, office=request.office, **_fields(form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Program tersimpan. Tambahkan desa sasarannya."))
            return redirect("outreach_staff:programme", pk=programme.pk)
    return render(request, "outreach/staff/programme_form.html", {"form": form, "programme": None})


@outreach_staff
def programme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(programmes_for(request.user), pk=pk)
    initial = {
        "name": programme.name,
        "starts_on": programme.starts_on,
        "ends_on": programme.ends_on,
        "goals": programme.goals,
        "agencies": list(programme.agencies.values_list("pk", flat=True)),
    }
    form = ProgrammeForm(request.POST or None, office=request.office, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            programme_update(actor=request.user, programme=programme, **_fields(form))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Perubahan tersimpan."))
            return redirect("outreach_staff:programme", pk=programme.pk)
    return render(request, "outreach/staff/programme_form.html", {"form": form, "programme": programme})


def _detail(request: HttpRequest, programme, village_form: VillageForm | None = None) -> HttpResponse:  # type: ignore[no-untyped-def]
    rows = programme_coverage(programme)
    context = {
        "programme": programme,
        "rows": rows,
        "reached": sum(r.reached for r in rows),
        "has_points": any(r.village.latitude is not None for r in rows),
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        "village_form": village_form or VillageForm(office=request.office),
        "events": programme.events.order_by("-starts_at")[:50],
    }
    return render(
        request, "outreach/staff/programme_detail.html", context, status=422 if village_form else 200
    )


@outreach_staff
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, get_object_or_404(programmes_for(request.user), pk=pk))


@require_POST
@outreach_staff
def village_add(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(programmes_for(request.user), pk=pk)
    form = VillageForm(request.POST, office=request.office)
    if form.is_valid():
        data = form.cleaned_data
        try:
            programme_village_add(
                actor=request.user,
                programme=programme,
                region_code=data["region_code"],
                officer=data["officer"],
                officer_name=data["officer_name"],
                latitude=data["latitude"],
                longitude=data["longitude"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Desa sasaran ditambahkan."))
            return redirect("outreach_staff:programme", pk=programme.pk)
    return _detail(request, programme, village_form=form)


@require_POST
@outreach_staff
def village_remove(request: HttpRequest, pk: int) -> HttpResponse:
    village = get_object_or_404(ProgrammeVillage, pk=pk, programme__in=programmes_for(request.user))
    programme_pk = village.programme_id
    programme_village_remove(actor=request.user, village=village)
    messages.success(request, _("Desa sasaran dihapus dari program."))
    return redirect("outreach_staff:programme", pk=programme_pk)
