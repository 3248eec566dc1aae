"""From flags and signals to a verdict: offer or not, score, level, advice; and the reader's language.

The score is a noisy-OR of the flag weights, so it is fully explained by the flags listed: no flags, score 0.
Signs of a procedural offer weaken only the soft flags (things honest offers say too, such as a free ticket
under Perban BP2MI 9/2020); they never cancel a hard flag such as a tourist visa or a kept passport.
"""

import math

from .patterns import Match
from .ruleset import RuleSet

_ENGLISH = frozenset(
    [
        "the",
        "and",
        "you",
        "your",
        "with",
        "for",
        "are",
        "is",
        "we",
        "our",
        "will",
        "job",
        "salary",
        "work",
        "no",
        "not",
        "this",
        "to",
        "of",
        "be",
        "have",
        "per",
        "month",
    ]
)
_INDONESIAN = frozenset(
    [
        "yang",
        "dan",
        "di",
        "ke",
        "untuk",
        "dengan",
        "kerja",
        "gaji",
        "tidak",
        "ada",
        "bisa",
        "kami",
        "anda",
        "saya",
        "akan",
        "dari",
        "ini",
        "itu",
        "juga",
        "atau",
        "kak",
        "sahaja",
        "kerana",
        "tiada",
        "boleh",
        "bulan",
    ]
)


def detect_language(words: list[str]) -> str | None:
    english = sum(map(_ENGLISH.__contains__, words))
    indonesian = sum(map(_INDONESIAN.__contains__, words))
    if english >= 3 and english > 1.5 * indonesian:
        return "en"
    if indonesian >= 2:
        return "id"
    return None


def offer_scores(
    rules: RuleSet, matches: list[Match], has_contact: bool, has_salary: bool
) -> tuple[float, float]:
    """Evidence that the text offers work, and that it rather warns or reports about offers (news, advice)."""
    # fsum: exact, so the total does not depend on the order a set yields its cues (that order follows
    # Python's hash seed; with sum() a text whose cues add up to exactly 1.5 was an offer in some processes only).
    offer = math.fsum(
        [rules.cue_weight[o] for o in {m.owner for m in matches if m.owner.startswith("offer:")}]
        + [0.7 if has_contact else 0.0, 0.8 if has_salary else 0.0]
    )
    non_offer = math.fsum(
        rules.cue_weight[o] for o in {m.owner for m in matches if m.owner.startswith("non_offer:")}
    )
    return offer, non_offer


def is_offer(offer: float, non_offer: float) -> bool:
    return offer >= 1.5 and non_offer < offer


def score(rules: RuleSet, flag_codes: list[str], signal_codes: list[str]) -> tuple[float, dict[str, float]]:
    """Overall score and each flag's effective weight (its contribution, shown to the reader)."""
    discount = min(rules.data.max_discount, sum(rules.signals[code].weight for code in signal_codes))
    weights: dict[str, float] = {}
    remaining = 1.0
    for code in flag_codes:
        rule = rules.flags[code]
        weight = rule.weight * (1 - discount) if rule.soft else rule.weight
        weights[code] = round(weight, 3)
        remaining *= 1 - weight
    return round(1 - remaining, 3), weights


def hard_score(rules: RuleSet, flag_codes: list[str]) -> float:
    """Noisy-OR of the hard flags alone: the part of the score no signal and no model may discount."""
    remaining = 1.0
    for code in flag_codes:
        if not rules.flags[code].soft:
            remaining *= 1 - rules.flags[code].weight
    return round(1 - remaining, 3)


def level(rules: RuleSet, value: float) -> str:
    if value >= rules.data.levels["tinggi"]:
        return "tinggi"
    if value >= rules.data.levels["sedang"]:
        return "sedang"
    return "rendah"


def advice(
    rules: RuleSet, risk: str, offer: bool, flag_codes: list[str], language: str, domestic: bool = False
) -> list[str]:
    """domestic: every place the offer names is in Indonesia; advice about departing abroad does not apply."""
    items = []
    if domestic and offer and rules.data.advice.domestic:
        items += rules.data.advice.domestic
        items += [a for a in rules.data.advice.always if a.key == "report"]  # not SISKOP2MI/KP2MI
    elif any(rules.flags[c].floor for c in flag_codes):
        # Work where no lawful placement exists: refuse and report. Checking a licence would suggest that some
        # licence could make the offer safe.
        items += rules.data.advice.no_placement + rules.data.advice.by_level["tinggi"]
        items += [a for a in rules.data.advice.always if a.key != "check_siskop2mi"]  # the hotline, reporting
    elif not offer and not flag_codes:
        items += rules.data.advice.not_offer
    else:
        items += rules.data.advice.by_level[risk]
        items += [rules.flags[c].advice for c in flag_codes if rules.flags[c].advice is not None]
    if not domestic and not any(rules.flags[c].floor for c in flag_codes):
        items += rules.data.advice.always
    seen: list[str] = []
    for item in items:
        text = item.get(language)
        if text not in seen:
            seen.append(text)
    return seen
