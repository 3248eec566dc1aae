"""Identifiers and facts found in an offer: phones, links, e-mails, handles, companies, accounts, places.

Every pattern here is bounded (fixed maximum repetitions, character classes that cannot overlap), so a
hostile text cannot make a search backtrack exponentially.
"""

import re
from dataclasses import dataclass, field

from jaring.lib.phones import find_phones, is_mobile

from .patterns import PhraseIndex
from .ruleset import Place
from .tokens import Token

MAX_PER_KIND = 50

_URL = re.compile(r"\bhttps?://[^\s<>\"'()]{1,300}|\b(?:www\.)?[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}"
                  r"\.(?:com|id|net|org|my|sg|info|biz|xyz|top|site|online|link|ly|me|io|co|asia|club|vip|app)"
                  r"\b(?:/[^\s<>\"'()]{0,300})?", re.IGNORECASE)
_EMAIL = re.compile(r"\b[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,4}\b", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@.])@([a-z0-9_.]{3,32})\b", re.IGNORECASE)
FREE_MAIL = ("gmail.com", "yahoo.com", "yahoo.co.id", "hotmail.com", "outlook.com", "ymail.com", "proton.me")
# PT Maju Jaya, CV. Sinar Abadi, P.T. Karya: up to five capitalised words after the legal form.
_COMPANY_ID = re.compile(
    r"\b(?:PT|P\.T|CV|Pt|pt)\.?[ \t]{1,3}((?:[A-Z0-9][\w&'-]{0,30})(?:[ \t]{1,3}(?:[A-Z0-9][\w&'-]{0,30}|&)){0,5})"
)
# Maju Jaya Sdn Bhd, Sinar Pte Ltd: up to five capitalised words before the legal form.
_COMPANY_FOREIGN = re.compile(
    r"((?:[A-Z0-9][\w&'-]{0,30}[ \t]{1,3}){1,5})(Sdn\.?[ \t]?Bhd|Pte\.?[ \t]?Ltd|Co\.,?[ \t]?Ltd|Ltd|Inc|LLC)\b"
)
_COMPANY_STOP = {"Sdn", "Bhd", "Pte", "Ltd", "Tbk", "Persero", "Di", "Yang", "Untuk", "Dan", "Dengan"}
_BANK = (
    r"bca|bri|bni|mandiri|bsi|btn|cimb(?: niaga)?|danamon|permata|maybank|btpn|jenius|seabank|ocbc|panin|"
    r"bank [a-z]{2,12}"
)
_ACCOUNT = re.compile(
    rf"\b(?P<bank>{_BANK})\b[ \t:.,-]{{0,3}}(?:(?:no|nomor|norek|no\. ?rek|rek|rekening|acc|account)\.?[ \t:.-]{{0,3}})?"
    r"(?P<number>\d(?:[ -]?\d){6,19}+)\b",
    re.IGNORECASE,
)
_WALLET = re.compile(r"\b(?P<wallet>dana|ovo|gopay|go-pay|shopeepay|shopee pay|linkaja)\b[ \t:.-]{0,3}"
                     r"(?P<number>(?:\+|0|62)[\d -]{8,16}\d)", re.IGNORECASE)
_HOLDER = re.compile(r"\b(?:a\.? ?n\.?|a/n|atas nama|an\.)[ \t:]{1,3}(?P<name>[A-Za-z][A-Za-z.' ]{1,40})",
                     re.IGNORECASE)


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


