"""What the engine may ask the database, as a protocol, so the engine itself never imports Django.

The web, API and CLI pass a database-backed implementation (screening.selectors.DatabaseLookups); the unit
tests and benchmarks pass StaticLookups.
"""

from dataclasses import dataclass, field
from typing import Protocol

from rapidfuzz import fuzz, process

from jaring.lib.text import fold

_LEGAL_FORMS = {"pt", "cv", "tbk", "persero", "p", "t"}


@dataclass(frozen=True)
class LicensedCompany:
    name: str
    licence_number: str
    phones: tuple[str, ...] = ()  # E.164
    is_sample: bool = False


class Lookups(Protocol):
    def has_registry(self) -> bool: ...

    def licensed(self, name: str) -> LicensedCompany | None: ...

    def confirmed(self, identifiers: list[tuple[str, str]]) -> dict[tuple[str, str], str]: ...


def company_key(name: str) -> str:
    """Comparable form of a company name: folded, punctuation and legal forms (PT, CV, Tbk) dropped."""
    cleaned = "".join(ch if ch.isalnum() else " " for ch in fold(name))
    return " ".join(word for word in cleaned.split() if word not in _LEGAL_FORMS)


class RegistryIndex:
    """In-memory registry of licensed P3MI; names are matched exactly, then fuzzily (typos, spacing)."""

    def __init__(self, companies: list[LicensedCompany]) -> None:
        self.by_key = {company_key(c.name): c for c in companies}
        self.keys = list(self.by_key)

    def __len__(self) -> int:
        return len(self.keys)

    def find(self, name: str) -> LicensedCompany | None:
        key = company_key(name)
        if not key:
            return None
        if key in self.by_key:
            return self.by_key[key]
        best = process.extractOne(key, self.keys, scorer=fuzz.ratio, score_cutoff=92)
        return self.by_key[best[0]] if best else None


@dataclass
class StaticLookups:
    companies: list[LicensedCompany] = field(default_factory=list)
    confirmed_identifiers: dict[tuple[str, str], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index = RegistryIndex(self.companies)

    def has_registry(self) -> bool:
        return len(self._index) > 0

    def licensed(self, name: str) -> LicensedCompany | None:
        return self._index.find(name)

    def confirmed(self, identifiers: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        return {i: self.confirmed_identifiers[i] for i in identifiers if i in self.confirmed_identifiers}
