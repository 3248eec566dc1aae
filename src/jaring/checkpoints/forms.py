"""The counter form: fields only shape the input; every rule is checked by services.screening_record, whose
messages are put back beside the fields (the officer's input is kept)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jaring.checkpoints import guide
from jaring.checkpoints.models import Payer, ScreeningParty, Sex, Ticket
from jaring.reports.models import PartyKind

PARTY_ROWS = 3
FIELD_ORDER = ("screened_at", "traveller_name", "passport_number", "sex", "birth_year", "origin_region_code",
               "traveller_phone", "destination", "purpose", "ticket", "paid_by")  # fmt: skip


def _blank(choices: Any) -> list[tuple[str, str]]:
    return [("", "—"), *choices]


class ScreeningForm(forms.Form):
    checkpoint = forms.ChoiceField(label=_("TPI"))
    submission_token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    screened_at = forms.DateTimeField(
        label=_("Waktu pemeriksaan"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Kosongkan untuk waktu sekarang."),
        error_messages={"invalid": _("Waktu tidak valid; gunakan format TTTT-BB-HH JJ:MM.")},
    )
    traveller_name = forms.CharField(label=_("Nama sesuai paspor"), required=False)
    passport_number = forms.CharField(
        label=_("Nomor paspor"),
        required=False,
        widget=forms.TextInput(attrs={"autocapitalize": "characters"}),
    )
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=_blank(Sex.choices), required=False)
    birth_year = forms.CharField(
        label=_("Tahun lahir"), required=False, widget=forms.TextInput(attrs={"inputmode": "numeric"})
    )
    origin_region_code = forms.CharField(
        label=_("Kode wilayah asal"), required=False, help_text=_("Kode Kemendagri, mis. 33.01 (Cilacap).")
    )
    traveller_phone = forms.CharField(
        label=_("Telepon pelaku perjalanan"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    destination = forms.ChoiceField(label=_("Negara tujuan"), required=False)
    purpose = forms.ChoiceField(label=_("Tujuan perjalanan"), required=False)
    ticket = forms.ChoiceField(label=_("Tiket"), choices=_blank(Ticket.choices), required=False)
    paid_by = forms.ChoiceField(label=_("Dibayar oleh"), choices=_blank(Payer.choices), required=False)
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, checkpoints: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        g = guide.load()
        self.fields["checkpoint"].choices = [(cp.slug, cp.name) for cp in checkpoints]
        self.fields["destination"].choices = _blank(
            [(d["code"], guide.text(d["label"])) for d in g.data["destinations"]]
        )
        self.fields["purpose"].choices = _blank(
            [(c["code"], guide.text(c["label"])) for c in g.question("tujuan")["choices"]]
        )
        self.question_fields = []
        for q in g.questions:
            name = f"answer_{q['code']}"
            if q["code"] == "tujuan":
                continue  # asked as the purpose of travel above
            if q["type"] == "text":
                field: forms.Field = forms.CharField(required=False, max_length=guide.TEXT_ANSWER_MAX)
            else:
                options = (
                    [("yes", _("Ya")), ("no", _("Tidak"))]
                    if q["type"] == "yes_no"
                    else [(c["code"], guide.text(c["label"])) for c in q["choices"]]
                )
                field = forms.ChoiceField(choices=_blank(options), required=False)
            field.label = guide.text(q["text"])
            self.fields[name] = field
            self.question_fields.append(name)
        for i in range(PARTY_ROWS):
            self.fields[f"party_{i}_role"] = forms.ChoiceField(
                label=_("Peran"), choices=ScreeningParty.Role.choices, required=False
            )
            self.fields[f"party_{i}_kind"] = forms.ChoiceField(
                label=_("Jenis"), choices=_blank(PartyKind.choices), required=False
            )
            self.fields[f"party_{i}_value"] = forms.CharField(label=_("Nilai"), required=False)

    def party_rows(self) -> list[list[Any]]:
        return [[self[f"party_{i}_{part}"] for part in ("role", "kind", "value")] for i in range(PARTY_ROWS)]

    def main_fields(self) -> list[Any]:
        return [self[name] for name in FIELD_ORDER]

    def answer_fields(self) -> list[Any]:
        return [self[name] for name in self.question_fields]

    def service_data(self) -> dict[str, Any]:
        data = {name: self.cleaned_data.get(name) for name in (*FIELD_ORDER, "notes")}
        answers = {name.removeprefix("answer_"): self.cleaned_data.get(name) for name in self.question_fields}
        answers["tujuan"] = self.cleaned_data.get("purpose") or ""
        data["answers"] = answers
        data["parties"] = [
            {part: self.cleaned_data.get(f"party_{i}_{part}") for part in ("role", "kind", "value")}
            for i in range(PARTY_ROWS)
        ]
        return data

    def add_service_errors(self, errors: dict[str, list[str]]) -> None:
        for field, messages in errors.items():
            target = field if field in self.fields else None
            if field == "answers":
                target = None
            for message in messages:
                self.add_error(target, message)
