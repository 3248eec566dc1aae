"""Open data: the public table as CSV and JSON, described by data/open_data.json (dictionary and licence)."""

import csv
import io
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jaring.insights.public import YearTable

DICTIONARY_PATH = Path(__file__).parent / "data" / "open_data.json"


@lru_cache(maxsize=1)
def dictionary() -> dict[str, Any]:
    return json.loads(DICTIONARY_PATH.read_text(encoding="utf-8"))


def field_names() -> list[str]:
    return [f["name"] for f in dictionary()["fields"]]


def csv_field_names() -> list[str]:
    """The CSV's columns: the dictionary's fields, then the sample-data mark (one file, read without its JSON
    twin, must still say when its figures include sample data)."""
    return [*field_names(), dictionary()["sample_data"]["name"]]


def as_csv(table: YearTable) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=csv_field_names(), lineterminator="\n")
    writer.writeheader()
    mark = {dictionary()["sample_data"]["name"]: "true" if table.has_sample else "false"}
    writer.writerows(row | mark for row in table.rows())
    writer.writerow(table.total_row() | mark)
    return out.getvalue()


def as_json(table: YearTable, *, dictionary_url: str) -> dict[str, Any]:
    meta = dictionary()
    return {
        "title": meta["title"],
        "year": table.year,
        "licence": meta["licence"],
        "dictionary": dictionary_url,
        "suppression": meta["suppression"],
        "sample_data": table.has_sample,
        "rows": table.rows(),
        "total": table.total_row(),
    }
