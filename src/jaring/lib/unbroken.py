"""Phone numbers in running text stay on one line: a narrow phone screen must not break "0811-7002-019" at a
hyphen (the reader would dial half a number)."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# "0811-7002-019", "0800-1000", "+62 812-9007-0027"; not "110" or "24 jam".
PHONE = re.compile(r"\+?\d{2,4}(?:[ -]\d{3,4}){1,3}")


def phones_unbroken(text: str) -> SafeString:
    """The text, escaped, with each phone number in <span class="nowrap"> (jaring.css)."""
    return mark_safe(PHONE.sub(lambda m: f'<span class="nowrap">{m.group()}</span>', escape(text)))  # noqa: S308