def extract(text: str, tokens: list[Token], index: PhraseIndex, place_of: dict) -> Entities:
    found = Entities()
    for e164, start, end, raw in find_phones(text):
        _add_unique(found.phones, {"value": e164, "text": raw, "start": start, "end": end,
                                   "mobile": is_mobile(e164)})
    for match in _EMAIL.finditer(text):
        value = match.group().lower()
        _add_unique(found.emails, {"value": value, "text": match.group(), "start": match.start(),
                                   "end": match.end(), "free_mail": value.endswith(FREE_MAIL)})
    email_spans = [(e["start"], e["end"]) for e in found.emails]
    for match in _URL.finditer(text):
        if any(s <= match.start() < e for s, e in email_spans):
            continue
        raw = match.group().rstrip(".,;:!?")
        _add_unique(found.links, {"value": _normalise_url(raw), "text": raw, "start": match.start(),
                                  "end": match.start() + len(raw)})
    for match in _HANDLE.finditer(text):
        if any(s <= match.start() < e for s, e in email_spans):
            continue
        _add_unique(found.handles, {"value": "@" + match.group(1).lower().rstrip("."), "text": match.group(),
                                    "start": match.start(), "end": match.end()})
    lowered = text.lower()
    if "pt" in lowered or "cv" in lowered or any(form in lowered for form in ("sdn", "pte", "ltd", "inc", "llc")):
        _companies(text, found)
    _accounts(text, found)
    _places(tokens, index, place_of, found)
    for destination in found.destinations:
        destination["text"] = text[destination["start"] : destination["end"]]
    return found


def _normalise_url(raw: str) -> str:
    url = raw.lower()
    if not url.startswith(("http://", "https://")):
        url = "https://" + url
    return url.rstrip("/")


def _company_name(words: str) -> str:
    kept = []
    for word in words.split():
        if word in _COMPANY_STOP:
            break
        kept.append(word)
    return " ".join(kept)


def _companies(text: str, found: Entities) -> None:
    for match in _COMPANY_ID.finditer(text):
        name = _company_name(match.group(1))
        if name:
            end = match.start(1) + match.group(1).find(name) + len(name)
            _add_unique(found.companies, {"value": name, "text": text[match.start() : end], "start": match.start(),
                                          "end": end, "legal_form": "PT/CV", "country": "ID"})
    for match in _COMPANY_FOREIGN.finditer(text):
        name = match.group(1).strip()
        _add_unique(found.companies, {"value": name, "text": match.group(), "start": match.start(),
                                      "end": match.end(), "legal_form": match.group(2), "country": None})


def _accounts(text: str, found: Entities) -> None:
    holders = [(m.start(), m.group("name").strip()) for m in _HOLDER.finditer(text)]
    for match in _ACCOUNT.finditer(text):
        number = re.sub(r"\D", "", match.group("number"))
        if number.startswith(("08", "628")) and 10 <= len(number) <= 13:
            continue  # a phone number next to a bank name ("BRI 0812..."), not an account
        bank = match.group("bank").lower()
        holder = _nearest_holder(holders, match.end())
        _add_unique(found.accounts, {"value": f"{bank}:{number}", "text": match.group(), "start": match.start(),
                                     "end": match.end(), "provider": bank, "holder": holder,
                                     "personal": holder is not None and not _is_company(holder)})
    for match in _WALLET.finditer(text):
        number = re.sub(r"\D", "", match.group("number"))
        wallet = match.group("wallet").lower().replace(" ", "").replace("-", "")
        _add_unique(found.accounts, {"value": f"{wallet}:{number}", "text": match.group(), "start": match.start(),
                                     "end": match.end(), "provider": wallet,
                                     "holder": _nearest_holder(holders, match.end()), "personal": True})


def _nearest_holder(holders: list[tuple[int, str]], after: int) -> str | None:
    for start, name in holders:
        if 0 <= start - after <= 40:
            return name
    return None


def _is_company(name: str) -> bool:
    return name.upper().startswith(("PT ", "PT.", "CV ", "CV.", "YAYASAN", "KOPERASI"))


def _places(tokens: list[Token], index: PhraseIndex, place_of: dict, found: Entities) -> None:
    i = 0
    while i < len(tokens):
        end = index.class_span("place", tokens, i)
        if end is None:
            i += 1
            continue
        phrase = tuple(token.text for token in tokens[i:end])
        place = place_of[phrase]
        found.places.append(place)
        _add_unique(found.destinations, {"value": " ".join(phrase), "text": None, "start": tokens[i].start,
                                         "end": tokens[end - 1].end, "country": place.country,
                                         "scam_hub": place.scam_hub})
        i = end
