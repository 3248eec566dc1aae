"""Forms: input shape and widgets only. The rules (sums, periods, regions) live in the services."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jaring.accounts.models import Office
from jaring.accounts.selectors import staff_users_of_office
from jaring.lib.region_field import RegionField
from jaring.outreach.models import AgeBand, Audience, Event, EventKind, RequesterKind, RequestStatus, Topic

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class AccessibleForm(forms.Form):
    """Links each input to its help text and errors (aria-describedby) and flags invalid inputs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{self[name].auto_id}_help"

    def add_error(self, field: str | None, error: Any) -> None:
        # A service error may name a field this form does not show: it goes to the top of the form instead.
        if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            for key, errors in error.error_dict.items():
                self.add_error(key if key in self.fields else None, errors)
            return
        if field is not None and field not in self.fields:
            field = None
        super().add_error(field, error)
        if field is not None:
            widget = self.fields[field].widget
            ids = [f"{self[field].auto_id}_errors"]
            if self.fields[field].help_text:
                ids.append(f"{self[field].auto_id}_help")
            widget.attrs["aria-describedby"] = " ".join(ids)
            widget.attrs["aria-invalid"] = "true"


def _date() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _datetime() -> forms.DateTimeInput:
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)


class ProgrammeForm(AccessibleForm):
    name = forms.CharField(
        label=_("Nama program"), max_length=200, help_text=_("Mis. Desa Binaan Kepri 2026")
    )
    starts_on = forms.DateField(label=_("Mulai"), widget=_date())
    ends_on = forms.DateField(label=_("Selesai"), widget=_date())
    goals = forms.CharField(label=_("Tujuan"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    agencies = forms.ModelMultipleChoiceField(
        label=_("Instansi mitra"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = office.agencies.all()


class VillageForm(AccessibleForm):
    region_code = RegionField(label=_("Desa/kelurahan sasaran"))
    officer = forms.ModelChoiceField(
        label=_("Pimpasa (petugas kantor)"),
        queryset=None,
        required=False,
        empty_label=_("- bukan pengguna Jaring -"),
    )
    officer_name = forms.CharField(
        label=_("atau nama Pimpasa"),
        max_length=120,
        required=False,
        help_text=_("Jika Pimpasa tidak punya akun Jaring."),
    )
    latitude = forms.DecimalField(label=_("Lintang"), required=False, max_digits=8, decimal_places=5)
    longitude = forms.DecimalField(
        label=_("Bujur"),
        required=False,
        max_digits=8,
        decimal_places=5,
        help_text=_("Koordinat hanya untuk peta cakupan, mis. 0.55 dan 104.24."),
    )

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region_code"].widget.within = office.region_code
        self.fields["officer"].queryset = staff_users_of_office(office).order_by("first_name", "username")


class EventForm(AccessibleForm):
    title = forms.CharField(label=_("Judul kegiatan"), max_length=200)
    kind = forms.ChoiceField(label=_("Jenis kegiatan"), choices=EventKind.choices)
    starts_at = forms.DateTimeField(label=_("Mulai"), widget=_datetime(), input_formats=[DATETIME_FORMAT])
    ends_at = forms.DateTimeField(label=_("Selesai"), widget=_datetime(), input_formats=[DATETIME_FORMAT])
    region_code = RegionField(label=_("Wilayah (sampai desa/kelurahan)"), required=False)
    venue = forms.CharField(
        label=_("Tempat"), max_length=200, required=False, help_text=_("Mis. Balai desa, aula sekolah")
    )
    programme = forms.ModelChoiceField(
        label=_("Program"), queryset=None, required=False, empty_label=_("- tanpa program -")
    )
    topics = forms.MultipleChoiceField(
        label=_("Topik"), choices=Topic.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    audiences = forms.MultipleChoiceField(
        label=_("Kelompok sasaran"),
        choices=Audience.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Instansi mitra yang terlibat"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    materials = forms.CharField(label=_("Materi"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    follow_ups = forms.CharField(
        label=_("Tindak lanjut"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region_code"].widget.within = office.region_code
        self.fields["programme"].queryset = office.outreach_programmes.all()
        self.fields["agencies"].queryset = office.agencies.all()

    @staticmethod
    def initial_from(event: Event) -> dict:
        return {
            "title": event.title,
            "kind": event.kind,
            "starts_at": event.starts_at,
            "ends_at": event.ends_at,
            "region_code": event.region_code,
            "venue": event.venue,
            "programme": event.programme_id,
            "topics": event.topics,
            "audiences": event.audiences,
            "agencies": list(event.agencies.values_list("pk", flat=True)),
            "materials": event.materials,
            "notes": event.notes,
            "follow_ups": event.follow_ups,
        }


class AttendanceForm(AccessibleForm):
    attendance_total = forms.IntegerField(label=_("Jumlah peserta"), min_value=0)
    male = forms.IntegerField(label=_("Laki-laki"), min_value=0)
    female = forms.IntegerField(label=_("Perempuan"), min_value=0)
    age_under_18 = forms.IntegerField(label=AgeBand.UNDER_18.label, min_value=0)
    age_18_25 = forms.IntegerField(label=AgeBand.AGE_18_25.label, min_value=0)
    age_26_40 = forms.IntegerField(label=AgeBand.AGE_26_40.label, min_value=0)
    age_41_60 = forms.IntegerField(label=AgeBand.AGE_41_60.label, min_value=0)
    age_over_60 = forms.IntegerField(label=AgeBand.OVER_60.label, min_value=0)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list:
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleImageField, self).clean(f, initial) for f in files if f]


class PhotoForm(AccessibleForm):
    photos = MultipleImageField(
        label=_("Foto dokumentasi"),
        help_text=_("JPG, PNG atau WebP. Data lokasi dan perangkat di dalam foto dihapus otomatis."),
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    caption = forms.CharField(label=_("Keterangan foto"), max_length=200, required=False)


class SessionRequestForm(AccessibleForm):
    organisation = forms.CharField(label=_("Nama desa, sekolah, perusahaan atau komunitas"), max_length=200)
    requester_kind = forms.ChoiceField(
        label=_("Jenis pemohon"), choices=RequesterKind.choices, widget=forms.RadioSelect
    )
    region_code = RegionField(label=_("Lokasi"), required=False)
    contact_name = forms.CharField(label=_("Nama narahubung"), max_length=200)
    contact_phone = forms.CharField(
        label=_("Nomor telepon/WhatsApp"),
        max_length=40,
        help_text=_("Hanya untuk petugas yang menjadwalkan; tidak ditampilkan di situs."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    preferred_date = forms.DateField(label=_("Tanggal yang diinginkan"), required=False, widget=_date())
    topics = forms.MultipleChoiceField(
        label=_("Topik yang diminta"),
        choices=Topic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audience_size = forms.IntegerField(
        label=_("Perkiraan jumlah peserta"), required=False, min_value=1, max_value=100000
    )
    message = forms.CharField(
        label=_("Keterangan"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    # Honeypot: hidden from people (.hp), filled by bots.
    website = forms.CharField(required=False, label=_("Jangan diisi"))

    def __init__(self, *args: Any, office: Office | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region_code"].widget.within = office.region_code[:2] if office else None
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})


class RequestUpdateForm(AccessibleForm):
    status = forms.ChoiceField(label=_("Status"), choices=RequestStatus.choices)
    event = forms.ModelChoiceField(
        label=_("Kegiatan terjadwal"), queryset=None, required=False, empty_label="-"
    )
    staff_note = forms.CharField(
        label=_("Catatan petugas"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.filter(office=office).order_by("-starts_at")


def quiz_form(questions: list, data: Any = None) -> AccessibleForm:
    """One required radio group per question, labels in the visitor's language."""
    form = AccessibleForm(data)
    for question in questions:
        form.fields[question.id] = forms.ChoiceField(
            label=question.label,
            choices=[(o.key, o.label) for o in question.options],
            widget=forms.RadioSelect,
            error_messages={"required": _("Pilih salah satu jawaban.")},
        )
    return form
