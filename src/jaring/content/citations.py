"""Documents cited by short statements on public pages outside the articles (footer, home, the checker's
"Jalur resmi" card, the Lapor form): each statement links the document it rests on. Same rules as every
source (jaring.lib.sourcing; docs/content.md "Keeping facts true"), checked by tests/content/test_sourcing.py."""

import json

from django.utils.translation import get_language

from jaring.screening.engine.ruleset import DEFAULT_PATH as RULES_PATH

# Laws the checker's rules already cite are read from rules.json's sources table: one place for each address.
_RULE_SOURCES = json.loads(RULES_PATH.read_text(encoding="utf-8"))["sources"]


def _from_rules(key: str, label: dict[str, str]) -> dict:
    source = _RULE_SOURCES[key][0]
    return {name: source[name] for name in ("title", "publisher", "url", "date", "accessed")} | {
        "label": label
    }


CITATIONS: dict[str, dict] = {
    # Registration as a prospective migrant worker (CPMI) online through Kemnaker's SIAPkerja.
    "siapkerja": {
        "title": "Cara daftar menjadi TKI/PMI secara resmi (pendaftaran CPMI lewat SIAPkerja Kemnaker, menu "
        "Jenjang Karir Luar Negeri)",
        "publisher": "ANTARA (antaranews.com)",
        "url": "https://antaranews.com/berita/4411917/cara-daftar-menjadi-tki-pmi-secara-resmi",
        "date": "",
        "accessed": "2026-12-05",
        "label": {"id": "ANTARA: cara daftar resmi", "en": "ANTARA: how to register officially"},
    },
    # Since 17 July 2023 placement services run through SISKOP2MI integrated with SIAPkerja; registration and
    # the placement agreement at the LTSA, documents, orientation and biometrics at BP3MI (head of BP2MI).
    "ltsa": {
        "title": "BP2MI alihkan layanan Siskot KLN ke aplikasi SIAPkerja (pendaftaran dan perjanjian penempatan "
        "di LTSA; dokumen, orientasi dan biometrik di BP3MI)",
        "publisher": "alinea.id",
        "url": "https://alinea.id/bisnis/bp2mi-alihkan-layanan-siskot-kln-ke-aplikasi-siapkerja-b2hUg9Nxs",
        "date": "2023-07-17",
        "accessed": "2026-12-05",
        "label": {"id": "alinea.id: layanan di LTSA", "en": "alinea.id: services at the LTSA"},
    },
    "uu18": _from_rules("uu18", {"id": "UU 18/2017", "en": "Law 18/2017"}),
    "uu21": _from_rules("uu21", {"id": "UU 21/2007", "en": "Law 21/2007"}),
    # No official address of UU 31/2014 was found cited anywhere (docs/content.md, "Laws without an official
    # address"): the law-journal article the content already cites stands in.
    "uu31": {
        "title": "Perlindungan hukum terhadap pengungkap fakta menurut UU 31/2014 Pasal 10",
        "publisher": "ejournal.unsrat.ac.id",
        "url": "https://ejournal.unsrat.ac.id/v3/index.php/administratum/article/view/11796",
        "date": "",
        "accessed": "2026-12-04",
        "label": {"id": "UU 31/2014 (ulasan jurnal hukum)", "en": "Law 31/2014 (law-journal article)"},
    },
    "uu27": {
        "title": "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi",
        "publisher": "JDIH BPK (peraturan.bpk.go.id)",
        "url": "https://peraturan.bpk.go.id/Details/229798/uu-no-27-tahun-2022",
        "date": "",
        "accessed": "2026-12-05",
        "label": {"id": "UU 27/2022", "en": "Law 27/2022"},
    },
}


def citation(key: str) -> dict:
    """The document with its link text in the active language."""
    source = CITATIONS[key]
    language = "en" if (get_language() or "id")[:2] == "en" else "id"
    return {**source, "text": source["label"][language]}
