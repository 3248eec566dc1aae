"""What officers read for Jaringan's stored codes: kinds, record types, categories and where a value was found
("party:0" is "Pihak terlapor 1"). The codes stay in the database and the API; the pages show these."""

from django.urls import reverse
from django.utils.translation import gettext as _

from jaring.network.models import LinkedRecord
from jaring.reports.models import Category, PartyKind


def _label(choices: type, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value or "-"


def kind_label(kind: str) -> str:
    return _label(PartyKind, kind)


def record_type_label(record_type: str) -> str:
    return _label(LinkedRecord.RecordType, record_type)


def category_label(category: str) -> str:
    return _label(Category, category) if category else _("Tanpa kategori")


def source_label(source: str, record_type: str) -> str:
    """ "text" and "party:<index>" as the officer knows them: the report's description, a reported party."""
    if source.startswith("party:") and source[6:].isdigit():
        n = int(source[6:]) + 1
        if record_type == LinkedRecord.RecordType.CHECKPOINT:
            return _("Pihak yang dicatat ke-%(n)s") % {"n": n}
        return _("Pihak terlapor ke-%(n)s") % {"n": n}
    if source == "text":
        if record_type == LinkedRecord.RecordType.MESSAGE:
            return _("Isi pesan pelapor")
        return _("Isi laporan")
    return source


def record_url(record_type: str, record_id: int, label: str) -> str:
    """The page of a record: the report (for a report or one of its messages) or the TPI screening."""
    if record_type == LinkedRecord.RecordType.CHECKPOINT:
        return reverse("checkpoints:detail", args=[record_id])
    return reverse("casework:detail", args=[label]) if label else ""
