"""Section pages read as an outline: one h1, no heading repeated, no level skipped (screen readers jump by them)."""

from html.parser import HTMLParser

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


class _Headings(HTMLParser):
    """(level, text) of every heading inside <main>."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[int, str]] = []
        self._in_main = False
        self._level = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "main":
            self._in_main = True
        elif self._in_main and len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self._level = int(tag[1])
            self.found.append((self._level, ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self._in_main = False
        elif self._level and tag == f"h{self._level}":
            self._level = 0

    def handle_data(self, data: str) -> None:
        if self._level:
            level, text = self.found[-1]
            self.found[-1] = (level, (text + data).strip())


def headings(html: str) -> list[tuple[int, str]]:
    parser = _Headings()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("path", ["/layanan/", "/en/layanan/", "/edukasi/", "/en/edukasi/"])
def test_section_page_has_one_h1_and_an_ordered_outline(client: Client, seeded, path: str) -> None:
    found = headings(client.get(path).content.decode())
    assert [level for level, _text in found].count(1) == 1 and found[0][0] == 1
    texts = [text.casefold() for _level, text in found]
    assert len(texts) == len(set(texts)), found
    for (before, _b), (after, _a) in zip(found, found[1:], strict=False):
        assert after <= before + 1, found


def test_layanan_names_its_topic_once(client: Client, seeded) -> None:
    html = client.get("/layanan/").content.decode()
    found = headings(html)
    assert found[0] == (1, "Layanan keimigrasian")
    assert [text for _level, text in found].count("Layanan keimigrasian") == 1
    # The service articles are the next level under the page's title.
    assert (2, "M-Paspor") in found or any(level == 2 and "Paspor" in text for level, text in found)
    english = headings(client.get("/en/layanan/").content.decode())
    assert [text for _level, text in english].count(english[0][1]) == 1
