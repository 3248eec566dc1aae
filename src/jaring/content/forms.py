from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jaring.content.models import Article, Language, Status, Topic
from jaring.content.services import sources_clean
from jaring.lib.sourcing import SOURCE_KEYS


def sources_to_text(sources: list[dict]) -> str:
    return "\n".join(" | ".join(s.get(k, "") for k in SOURCE_KEYS).rstrip(" |") for s in sources)


def sources_from_text(text: str) -> list[dict[str, str]]:
    """One source per line: Title | Publisher | https://address | publication date | date read."""
    rows = []
    for line in text.splitlines():
        if line.strip():
            parts = [p.strip() for p in line.split("|")] + [""] * len(SOURCE_KEYS)
            rows.append(dict(zip(SOURCE_KEYS, parts[: len(SOURCE_KEYS)], strict=True)))
    try:
        return sources_clean(rows)
    except ValidationError as error:
        raise ValidationError(error.message_dict["sources"]) from None


SOURCES_HELP = _(
    "Satu sumber per baris: Judul | Penerbit | https://alamat-dokumen | tanggal terbit | tanggal diperiksa "
    "(TTTT-BB-HH). Tautkan dokumen atau berita yang dikutip, bukan halaman depan situs. Artikel atau tanya "
    "jawab hanya bisa diterbitkan dengan sumber dan tanggal Diperiksa pada."
)
REVIEWED_HELP = _("Tanggal terakhir Anda memeriksa setiap pernyataan terhadap sumbernya.")


class AccessibleForm(forms.Form):
    """Links each input to its help text and error list (aria-describedby) and marks invalid inputs."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-help"

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"{attrs.get('aria-describedby', '')} id_{name}-error".strip()


class ArticleForm(AccessibleForm):
    title = forms.CharField(label=_("Judul"), max_length=200)
    slug = forms.SlugField(
        label=_("Slug (alamat)"),
        max_length=120,
        required=False,
        help_text=_("Kosongkan untuk dibuat dari judul. Mengubahnya mengubah alamat halaman."),
    )
    language = forms.ChoiceField(label=_("Bahasa"), choices=Language.choices)
    translation_of = forms.ModelChoiceField(
        label=_("Terjemahan dari"),
        queryset=Article.objects.none(),
        required=False,
        help_text=_("Untuk versi bahasa Inggris: pilih artikel aslinya."),
    )
    topic = forms.ChoiceField(label=_("Topik"), choices=Topic.choices)
    summary = forms.CharField(label=_("Ringkasan"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))
    body = forms.CharField(
        label=_("Isi (Markdown)"),
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_("Subjudul dengan ##, daftar dengan -, tautan dengan [teks](https://...)."),
    )
    sources = forms.CharField(
        label=_("Sumber"), required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text=SOURCES_HELP
    )
    reviewed_on = forms.DateField(label=_("Diperiksa pada"), required=False, help_text=REVIEWED_HELP)

    def __init__(self, *args, articles=None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if articles is not None:
            self.fields["translation_of"].queryset = articles

    def clean_sources(self) -> list[dict[str, str]]:
        return sources_from_text(self.cleaned_data["sources"])


class FaqForm(AccessibleForm):
    question = forms.CharField(label=_("Pertanyaan"), max_length=300)
    key = forms.SlugField(
        label=_("Kunci"),
        max_length=80,
        required=False,
        help_text=_("Kosongkan untuk dibuat dari pertanyaan."),
    )
    language = forms.ChoiceField(label=_("Bahasa"), choices=Language.choices)
    topic = forms.ChoiceField(label=_("Topik"), choices=Topic.choices)
    order = forms.IntegerField(label=_("Urutan"), min_value=0, max_value=32000, initial=100)
    answer = forms.CharField(label=_("Jawaban (Markdown)"), widget=forms.Textarea(attrs={"rows": 8}))
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    sources = forms.CharField(
        label=_("Sumber"), required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=SOURCES_HELP
    )
    reviewed_on = forms.DateField(label=_("Diperiksa pada"), required=False, help_text=REVIEWED_HELP)

    def clean_sources(self) -> list[dict[str, str]]:
        return sources_from_text(self.cleaned_data["sources"])
