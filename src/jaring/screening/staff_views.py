"""/petugas/tawaran/: anonymous weekly statistics of checks, and the identifiers officers have confirmed."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from jaring.accounts.permissions import (
    can_manage_confirmed_identifiers,
    can_view_screening_stats,
    capability_required,
)

from .engine import default_rules
from .models import ConfirmedIdentifier
from .selectors import confirmed_identifiers, ref_stats, weekly_stats
from .services import confirmed_identifier_add, confirmed_identifier_remove


class ConfirmForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Jenis"), choices=ConfirmedIdentifier.Kind.choices)
    raw_value = forms.CharField(
        label=gettext_lazy("Nilai"),
        max_length=300,
        help_text=gettext_lazy("Mis. 0812-3456-7890, BCA 1234567890, wa.me/62812..."),
    )
    reason = forms.CharField(label=gettext_lazy("Alasan / nomor laporan"), max_length=300)


@capability_required(can_view_screening_stats)
def stats(request: HttpRequest) -> HttpResponse:
    rules = default_rules()
    language = getattr(request, "LANGUAGE_CODE", "id")
    titles = rules.flag_titles(language)
    weeks = weekly_stats()
    for week in weeks:
        week["flags"] = [(code, titles.get(code, code), count) for code, count in week["flags"]]
    return render(
        request,
        "screening/staff_stats.html",
        {"weeks": weeks, "refs": ref_stats(), "rules_version": rules.data.version},
    )


@capability_required(can_view_screening_stats)
def identifiers(request: HttpRequest) -> HttpResponse:
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            confirmed = confirmed_identifier_add(confirmed_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, _("Tersimpan: %(value)s") % {"value": confirmed.value})
            return redirect("screening_staff:identifiers")
    return render(
        request, "screening/staff_identifiers.html", {"form": form, "items": confirmed_identifiers()}
    )


@require_POST
@capability_required(can_manage_confirmed_identifiers)
def identifier_remove(request: HttpRequest, pk: int) -> HttpResponse:
    confirmed_identifier_remove(confirmed=get_object_or_404(ConfirmedIdentifier, pk=pk), actor=request.user)
    messages.success(request, _("Identitas dihapus dari daftar terkonfirmasi."))
    return redirect("screening_staff:identifiers")
