"""The sourced screening corpus (data/corpus/*.jsonl): loading, schema checks, the frozen test split, counts.

Pure Python (no Django): the evaluation script, the training command and the tests all read it the same way.
Schema: /work/shared CORPUS.md, summarised in data/corpus/DATASHEET.md.
"""

import hashlib
import json
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

CORPUS_DIR = Path(__file__).resolve().parent / "data" / "corpus"
LABELS = ("risk", "legit", "not_offer")
FLAGS = (
    "unlicensed_recruiter",
    "social_media_recruitment",
    "unsolicited_contact",
    "unrealistic_salary",
    "no_skills_needed",
    "fee_or_debt",
    "costs_covered_lure",
    "tourist_visa_for_work",
    "destination_scam_hub",
    "bait_and_switch_location",
    "irregular_route",
    "urgent_departure",
    "passport_retention",
    "personal_payment_account",
    "impersonation",
    "task_scam",
    "no_contract",
    "restricted_destination",
    "internship_disguised_work",
    "targets_youth_students",
)
LANGS = ("id", "ms", "en", "mixed")
FORMS = (
    "ad",
    "chat",
    "first_person",
    "retold",
    "news_quote",
    "announcement",
    "warning",
    "news",
    "statement",
    "other",
)
SOURCE_TYPES = ("news", "police", "ministry", "embassy", "vacancy", "ngo", "academic", "other")
# The frozen test split: about this share of the sources, chosen by a hash of the URL, never tuned on.
TEST_PERCENT = 20


def load(directory: Path = CORPUS_DIR) -> list[dict]:
    """Every item of every part file, in file then line order. A malformed line raises ValueError."""
    items = []
    for path in sorted(directory.glob("*.jsonl")):
        with path.open(encoding="utf-8") as stream:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path.name}:{number}: {error}") from None
    return items


def is_offer(item: dict) -> bool:
    return item["label"] != "not_offer"


def is_test(item: dict) -> bool:
    """In the frozen test split: decided by the source URL alone, so a source never straddles the split."""
    digest = hashlib.sha256(item["source"]["url"].strip().encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100 < TEST_PERCENT


def group_of(item: dict) -> str:
    return item["source"]["url"].strip()


def problems(items: list[dict]) -> list[str]:
    """Schema errors, one line each; [] when the corpus is valid."""
    errors = []
    seen: set[str] = set()
    per_url: Counter = Counter()
    for item in items:
        key = item.get("id", "?")
        errors += [f"{key}: {e}" for e in _item_problems(item)]
        if key in seen:
            errors.append(f"{key}: duplicate id")
        seen.add(key)
        if isinstance(item.get("source"), dict):
            per_url[item["source"].get("url")] += 1
    errors += [f"{url}: {n} items from one source (at most 4)" for url, n in per_url.items() if n > 4]
    return errors


def _item_problems(item: dict) -> list[str]:
    errors = []
    if not isinstance(item.get("id"), str) or not item["id"]:
        errors.append("id missing")
    if not isinstance(item.get("text"), str) or len(item["text"].strip()) < 10:
        errors.append("text missing or shorter than 10 characters")
    if item.get("label") not in LABELS:
        errors.append(f"label {item.get('label')!r} not in {LABELS}")
    flags = item.get("flags")
    if not isinstance(flags, list) or any(f not in FLAGS for f in flags):
        errors.append(f"flags {flags!r}: unknown code")
    elif item.get("label") != "risk" and flags:
        errors.append("flags on an item that is not risk")
    elif len(set(flags)) != len(flags):
        errors.append("repeated flag")
    if item.get("lang") not in LANGS:
        errors.append(f"lang {item.get('lang')!r}")
    if item.get("form") not in FORMS:
        errors.append(f"form {item.get('form')!r}")
    source = item.get("source")
    if not isinstance(source, dict):
        return [*errors, "source missing"]
    url = urlsplit(str(source.get("url", "")))
    if url.scheme not in ("http", "https") or not url.netloc:
        errors.append(f"source url {source.get('url')!r} is not a web address")
    elif url.path in ("", "/") and not url.query:
        errors.append(f"source url {source.get('url')!r} is a site root")
    if source.get("type") not in SOURCE_TYPES:
        errors.append(f"source type {source.get('type')!r}")
    for field in ("title", "outlet"):
        if not isinstance(source.get(field), str) or not source[field].strip():
            errors.append(f"source {field} missing")
    if not isinstance(source.get("date", ""), str):
        errors.append("source date is not a string")
    return errors


def counts_markdown(items: list[dict]) -> str:
    """The datasheet's generated tables (the test checks DATASHEET.md holds exactly this)."""
    lines = [
        f"Items: **{len(items)}** from **{len({group_of(i) for i in items})}** distinct source URLs "
        f"({sum(map(is_test, items))} items in the frozen test split)."
    ]
    for title, key in (
        ("label", lambda i: i["label"]),
        ("language", lambda i: i["lang"]),
        ("form", lambda i: i["form"]),
        ("source type", lambda i: i["source"]["type"]),
        ("part file", lambda i: i["id"].rsplit("-", 1)[0]),
    ):
        table = Counter(key(i) for i in items)
        lines += ["", f"| {title} | items |", "|---|---:|"]
        lines += [f"| {name} | {n} |" for name, n in sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))]
    flags = Counter(f for i in items for f in i["flags"])
    lines += ["", "| red flag (in risk items) | items |", "|---|---:|"]
    lines += [f"| {code} | {flags.get(code, 0)} |" for code in FLAGS]
    return "\n".join(lines) + "\n"


BEGIN = "<!-- counts: generated by `jaring screening_corpus --datasheet`; do not edit by hand -->"
END = "<!-- end of counts -->"


def datasheet_with_counts(datasheet: str, items: list[dict]) -> str:
    head, _, rest = datasheet.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n{counts_markdown(items)}{END}{tail}"
