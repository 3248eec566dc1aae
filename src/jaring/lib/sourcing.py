"""What makes a citation acceptable on a public page: an openable URL of the exact document or article (never
a site root such as https://www.thejakartapost.com/), a title, and the date it was read; and a law's text
cited from the state's own publication (JDIH, peraturan.go.id), not from a copy on another site. Shared by the
seed data checks, the officers' editor, the tests and the `content_review` command."""

import datetime
import re
from urllib.parse import urlsplit

REVIEW_AFTER_DAYS = 365
SOURCE_KEYS = ("title", "publisher", "url", "date", "accessed")

# Where the state publishes the text of its laws: the national legislation portal, the BPK legal database,
# the national JDIH network, and every ministry's or agency's own JDIH (jdih.<agency>.go.id).
OFFICIAL_LAW_HOSTS = ("peraturan.go.id", "peraturan.bpk.go.id", "jdihn.go.id")

# A source "cites a law's text" when its title starts with the law's formal name and number (a news headline
# about a law does not). Such a source must come from an official host.
_LAW_TITLE = re.compile(
    r"^\s*(undang-undang|uu|kuhp|kitab undang-undang|peraturan (pemerintah|presiden|menteri|badan|bp2mi)|"
    r"pp|perpres|permen\w*|perban|keputusan menteri|kepmen\w*)\b[\s\S]*?\d",
    re.IGNORECASE,
)

# Laws for which no official address could be found cited by any public source in the review of 2026-12-04
# (docs/content.md, "Laws without an official address"). The best available copy stays, named here, so
# that any other non-official copy of a law still fails the check. Remove an entry once the JDIH link is in.
UNOFFICIAL_LAW_COPIES = {
    "https://id.wikisource.org/wiki/Undang-Undang_Republik_Indonesia_Nomor_18_Tahun_2017": "UU 18/2017",
    "https://regulasip.id/book/21864/read": "Permenkumham 9/2024",
}


def is_site_root(url: str) -> bool:
    """True for a bare host (https://example.org or https://example.org/): it names a site, not a document."""
    parts = urlsplit(url)
    return not parts.path.strip("/") and not parts.query


def is_official_law_host(url: str) -> bool:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return host in OFFICIAL_LAW_HOSTS or (host.startswith("jdih.") and host.endswith(".go.id"))


def cites_law_text(source: dict) -> bool:
    return bool(_LAW_TITLE.match(source.get("title") or ""))


def law_copy_problem(source: dict) -> str:
    """Non-empty when the source presents a law's text from a site that is not the state's publication."""
    url = (source.get("url") or "").strip()
    if not url or not cites_law_text(source) or is_official_law_host(url) or url in UNOFFICIAL_LAW_COPIES:
        return ""
    return f"law cited from a non-official copy (use JDIH or peraturan.go.id): {url}"


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
    elif law_copy_problem(source):
        problems.append(law_copy_problem(source))
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
