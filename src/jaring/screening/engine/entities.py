"""Identifiers and facts found in an offer: phones, links, e-mails, handles, companies, accounts, places.

Every pattern here is bounded (fixed maximum repetitions, character classes that cannot overlap), so a
hostile text cannot make a search backtrack exponentially.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from jaring.lib import identifiers
from jaring.lib.phones import is_mobile

from .patterns import PhraseIndex
from .ruleset import Place
from .tokens import Token

MAX_PER_KIND = 50
FREE_MAIL = ("gmail.com", "yahoo.com", "yahoo.co.id", "hotmail.com", "outlook.com", "ymail.com", "proton.me")
WALLETS = frozenset({"dana", "ovo", "gopay", "shopeepay", "linkaja"})
# Bare domains ("bp2mi.go.id", "bit.ly/abc") that lib.identifiers leaves to URLs with a scheme.
_BARE_DOMAIN = re.compile(
    r"(?<![\w@./-])[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}"
    r"\.(?:com|id|net|org|my|sg|info|biz|xyz|top|site|online|link|ly|me|io|co|asia|club|vip|app)"
    r"\b(?:/[^\s<>\"'()]{0,200})?",
    re.IGNORECASE,
)
# Necessary for _BARE_DOMAIN (a domain character, a dot, the first letter of the top-level domain), found by a
# cheap scan.
_DOT_LETTER = re.compile(r"[a-z0-9-]\.[a-z]", re.IGNORECASE)
_HOLDER_PREFIXES = ("a.n", "a/n", "atas nama", "an.")
# Every holder name lib.identifiers finds starts with one of these (case folded); "an." alone never starts one.
_HOLDER_HINTS = ("a.n", "a/n", "atas nama")
# Passports, plates and vessels are not read from offers; skipping their scans saves time on every check.
_KINDS = ("phone", "email", "url", "handle", "account", "company")
_KINDS_WITH_HOLDER = (*_KINDS, "person")


@dataclass
class Entities:
    phones: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    emails: list[dict] = field(default_factory=list)
    handles: list[dict] = field(default_factory=list)
    companies: list[dict] = field(default_factory=list)
    accounts: list[dict] = field(default_factory=list)
    destinations: list[dict] = field(default_factory=list)
    salaries: list[dict] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    def as_dict(self) -> dict[str, list[dict]]:
        return {
            "phones": self.phones,
            "links": self.links,
            "emails": self.emails,
            "handles": self.handles,
            "companies": self.companies,
            "accounts": self.accounts,
            "destinations": self.destinations,
            "salaries": self.salaries,
        }


def _add_unique(items: list[dict], item: dict) -> None:
    if len(items) < MAX_PER_KIND and all(i["value"] != item["value"] for i in items):
        items.append(item)


@lru_cache(maxsize=10_000)
def _mobile(e164: str) -> bool:
    return is_mobile(e164)


def extract(text: str, tokens: list[Token], index: PhraseIndex, place_of: dict) -> Entities:
    """Entities of one text. Identifiers are normalised by lib.identifiers, exactly as the network linker does,
    so a value confirmed by an officer there matches the value found here."""
    found = Entities()
    holders: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    # Person names matter only as account holders ("a.n. Siti"): scanned only when such a prefix is present.
    holder_hint = any(prefix in text.lower() for prefix in _HOLDER_HINTS)
    for ident in identifiers.from_text(text, _KINDS_WITH_HOLDER if holder_hint else _KINDS):
        item = {"value": ident.value, "text": ident.raw, "start": ident.start, "end": ident.end}
        if ident.kind in ("phone", "account", "handle"):
            item["obfuscated"] = ident.confidence < 1.0  # spelled out, letters for digits, ...: read back
        taken.append((ident.start, ident.end))
        if ident.kind == "phone":
            _add_unique(found.phones, item | {"mobile": _mobile(ident.value)})
        elif ident.kind == "email":
            _add_unique(found.emails, item | {"free_mail": ident.value.endswith(FREE_MAIL)})
        elif ident.kind == "url":
            _add_unique(found.links, item)
        elif ident.kind == "handle":
            _add_unique(found.handles, item)
        elif ident.kind == "account":
            _add_unique(found.accounts, item | {"provider": ident.value.split(":", 1)[0]})
        elif ident.kind == "company":
            legal_form_id = ident.raw.upper().startswith(("PT", "P.T", "CV", "UD"))
            _add_unique(found.companies, item | {"country": "ID" if legal_form_id else None})
        elif ident.kind == "person" and ident.raw.lower().startswith(_HOLDER_PREFIXES):
            holders.append((ident.start, ident.value))
    if _DOT_LETTER.search(text):  # a bare domain needs "x.tld": most texts have none
        for match in _BARE_DOMAIN.finditer(text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            raw = match.group().rstrip(".,;:!?")
            for kind, value in identifiers.normalise_url(raw):
                if kind == "url":
                    _add_unique(
                        found.links,
                        {
                            "value": value,
                            "text": raw,
                            "start": match.start(),
                            "end": match.start() + len(raw),
                        },
                    )
    for account in found.accounts:
        holder = next((name for start, name in holders if 0 <= start - account["end"] <= 40), None)
        account["holder"] = holder
        # E-wallets belong to people; a bank account is personal when held in a person's name.
        account["personal"] = account["provider"] in WALLETS or holder is not None
    _places(tokens, index, place_of, found)
    for destination in found.destinations:
        destination["text"] = text[destination["start"] : destination["end"]]
    return found


def _places(tokens: list[Token], index: PhraseIndex, place_of: dict, found: Entities) -> None:
    first_words = index.classes["place"]
    after = 0  # a place ends here: the next one starts at or after it
    for i in [i for i, token in enumerate(tokens) if token.text in first_words]:
        if i < after:
            continue
        end = index.class_span("place", tokens, i)
        if end is None:
            continue
        phrase = tuple(token.text for token in tokens[i:end])
        place = place_of[phrase]
        found.places.append(place)
        _add_unique(
            found.destinations,
            {
                "value": " ".join(phrase),
                "text": None,
                "start": tokens[i].start,
                "end": tokens[end - 1].end,
                "country": place.country,
                "scam_hub": place.scam_hub,
            },
        )
        after = end
