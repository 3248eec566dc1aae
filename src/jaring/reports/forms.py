"""Web forms of /lapor/. They parse and display; report_submit is the one place that decides what is valid."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jaring.lib.region_field import RegionField
from jaring.reports.models import Category, IdentityMode, PartyKind

EMPTY_PARTY_ROWS = 3


class AccessibleForm(forms.Form):
    """Links every input to its help text and errors (aria-describedby) and flags invalid inputs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            field.widget.attrs.setdefault("aria-describedby", f"{auto_id}-help {auto_id}-errors")

    def add_error(self, field: str | None, error: Any) -> None:
        super().add_error(field, error)
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-invalid"] = "true"


class ReportForm(AccessibleForm):
    category = forms.ChoiceField(label=_("Jenis laporan"), choices=Category.choices, widget=forms.RadioSelect)
    description = forms.CharField(
        label=_("Apa yang terjadi?"), widget=forms.Textarea(attrs={"rows": 8}), max_length=10_000
    )
    incident_date = forms.DateField(
        label=_("Kapan terjadi?"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    region_code = RegionField(label=_("Di mana? (desa/kelurahan, kecamatan atau kota)"), required=False)
    location_text = forms.CharField(label=_("Keterangan lokasi"), required=False, max_length=300)
    heard_from = forms.CharField(label=_("Dari mana Anda tahu kanal ini?"), required=False, max_length=100)
    identity_mode = forms.ChoiceField(
        label=_("Cara melapor"), choices=IdentityMode.choices, widget=forms.RadioSelect, initial="anonim"
    )
    reporter_name = forms.CharField(label=_("Nama"), required=False, max_length=200)
    reporter_contact = forms.CharField(
        label=_("Nomor telepon/WhatsApp atau email"), required=False, max_length=200
    )
    share_identity_with_partners = forms.BooleanField(
        label=_("Saya setuju identitas saya dibagikan kepada instansi mitra yang menangani laporan ini"),
        required=False,
    )
    notify_new_answer = forms.BooleanField(
        label=_("Beri tahu saya bila ada jawaban baru, lewat WhatsApp atau email yang saya tulis di atas"),
        required=False,
    )
    # Honeypot: hidden from people by CSS (class "hp"), filled in by bots.
    website = forms.CharField(label=_("Jangan diisi"), required=False)
    submission_token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args: Any, within: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region_code"].widget.within = within
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.fields["reporter_contact"].widget.attrs.update(autocomplete="tel", inputmode="text")
        self.fields["reporter_name"].widget.attrs.update(autocomplete="name")
        self.fields["heard_from"].widget.attrs.update(autocomplete="off")


class FollowUpForm(AccessibleForm):
    tracking_code = forms.CharField(label=_("Kode laporan"), max_length=32)
    follow_up_key = forms.CharField(label=_("Kunci tindak lanjut"), max_length=64)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].widget.attrs.update(
                autocomplete="off", autocapitalize="characters", spellcheck="false"
            )


class MessageForm(AccessibleForm):
    body = forms.CharField(
        label=_("Pesan untuk petugas"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )


def party_rows(data: Any) -> list[dict[str, str]]:
    """The parties typed in repeated `party_kind`/`party_value` fields (no index: rows can be added freely)."""
    kinds, values = data.getlist("party_kind"), data.getlist("party_value")
    return [{"kind": k, "value": v} for k, v in zip(kinds, values, strict=False)][:50]


def prefill_parties(raw: list[str]) -> list[dict[str, str]]:
    """`party=kind:value` query parameters (links from the job-offer checker); unknown kinds are dropped."""
    rows = []
    for item in raw[:20]:
        kind, _sep, value = item.partition(":")
        if kind in PartyKind.values and value.strip():
            rows.append({"kind": kind, "value": value.strip()[:300]})
    return rows
