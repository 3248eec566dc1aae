"""The officers' identifier search: a query is read as the linker reads a party's value (lib.identifiers), so
"0812-3456-7890", "081234567890", "+62 812 3456 7890", "nol delapan satu dua ..." and "wa.me/62812..." all find
the stored +6281234567890, "Budi@Example.com" the stored budi@example.com, "BCA 123-456-7890" bca:1234567890.

A query that is only part of a value (the first digits of a number, one word of a name) still finds it through
fragments matched inside stored values, as the box did before.
"""

import re
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from jaring.lib import identifiers as ids
from jaring.lib.text import fold
from jaring.network.labels import kind_label

MAX_QUERY = 100
MIN_FRAGMENT = 3  # characters of a text fragment; shorter ones match half the table
MIN_DIGITS = 4  # digits of a number fragment
NAME_KINDS = ("company", "person", "vessel")  # read from almost any words: only kept when they hold a letter
READING_KINDS = ("phone", "account", "handle")  # stored apart as "?" + value while an officer decides
_NUMBER = re.compile(r"\+?[\d\s().\-]+")
_SEPARATORS = re.compile(r"[\s().\-]")


@dataclass(frozen=True)
class IdentifierQuery:
    text: str
    values: tuple[tuple[str, str], ...]  # (kind, normal form) as the linker stores them
    fragments: tuple[str, ...]  # parts of stored values
    error: str = ""

    def readings(self) -> list[tuple[str, str]]:
        """(kind label, value) of what the query was read as, names once whatever kinds read them."""
        shown = [(kind_label(kind), value) for kind, value in self.values if kind not in NAME_KINDS]
        names = [value for kind, value in self.values if kind in NAME_KINDS]
        if names:
            shown.append((_("Nama"), " / ".join(dict.fromkeys(names))))
        return shown

    def condition(self) -> Q:
        """Identifiers with one of the values, or a fragment inside their value."""
        found = Q(pk__in=[])
        for kind, value in self.values:
            found |= Q(kind=kind, normalized=value)
            if kind in READING_KINDS:
                found |= Q(kind=kind, normalized=ids.UNCONFIRMED + value)
        for fragment in self.fragments:
            found |= Q(normalized__icontains=fragment)
        return found


def identifier_query(text: str, kind: str = "") -> IdentifierQuery:
    """How the search box reads `text` (limited to `kind` when one is chosen)."""
    text = text.strip()[:MAX_QUERY]
    read = [pair for k in ids.KINDS for pair in ids.normalise(k, text)] + [
        (i.kind, i.value) for i in ids.read(text=text)
    ]
    values = [pair for i, pair in enumerate(read) if pair not in read[:i] and (not kind or pair[0] == kind)]
    values = _likely(values, has_letters=any(ch.isalpha() for ch in text))
    fragments = _fragments(text, values)
    error = ""
    if not values and not fragments:
        error = _(
            "“%(q)s” tidak terbaca sebagai nomor telepon, email, tautan, akun, rekening atau nama. Contoh: "
            "0812-3456-7890, nama@contoh.com, @akun, BCA 1234567890, Budi Santoso."
        ) % {"q": text}
    return IdentifierQuery(text=text, values=tuple(values), fragments=fragments, error=error)


def _likely(values: list[tuple[str, str]], *, has_letters: bool) -> list[tuple[str, str]]:
    """Drop the readings that every kind's parser would also accept but the officer did not mean: the domain of
    an e-mail as a link, a phone typed as a bank-less account, digits as a handle, a number as a company."""
    kinds = {kind for kind, _value in values}
    strong = kinds - {*NAME_KINDS, "handle"}  # "budi" may be a handle or a name: both are searched
    kept = []
    for kind, value in values:
        if kind in NAME_KINDS and (
            strong or len(value) < MIN_FRAGMENT or not any(c.isalpha() for c in value)
        ):
            continue
        if kind == "url" and "email" in kinds:
            continue
        if kind == "handle" and ("email" in kinds or not has_letters):
            continue
        if kind == "account" and value.startswith("bank:") and "phone" in kinds:
            continue
        kept.append((kind, value))
    return kept


def _fragments(text: str, values: list[tuple[str, str]]) -> tuple[str, ...]:
    if _NUMBER.fullmatch(text):
        # A number typed in part ("0812-3456", "+62812"): its digits without the trunk or international prefix
        # are inside the stored +62..., bca:0812... and wa.me/62... alike.
        digits = _SEPARATORS.sub("", text).lstrip("+")
        digits = digits[2:] if digits.startswith("00") else digits.removeprefix("0")
        return (digits,) if len(digits) >= MIN_DIGITS else ()
    found: list[str] = []
    words = " ".join(fold(text).lstrip("@").split())
    if len(words) >= MIN_FRAGMENT and any(ch.isalnum() for ch in words):
        found.append(words)
    for kind, value in values:  # "PT Maju Jaya" finds "maju jaya abadi"; "Pak Budi" finds "budi santoso"
        if kind in NAME_KINDS and value not in found and len(value) >= MIN_FRAGMENT:
            found.append(value)
    return tuple(found)
