"""The "Siap berangkat?" checklist: documents and steps of the legal route, kept as reviewable data
(data/checklist.json) and evaluated against what the visitor ticked."""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "checklist.json"
LANGUAGES = ("id", "en")
ITEM_TEXTS = ("title", "why", "where", "cost")


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    why: str
    where: str
    cost: str
    source: str


@dataclass(frozen=True)
class Result:
    have: list[Item]
    missing: list[Item]

    @property
    def done(self) -> bool:
        return not self.missing


def _check(data: dict) -> dict:
    """Fails loudly at load: a broken data file must not reach visitors as a half-empty checklist."""
    seen = set()
    for item in data["items"]:
        if not item.get("id") or item["id"] in seen:
            raise ValueError(f"checklist: missing or duplicate id {item.get('id')!r}")
        seen.add(item["id"])
        for key in ITEM_TEXTS:
            for lang in LANGUAGES:
                if not str(item.get(key, {}).get(lang, "")).strip():
                    raise ValueError(f"checklist item {item['id']}: no {key}.{lang}")
        if not item.get("source"):
            raise ValueError(f"checklist item {item['id']}: no source")
    return data


@lru_cache(maxsize=1)
def _data() -> dict:
    return _check(json.loads(DATA.read_text(encoding="utf-8")))


def _lang(language: str) -> str:
    return language if language in LANGUAGES else "id"


def items(language: str) -> list[Item]:
    lang = _lang(language)
    return [
        Item(id=raw["id"], source=raw["source"], **{key: raw[key][lang] for key in ITEM_TEXTS})
        for raw in _data()["items"]
    ]


def sources() -> list[dict[str, str]]:
    return list(_data()["sources"])


def reviewed_on() -> str:
    return str(_data().get("reviewed_on", ""))


def evaluate(have_ids: set[str], language: str) -> Result:
    all_items = items(language)
    return Result(
        have=[i for i in all_items if i.id in have_ids],
        missing=[i for i in all_items if i.id not in have_ids],
    )
