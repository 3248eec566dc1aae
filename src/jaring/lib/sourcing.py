"""What makes a citation acceptable on a public page: an openable URL of the exact document or article (never
a site root such as https://www.thejakartapost.com/), a title, and the date it was read. Shared by the
seed data checks, the tests and the `content_review` command."""

import datetime
from urllib.parse import urlsplit

REVIEW_AFTER_DAYS = 365
SOURCE_KEYS = ("title", "publisher", "url", "date", "accessed")


def is_site_root(url: str) -> bool:
    """True for a bare host (https://example.org or https://example.org/): it names a site, not a document."""
    parts = urlsplit(url)
    return not parts.path.strip("/") and not parts.query


def source_problems(source: dict) -> list[str]:
    """What is wrong with one citation, as short English phrases (empty when it is fine)."""
    problems = []
    url = (source.get("url") or "").strip()
    if not url:
        problems.append(f"no URL: {source.get('title', '')!r}")
    elif urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        problems.append(f"not an http(s) URL: {url}")
    elif is_site_root(url):
        problems.append(f"site root, not a document: {url}")
    if not (source.get("title") or "").strip():
        problems.append(f"no title: {url}")
    if not _is_date(source.get("accessed") or ""):
        problems.append(f"no date accessed: {url}")
    return problems


def sources_problems(sources: list[dict]) -> list[str]:
    if not sources:
        return ["no source"]
    return [problem for source in sources for problem in source_problems(source)]


def parse_date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _is_date(value: str) -> bool:
    return parse_date(value) is not None
