"""Indonesian text helpers shared by search, the job-offer checker and identifier extraction."""

import re
import unicodedata
from functools import lru_cache
from typing import Any

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

_WORD = re.compile(r"[0-9a-z]+")


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    # Built on first use (it loads a dictionary): identifier extraction and its worker processes use fold only.
    return StemmerFactory().create_stemmer()


def fold(text: str) -> str:
    """Lower-case, strip accents and compatibility forms (full-width digits, ligatures)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Root of an Indonesian word: bekerja, pekerjaan, dipekerjakan -> kerja."""
    if len(word) < 4 or word.isdigit():
        return word
    return _stemmer().stem(word) or word


def stems(text: str) -> list[str]:
    return [stem(word) for word in words(text)]


def search_terms(text: str) -> str:
    """A space-joined string of stems: what search indexes store and queries are matched against."""
    return " ".join(stems(text))
