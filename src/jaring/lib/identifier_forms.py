"""Normal forms of each identifier kind and the bounded patterns that find them in free text.

Split from lib/identifiers.py (the entry points: normalise, extract, from_text). Pure Python, no Django.
"""

import re
from functools import lru_cache

from jaring.lib.phones import normalise_phone
from jaring.lib.text import fold

MAX_VALUE = 200  # longer "identifiers" are pasted paragraphs, not identifiers


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


_TOKEN = re.compile(r"[0-9a-z]+")


# --- phones, e-mail -----------------------------------------------------------------------------------------


def normalise_email(raw: str) -> str | None:
    value = raw.strip().strip("<>").lower()
    if value.startswith("mailto:"):
        value = value[7:]
    return value if len(value) <= 254 and _EMAIL_FULL.fullmatch(value) else None


_EMAIL_FULL = re.compile(r"[a-z0-9._%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,4}")
_EMAIL = re.compile(r"(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,4}\b")

# --- links and social handles -------------------------------------------------------------------------------

_PLATFORM_HOSTS = {
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "fb.me": "facebook",
    "instagram.com": "instagram",
    "instagr.am": "instagram",
    "tiktok.com": "tiktok",
    "t.me": "telegram",
    "telegram.me": "telegram",
    "twitter.com": "x",
    "x.com": "x",
}
# Words that name a platform next to a handle ("IG @budi", "tiktok: @budi", "@budi (fb)").
_PLATFORM_WORDS = {
    "ig": "instagram",
    "instagram": "instagram",
    "insta": "instagram",
    "tiktok": "tiktok",
    "tt": "tiktok",
    "telegram": "telegram",
    "tele": "telegram",
    "tg": "telegram",
    "fb": "facebook",
    "facebook": "facebook",
    "twitter": "x",
}
_FB_NOT_PROFILES = {
    "groups",
    "pages",
    "share",
    "watch",
    "events",
    "marketplace",
    "photo",
    "photo.php",
    "story.php",
}
_IG_NOT_PROFILES = {"p", "reel", "reels", "explore", "tv", "accounts"}
_PLATFORM_WORD = re.compile(rf"\b({'|'.join(_PLATFORM_WORDS)})\b")
_HANDLE_CHARS = re.compile(r"[a-z0-9_.]{1,40}")
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"'()]{1,300}"
    r"|\b(?:wa\.me|t\.me|fb\.me|(?:m\.|web\.|www\.)?(?:facebook|instagram|tiktok|twitter|x)\.com)/[^\s<>\"'()]{1,200}"
    r"|\bapi\.whatsapp\.com/[^\s<>\"'()]{1,200}",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w@./])@([A-Za-z0-9_][A-Za-z0-9_.]{1,31})")
_PLATFORM_BEFORE = re.compile(
    r"\b(ig|instagram|insta|tiktok|tt|telegram|tele|tg|fb|facebook|twitter)\b\W{0,4}$"
)


