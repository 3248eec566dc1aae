"""finditer for patterns whose matches can only begin at a few characters (digits, "+", "@").

Python's regex engine tries a pattern with a look-behind at every position of the text. A second, one-character
pattern that finds where a match can begin (the look-behind put after that character) lets the engine skip to
those positions; the full pattern is then tried there only. Used by the phone and account scans.
"""

import re
from collections.abc import Iterator


def anchored_matches(start: re.Pattern, pattern: re.Pattern, text: str, pos: int = 0) -> Iterator[re.Match]:
    """pattern.finditer(text, pos), given that every match of pattern begins where `start` matches."""
    candidate = start.search(text, pos)
    while candidate is not None:
        found = pattern.match(text, candidate.start())
        if found is not None:
            yield found
        candidate = start.search(text, found.end() if found is not None else candidate.start() + 1)
