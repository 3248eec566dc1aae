"""A form field for a Kemendagri region that works with and without JavaScript.

The visitor types a name; htmx swaps in matching regions as radio buttons. Without JavaScript the form comes
back with the matches listed and asks the visitor to pick one, keeping everything else they typed.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jaring.lib import regions

_UNRESOLVED = "?"


class RegionWidget(forms.Widget):
    template_name = "widgets/region_picker.html"
    within: str | None = None

    def value_from_datadict(self, data: Any, files: Any, name: str) -> str:
        code = (data.get(name) or "").strip()
        if code:
            return code
        query = (data.get(f"{name}_q") or "").strip()
        return _UNRESOLVED + query if query else ""

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        value = value or ""
        selected = regions.get(value) if value and not value.startswith(_UNRESOLVED) else None
        if selected:
            query, options = selected.full_label, [selected]
        else:
            query = value[1:] if value.startswith(_UNRESOLVED) else value
            options = regions.search(query, within=self.within) if query else []
        context["widget"].update(
            query=query, options=options, selected=selected.code if selected else "", search_name=f"{name}_q"
        )
        return context


class RegionField(forms.CharField):
    widget = RegionWidget
    default_error_messages = {
        "choose": _("Pilih salah satu wilayah dari daftar, atau kosongkan isian wilayah."),
        "unknown": _("Kode wilayah tidak dikenal."),
    }

    def __init__(self, *, within: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)
        self.widget.within = within

    def clean(self, value: Any) -> str:
        value = super().clean(value)
        if not value:
            return ""
        if value.startswith(_UNRESOLVED):
            raise ValidationError(self.error_messages["choose"], code="choose")
        region = regions.get(value)
        if region is None:
            raise ValidationError(self.error_messages["unknown"], code="unknown")
        return region.code