def normalise_url(raw: str) -> list[tuple[str, str]]:
    """Canonical identifiers of a link: wa.me/62.. (+ the phone), t.me/name, platform:handle for profiles."""
    url = raw.strip().rstrip(".,;:!?)")
    if len(url) > 300 or not url:
        return []
    body = re.sub(r"^[a-z][a-z0-9+.-]{0,10}://", "", url, flags=re.IGNORECASE)
    host, _, rest = body.partition("/")
    host = host.lower().split("@")[-1].split(":")[0]
    for prefix in ("www.", "m.", "web.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    if not re.fullmatch(r"[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,5}", host):
        return []
    path, _, query = rest.partition("?")
    path = path.split("#")[0].strip("/")
    parts = [p for p in path.split("/") if p]
    params = dict(p.partition("=")[::2] for p in query.split("#")[0].split("&") if p)
    if host in ("wa.me", "api.whatsapp.com"):
        digits = parts[0] if host == "wa.me" and parts else params.get("phone", "")
        e164 = normalise_phone("+" + digits.lstrip("+")) if digits.lstrip("+").isdigit() else None
        return [("url", f"wa.me/{e164[1:]}"), ("phone", e164)] if e164 else []
    platform = _PLATFORM_HOSTS.get(host)
    if platform is not None:
        handle = _profile_handle(platform, parts, params)
        if handle:
            found = [("handle", f"{platform}:{handle}")]
            if platform == "telegram":
                found.insert(0, ("url", f"t.me/{handle}"))
            return found
    canonical = host + ("/" + "/".join(parts) if parts else "")
    return [("url", canonical)] if len(canonical) <= MAX_VALUE else []


def _profile_handle(platform: str, parts: list[str], params: dict[str, str]) -> str | None:
    if platform == "facebook":
        if parts[:1] == ["profile.php"]:
            handle = params.get("id", "")
            return handle if handle.isdigit() else None
        if len(parts) >= 3 and parts[0] == "people" and parts[2].isdigit():
            return parts[2]
        if not parts or parts[0].lower() in _FB_NOT_PROFILES:
            return None
        handle = parts[0].lower()
    elif platform == "instagram":
        if parts[:1] == ["stories"] and len(parts) > 1:
            parts = parts[1:]
        if not parts or parts[0].lower() in _IG_NOT_PROFILES:
            return None
        handle = parts[0].lower()
    elif platform == "tiktok":
        if not parts or not parts[0].startswith("@"):
            return None
        handle = parts[0][1:].lower()
    else:  # telegram, x
        if not parts or parts[0].lower() in {"joinchat", "share", "intent", "home", "search", "i"}:
            return None
        handle = parts[0].lstrip("@+").lower()
    return handle if _HANDLE_CHARS.fullmatch(handle) else None


def normalise_handle(raw: str) -> list[tuple[str, str]]:
    """'@budi (IG)', 'ig: budi', 'instagram.com/budi' -> instagram:budi; without a platform -> @budi."""
    text = raw.strip()
    if "/" in text and "." in text:
        return [i for i in normalise_url(text) if i[0] == "handle"]
    lowered = fold(text)
    word = _PLATFORM_WORD.search(lowered)
    platform = _PLATFORM_WORDS[word.group(1)] if word else None
    if platform:
        lowered = _PLATFORM_WORD.sub(" ", lowered)
    candidates = re.findall(r"@?([a-z0-9_][a-z0-9_.]{1,39})", lowered)
    if len(candidates) != 1:
        return []
    handle = candidates[0].rstrip(".")
    return [("handle", f"{platform}:{handle}" if platform else f"@{handle}")]


# --- bank accounts and e-wallets ----------------------------------------------------------------------------

_BANKS = {
    "bca": "bca",
    "bri": "bri",
    "bni": "bni",
    "mandiri": "mandiri",
    "bsi": "bsi",
    "btn": "btn",
    "cimb niaga": "cimb",
    "cimb": "cimb",
    "danamon": "danamon",
    "permata": "permata",
    "maybank": "maybank",
    "btpn": "btpn",
    "jenius": "btpn",
    "seabank": "seabank",
    "ocbc": "ocbc",
    "panin": "panin",
    "mega": "mega",
    "jago": "jago",
    "public bank": "publicbank",
    "rhb": "rhb",
    "hong leong": "hongleong",
    "dbs": "dbs",
    "uob": "uob",
}
_WALLETS = {
    "dana": "dana",
    "ovo": "ovo",
    "gopay": "gopay",
    "go-pay": "gopay",
    "go pay": "gopay",
    "shopeepay": "shopeepay",
    "shopee pay": "shopeepay",
    "linkaja": "linkaja",
    "link aja": "linkaja",
}
_PROVIDER_RE = "|".join(re.escape(k) for k in sorted({**_BANKS, **_WALLETS}, key=len, reverse=True))
_PROVIDER_PREFIX = (
    rf"\b(?:bank[ \t]{{1,2}})?(?P<provider>{_PROVIDER_RE})\b[ \t:.,-]{{0,3}}"
    r"(?:(?:no\.? ?rek(?:ening)?|norek|nomor|rekening|rek|no|account|acc|akun)\.?[ \t:.-]{0,3})?"
)
_NUMBER = r"(?P<number>\+?\d(?:[ .-]?\d){5,29})(?!\d)"
_ACCOUNT = re.compile(_PROVIDER_PREFIX + _NUMBER, re.IGNORECASE)
# In free text, numbers are found first (cheap) and the provider is looked for just before each one.
_NUMBER_TEXT = re.compile(r"(?<![\d+])" + _NUMBER)
_PROVIDER_BEFORE = re.compile(_PROVIDER_PREFIX + r"$", re.IGNORECASE)
MAX_ACCOUNT_DIGITS = 20
# Compiled once: these run for every account of a batch (re.sub with a string looks the pattern up each time).
_ACCOUNT_SEPARATORS = re.compile(r"[ .-]")
_SPACES = re.compile(r"\s+")
_NOT_DIGIT = re.compile(r"\D")


def normalise_account(raw: str) -> list[tuple[str, str]]:
    """'BCA 123-456-7890 a.n. Budi' -> bca:1234567890; 'DANA 0812..' -> dana:+62812.. (e-wallets are phones)."""
    match = _ACCOUNT.search(raw)
    if match is not None:
        return _account_value(match.group("provider"), match.group("number"))
    digits = _ACCOUNT_SEPARATORS.sub("", raw.strip())
    if digits.isdigit() and 6 <= len(digits) <= MAX_ACCOUNT_DIGITS:
        return [("account", f"bank:{digits}")]  # bank unknown: still comparable with other bank-less rows
    return []


@lru_cache(maxsize=1024)
def _provider(raw: str) -> str:
    return fold(_SPACES.sub(" ", raw))  # cached: a batch writes the same few bank names again and again


def _account_value(provider_raw: str, number: str) -> list[tuple[str, str]]:
    provider = _provider(provider_raw)
    digits = number if number.isascii() and number.isdecimal() else _NOT_DIGIT.sub("", number)
    if provider in _WALLETS:
        e164 = normalise_phone(number)
        return [("account", f"{_WALLETS[provider]}:{e164}")] if e164 else []
    if not 6 <= len(digits) <= MAX_ACCOUNT_DIGITS:
        return []
    if digits.startswith(("08", "628")) and 10 <= len(digits) <= 13:
        return []  # "BRI 0812...": a phone next to a bank's name, not an account
    return [("account", f"{_BANKS[provider]}:{digits}")]


# --- companies, people, vessels -----------------------------------------------------------------------------

_LEGAL_FORMS = {
    "pt",
    "cv",
    "ud",
    "sdn",
    "bhd",
    "pte",
    "ltd",
    "tbk",
    "persero",
    "inc",
    "llc",
    "corp",
    "co",
    "plc",
}
_HONORIFICS = {
    "pak", "bapak", "bpk", "bp", "bu", "ibu", "bang", "abang", "kak", "kakak", "mas", "mbak", "mba", "om", "tante",
    "mr", "mrs", "ms", "miss", "mister", "tuan", "puan", "encik", "cik", "sdr", "sdri", "saudara", "saudari",
    "haji", "h", "hj", "ustadz", "ustad", "koh", "cece", "madam", "dr", "ir",
}  # fmt: skip
_VESSEL_PREFIXES = {"km", "kmp", "klm", "kmn", "mv", "mt", "ms", "sb", "kapal", "speedboat", "tb", "lct"}


def normalise_company(raw: str) -> str | None:
    """'PT. Maju Jaya Abadi' and 'MAJU JAYA ABADI, PT' -> 'maju jaya abadi'; 'PT' alone -> None."""
    words = _tokens(raw)
    if words[:2] == ["p", "t"]:
        words = words[2:]
    kept = [w for w in words if w not in _LEGAL_FORMS]
    value = " ".join(kept)
    if not kept or value.isdigit() or len(value) > 100:
        return None
    return value


def normalise_person(raw: str) -> str | None:
    """'Pak Budi Santoso', 'bapak H. budi santoso' -> 'budi santoso' (honorifics at the front stripped)."""
    words = _tokens(raw)
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    if not words or any(w.isdigit() for w in words) or len(words) > 6:
        return None
    value = " ".join(words)
    return value if len(value) <= 80 else None


def normalise_vessel(raw: str) -> str | None:
    """'KM Sinar Jaya', 'M.V. Ocean Star', 'kapal Sinar Jaya' -> 'sinar jaya' / 'ocean star'."""
    words = _tokens(raw)
    if words[:2] in (["m", "v"], ["m", "t"], ["k", "m"]):
        words = words[2:]
    while words and words[0] in _VESSEL_PREFIXES:
        words = words[1:]
    value = " ".join(words)
    return value if words and len(words) <= 6 and not value.isdigit() else None


_COMPANY_ID = re.compile(
    r"\b(?:PT|P\.T\.|CV|UD)\.?[ \t]{1,3}((?:[A-Z0-9][\w&'-]{0,30})(?:[ \t]{1,3}(?:[A-Z0-9][\w&'-]{0,30}|&)){0,5})"
)
_COMPANY_FOREIGN = re.compile(
    r"((?:[A-Z][\w&'-]{0,30}[ \t]{1,3}){1,4})(?:Sdn\.?[ \t]?Bhd\.?|SDN\.?[ \t]?BHD\.?|Pte\.?[ \t]?Ltd\.?|PTE\.?[ \t]?LTD\.?)"
)
_NAME_STOP = {
    "Sdn",
    "Bhd",
    "Pte",
    "Ltd",
    "Tbk",
    "Persero",
    "Di",
    "Yang",
    "Untuk",
    "Dan",
    "Dengan",
    "Ke",
    "Dari",
}
_PERSON = re.compile(
    r"\b(?:Pak|Bapak|Bpk|Bu|Ibu|Bang|Abang|Kak|Mas|Mbak|Mba|Om|Tante|Mr|Mrs|Ms|Tuan|Encik|Cik|Koh|pak|bu|bang|kak|mas|mbak)"
    r"\.?[ \t]{1,3}((?:[A-Z][a-z']{1,20})(?:[ \t](?:[A-Z][a-z']{1,20})){0,2})"
    r"|\b(?:a\.n\.?|a/n|atas nama|A\.N\.?|Atas nama|Atas Nama)[ \t:]{1,3}((?:[A-Z][A-Za-z']{1,20})(?:[ \t][A-Z][A-Za-z']{1,20}){0,3})"
)
_VESSEL = re.compile(
    r"\b(?:KM|KMP|KLM|MV|M\.V\.|MT|SB|Kapal|kapal|Speedboat|speedboat)\.?[ \t]{1,3}"
    r"((?:[A-Z][\w-]{1,30})(?:[ \t](?:[A-Z0-9][\w-]{0,30})){0,3})"
)
_PASSPORT = re.compile(
    r"\b(?:paspor|passport|pasport)\b[^\w\n]{0,3}(?:(?:no|nomor|nomer|number|num)\.?[ \t:#.-]{0,3})?"
    r"(?P<number>[A-Z]{1,2}[ \t]?\d{6,8}[A-Z]?)\b",
    re.IGNORECASE,
)
_PASSPORT_FULL = re.compile(r"[A-Z]{1,2}\d{6,8}[A-Z]?")

# --- plates -------------------------------------------------------------------------------------------------

# Indonesian registration areas (kode wilayah of TNKB); BP = Kepulauan Riau (Batam).
_PLATE_AREAS = frozenset(
    [
        "A",
        "B",
        "D",
        "E",
        "F",
        "G",
        "H",
        "K",
        "L",
        "M",
        "N",
        "P",
        "R",
        "S",
        "T",
        "W",
        "Z",
        "AA",
        "AB",
        "AD",
        "AE",
        "AG",
        "BA",
        "BB",
        "BD",
        "BE",
        "BG",
        "BH",
        "BK",
        "BL",
        "BM",
        "BN",
        "BP",
        "DA",
        "DB",
        "DC",
        "DD",
        "DE",
        "DG",
        "DH",
        "DK",
        "DL",
        "DM",
        "DN",
        "DP",
        "DR",
        "DS",
        "DT",
        "EA",
        "EB",
        "ED",
        "KB",
        "KH",
        "KT",
        "KU",
        "PA",
        "PB",
    ]
)
_PLATE_TEXT = re.compile(r"\b([A-Z]{1,2})[ \t]?(\d{1,4})[ \t]?([A-Z]{1,3})\b")
_PLATE_FULL = re.compile(r"([A-Z]{1,2}) ?(\d{1,4}) ?([A-Z]{0,3})")


def normalise_plate(raw: str) -> str | None:
    """'bp1234xy', 'BP-1234-XY' -> 'BP 1234 XY'."""
    compact = re.sub(r"[\s.-]+", " ", raw.strip().upper())
    match = _PLATE_FULL.fullmatch(compact)
    if match is None or match.group(1) not in _PLATE_AREAS:
        return None
    return " ".join(p for p in match.groups() if p)


def normalise_passport(raw: str) -> str | None:
    compact = re.sub(r"[\s.-]", "", raw.strip().upper())
    return compact if _PASSPORT_FULL.fullmatch(compact) else None
