"""Numbers for someone in danger now (data/emergency.json): police and emergency lines in Indonesia, the
foreign ministry's protection hotline, and the embassies and consulates where victims end up. Each number
carries its official source; an entry without one is shown without a number, with a link to the mission's
official page (`page`) and where to look instead."""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from jaring.lib.sourcing import is_site_root, sources_problems

DATA = Path(__file__).resolve().parent / "data" / "emergency.json"
GROUPS = ("indonesia", "kemlu", "mission", "layanan")  # layanan: complaints lines, not emergencies
# An embassy's or consulate's number is kept only when the foreign ministry's own site lists it.
OFFICIAL_MISSION_HOST = "kemlu.go.id"


@dataclass(frozen=True)
class Entry:
    key: str
    group: str
    place: str
    name: str
    number: str
    tel: str
    note: str
    sources: tuple[dict, ...]
    page: str = ""
    # A WhatsApp line (the office's): linked as a chat, since no source says it takes calls.
    whatsapp: bool = False

    @property
    def href(self) -> str:
        return f"https://wa.me/{self.tel.lstrip('+')}" if self.whatsapp else f"tel:{self.tel}"


def check(data: dict) -> dict:
    """Fails loudly at load: a number without a source must never reach someone in danger."""
    seen = set()
    for entry in data["entries"]:
        key = entry["key"]
        if key in seen or entry["group"] not in GROUPS:
            raise ValueError(f"emergency: duplicate key or unknown group: {key}")
        seen.add(key)
        if entry["number"]:
            problems = sources_problems(entry["sources"])
            if problems or not entry["tel"].lstrip("+").isdigit():
                raise ValueError(f"emergency {key}: {problems or 'tel must be digits'}")
        if (
            entry["number"]
            and entry["group"] == "mission"
            and not any(_host(s.get("url", "")).endswith(OFFICIAL_MISSION_HOST) for s in entry["sources"])
        ):
            raise ValueError(f"emergency {key}: a mission's number needs the ministry's own page as a source")
        page = entry.get("page", "")
        if page and (not page.startswith("https://") or is_site_root(page)):
            raise ValueError(f"emergency {key}: page must be an https address of the mission's own page")
    return data


def _host(url: str) -> str:
    return urlsplit(url).hostname or ""


@lru_cache(maxsize=1)
def data() -> dict:
    return check(json.loads(DATA.read_text(encoding="utf-8")))


def entries(language: str) -> list[Entry]:
    lang = "en" if language == "en" else "id"
    return [
        Entry(
            key=e["key"],
            group=e["group"],
            place=e["place"][lang],
            name=e["name"][lang],
            number=e["number"],
            tel=e["tel"],
            note=e["note"][lang],
            sources=tuple(e["sources"]),
            page=e.get("page", ""),
            whatsapp=e.get("whatsapp", False),
        )
        for e in data()["entries"]
    ]


def entry(key: str, language: str = "id") -> Entry:
    return next(e for e in entries(language) if e.key == key)
