"""Salary amounts: "gaji 15jt", "$1000/bln", "RM 3.500 sebulan" -> rupiah per month, and a plausibility check
against the job and the destination (the table in the rules file), not a fixed threshold.
"""

import re
from collections.abc import Iterator

from .ruleset import Place, Salary

_AMOUNT = re.compile(
    r"""(?<![\w$])(?P<cur>rp\.?|idr|rm|myr|usd|us\$|as\$|sgd|s\$|nt\$|ntd|twd|hkd|hk\$|krw|jpy|sar|aed|eur|\$|€|¥|₩)?
    [ \t]{0,2}
    (?:(?P<low>\d{1,3}(?:[.,]\d{3}){0,3}|\d{1,3}[.,]\d)[ \t]{0,2}(?:-|–|s/d|sd|sampai|hingga|to|~)[ \t]{0,2})?
    (?P<num>\d{1,3}(?:[.,]\d{3}){1,3}|\d{1,9}(?:[.,]\d{1,2})?)
    [ \t]{0,2}(?P<mult>juta|jt|jta|jutaan|ribu|rb|k)?\b
    [ \t]{0,2}(?P<cur2>rupiah|ringgit|dollars?|dolar|usd|sgd|myr|rm|won|yen|ntd|twd|hkd|riyal|sar|dirham|aed|euro|idr|\$)?
    (?:[ \t]{0,2}(?P<period>/[ \t]?[a-z]{1,6}|per[ \t]?[a-z]{2,6}|se(?:bulan|bln|hari|minggu|tahun|jam)\b
      |a[ \t]month|a[ \t]day|monthly|daily|bulanan|harian|mingguan|tahunan))?""",
    re.IGNORECASE | re.VERBOSE,
)
# An amount's first digit starts a run of digits, and at most a currency (3 characters) and 2 spaces come before
# it. So matches can start only in the few positions before each run of digits: trying _AMOUNT there finds
# exactly what finditer finds, without running the regex (all of whose parts are optional up to the digits)
# from every character of the text.
_RUN_START = re.compile(r"(?<!\d)\d")
_MAX_BEFORE_DIGIT = 5
_WORD = re.compile(r"[a-z]+")
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
SALARY_WORDS = frozenset(
    [
        "gaji",
        "gajih",
        "salary",
        "upah",
        "penghasilan",
        "pendapatan",
        "income",
        "bayaran",
        "komisi",
        "commission",
        "thp",
        "gapok",
        "pokok",
        "earn",
        "earning",
        "digaji",
        "wage",
        "wages",
        "pay",
        "paid",
        "hasilkan",
        "hasil",
        "dapat",
        "dapatkan",
        "pendapatan",
        "untung",
        "gaij",
    ]
)
FEE_WORDS = frozenset(
    [
        "biaya",
        "bayar",
        "fee",
        "dp",
        "deposit",
        "uang",
        "potong",
        "potongan",
        "transfer",
        "tf",
        "modal",
        "harga",
        "tiket",
        "denda",
        "setor",
        "yuran",
        "cicil",
        "cicilan",
        "pinjam",
        "pinjaman",
        "hutang",
        "utang",
        "jaminan",
        "saldo",
        "topup",
    ]
)
MULTIPLIERS = {"juta": 1e6, "jt": 1e6, "jta": 1e6, "jutaan": 1e6, "ribu": 1e3, "rb": 1e3, "k": 1e3}


def _number(raw: str, has_multiplier: bool) -> float:
    if _THOUSANDS.fullmatch(raw) and not (has_multiplier and len(raw.split(".")[-1].split(",")[-1]) != 3):
        return float(re.sub(r"[.,]", "", raw))
    return float(raw.replace(",", "."))


def _period(raw: str | None, table: Salary) -> str:
    if not raw:
        return "month"
    word = raw.lower().replace("/", "").replace(" ", "")
    for prefix in ("per", "se", "a"):
        if word.startswith(prefix) and word[len(prefix) :] in table.period_aliases:
            word = word[len(prefix) :]
            break
    return table.period_aliases.get(word, "month")


def _is_salary_context(text: str, start: int, has_period: bool) -> bool:
    window = text[max(0, start - 48) : start].lower()
    for word in reversed(_WORD.findall(window)):
        word = word.removesuffix("nya")  # gajinya, upahnya
        if word in SALARY_WORDS:
            return True
        if word in FEE_WORDS:
            return False
    return has_period


def _amounts(text: str) -> Iterator[re.Match[str]]:
    """The matches of _AMOUNT.finditer(text), tried only where one can start."""
    position = 0  # end of the previous match: matches do not overlap
    for digit in _RUN_START.finditer(text):
        run = digit.start()
        if run < position:
            continue
        for start in range(max(position, run - _MAX_BEFORE_DIGIT), run + 1):
            match = _AMOUNT.match(text, start)
            if match is not None:
                yield match
                position = match.end()
                break


def find_salaries(text: str, table: Salary) -> list[dict]:
    salaries: list[dict] = []
    for match in _amounts(text):
        cur_raw = match.group("cur") or match.group("cur2")
        mult = (match.group("mult") or "").lower()
        if not cur_raw and not mult:
            continue
        if not _is_salary_context(text, match.start(), bool(match.group("period"))):
            continue
        currency = table.currency_aliases.get((cur_raw or "rp").lower().rstrip("."), None)
        if currency is None:
            continue
        amount = _number(match.group("num"), bool(mult)) * MULTIPLIERS.get(mult, 1)
        if currency == "IDR" and not mult and amount < 10_000:
            continue  # "Rp 15" is a typo or a list number, not a salary
        period = _period(match.group("period"), table)
        idr = amount * table.idr_per_unit[currency] * table.period_factors[period]
        if not 300_000 <= idr <= 5_000_000_000:
            continue
        raw = match.group().rstrip()
        salaries.append(
            {
                "value": round(idr),
                "text": raw,
                "start": match.start(),
                "end": match.start() + len(raw),
                "amount": amount,
                "currency": currency,
                "currency_text": cur_raw,
                "period": period,
                "idr_per_month": round(idr),
            }
        )
        if len(salaries) >= 20:
            break
    return salaries


def salary_limit(table: Salary, job: str, places: list[Place]) -> tuple[int, Place | None]:
    """Highest plausible monthly pay for the job at the destination that matters most for the offer."""
    place = _main_destination(places)
    limits = table.max_idr_per_month.get(job) or table.max_idr_per_month["unknown"]
    if place is not None and place.group in limits:
        return limits[place.group], place
    return limits["default"], place


def _main_destination(places: list[Place]) -> Place | None:
    # A scam hub anywhere in the offer decides: that is where the worker would end up.
    for place in places:
        if place.scam_hub:
            return place
    for place in places:
        if place.country != "ID":
            return place
    return places[0] if places else None
