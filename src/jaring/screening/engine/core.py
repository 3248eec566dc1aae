"""screen(text): the explained risk check of one job offer. Pure Python; no Django, no database."""

import re
from collections import defaultdict

from .entities import Entities, extract
from .lookups import Lookups, StaticLookups
from .model import DIGITS, Evidence, Model, default_model, features, split_features
from .patterns import Match
from .ruleset import RuleSet, default_rules
from .salary import find_salaries, salary_limit
from .tokens import CLAUSE, Token, tokenize
from .verdict import advice, detect_language, hard_score, is_offer, level, offer_scores, score

MAX_LENGTH = 10_000
MAX_EVIDENCE = 5
_NEGATION_WINDOW = 3
_NO_LOOKUPS = StaticLookups()
_DEFAULT_MODEL = object()
_RANK = {"rendah": 0, "sedang": 1, "tinggi": 2}
_MATCH_LIMITS = {
    "offer": 1,
    "non_offer": 1,
    "job": 1,
    "context": 3,
    "flag": 12,
    "claim": 12,
    "signal": 8,
    "unless": 1,
}
Span = dict[str, object]


def _negated(match: Match, tokens: list[Token], rules: RuleSet) -> bool:
    """True when a negator governs the match: "tidak dipungut biaya", "bukan visa turis", "biaya ditanggung"."""
    j = match.first - 1
    while j >= 0 and match.first - j <= _NEGATION_WINDOW and tokens[j + 1].brk < CLAUSE:
        if tokens[j].text in rules.negators:
            return True
        j -= 1
    if any(tokens[g].text in rules.negators for g in match.gap_tokens):
        return True
    j = match.last
    while j < len(tokens) and j - match.last < _NEGATION_WINDOW and tokens[j].brk < CLAUSE:
        if tokens[j].text in rules.post_negators:
            return True
        j += 1
    return False


def _names_famous(local_part: str, names: frozenset[str]) -> bool:
    """An agency's or brand's name in an e-mail's local part: a whole part, or inside one (5+ letters)."""
    parts = [p for p in re.split(r"[^a-z]+", local_part.lower()) if p]
    return any(p in names or any(len(name) >= 5 and name in p for name in names) for p in parts)


def _span(text: str, start: int, end: int) -> Span:
    return {"text": text[start:end], "start": start, "end": end}


class _Screening:
    """The state of one check; methods are the steps of screen()."""

    def __init__(self, text: str, rules: RuleSet, lookups: Lookups) -> None:
        self.text = text
        self.rules = rules
        self.lookups = lookups
        self.tokens = tokenize(text, rules.slang, rules.word_cache)
        # Cues and job words count once; flags keep a few more matches than the evidence shown (negation).
        matches = rules.index.find(self.tokens, _MATCH_LIMITS)
        self.hits: dict[str, list[Span]] = defaultdict(list)  # "flag:code"/"signal:code" -> spans
        self.context: set[str] = set()
        self.excluded: set[str] = set()  # flags whose lawful exception the text names ("unless")
        self.jobs: list[str] = []
        self.cues: list[Match] = []
        tokens = self.tokens
        owners = rules.owners
        for match in matches:
            kind, code, negatable = owners[match.owner]
            if kind == "flag" or kind == "signal" or kind == "claim":
                if not (negatable and _negated(match, tokens, rules)):
                    start, end = tokens[match.first].start, tokens[match.last - 1].end
                    self.hits[match.owner].append({"text": text[start:end], "start": start, "end": end})
            elif kind == "context":
                if not (negatable and _negated(match, tokens, rules)):
                    self.context.add(code)
            elif kind == "unless":
                self.excluded.add(code)
            elif kind == "job":
                self.jobs.append(code)
            else:
                self.cues.append(match)
        self.entities: Entities = extract(text, self.tokens, rules.index, rules.place_of)
        self.entities.salaries = find_salaries(text, rules.data.salary)
        self.detail: dict[str, str] = {}

    # Detectors named in the rules file: facts about entities that no phrase can express.
    def detect(self, name: str, language: str) -> list[Span]:
        e = self.entities
        if name == "salary_out_of_range":
            return self._salary(language)
        if name == "personal_account":
            return [_span(self.text, a["start"], a["end"]) for a in e.accounts if a["personal"]]
        if name == "social_handle":
            return [_span(self.text, h["start"], h["end"]) for h in e.handles]
        if name == "free_email":
            return [_span(self.text, m["start"], m["end"]) for m in e.emails if m["free_mail"]]
        if name == "famous_name_free_email":  # kemnaker.rekrut@gmail.com, hrdpertamina@yahoo.com
            return [
                _span(self.text, m["start"], m["end"])
                for m in e.emails
                if m["free_mail"] and _names_famous(m["value"].partition("@")[0], self.rules.famous_names)
            ]
        if name == "official_link":
            return [
                _span(self.text, lk["start"], lk["end"])
                for lk in e.links
                if _host(lk["value"]).endswith(".go.id")
            ]
        if name == "registry_licensed":
            return [_span(self.text, c["start"], c["end"]) for c in e.companies if c.get("licensed")]
        if name == "company_not_licensed":
            if not self.lookups.has_registry() or not self._abroad():
                return []
            return [
                _span(self.text, c["start"], c["end"])
                for c in e.companies
                if c["country"] == "ID" and c.get("licensed") is False
            ]
        if name == "individual_contact_abroad":
            contacts = [p for p in e.phones if p["mobile"]] + e.handles
            if e.companies or not contacts or not self._abroad():
                return []
            return [_span(self.text, c["start"], c["end"]) for c in contacts[:1]]
        if name == "licensed_name_personal_contact":
            return self._licensed_misuse()
        if name == "obfuscated_contact":  # read back from an evasive form (lib.identifier_readings)
            contacts = [*e.phones, *e.accounts, *e.handles]
            return [_span(self.text, c["start"], c["end"]) for c in contacts if c["obfuscated"]]
        if name == "confirmed_identifier":
            return [_span(self.text, i["start"], i["end"]) for i in self.reported]
        raise ValueError(f"unknown detector {name}")

    def _abroad(self) -> bool:
        return any(place.country != "ID" for place in self.entities.places)

    def _salary(self, language: str) -> list[Span]:
        salaries = self.entities.salaries
        if not salaries:
            return []
        job = self.jobs[0] if self.jobs else "unknown"
        limit, place = salary_limit(self.rules.data.salary, job, self.entities.places)
        top = max(salaries, key=lambda s: s["idr_per_month"])
        # Where no lawful placement exists (a scam hub) no promised pay is believable: every amount is bait.
        if top["idr_per_month"] <= limit and not (place is not None and place.scam_hub):
            return []
        job_title = next((j.title.get(language) for j in self.rules.data.salary.jobs if j.code == job), None)
        texts = self.rules.data.texts
        # No pay is "believable" where no lawful placement exists: the note must not suggest a going rate.
        key = "salary_detail_no_placement" if place is not None and place.scam_hub else "salary_detail"
        self.detail["unrealistic_salary"] = (
            texts[key]
            .get(language)
            .format(
                salary=_rupiah(top["idr_per_month"]),
                limit=_rupiah(limit),
                job=job_title or texts["any_job"].get(language),
                place=next(
                    (
                        d["text"]
                        for d in self.entities.destinations
                        if place and d["country"] == place.country
                    ),
                    texts["any_place"].get(language),
                ),
            )
        )
        return [_span(self.text, top["start"], top["end"])]

    def _licensed_misuse(self) -> list[Span]:
        licensed = [c for c in self.entities.companies if c.get("licensed")]
        if not licensed:
            return []
        spans = [_span(self.text, a["start"], a["end"]) for a in self.entities.accounts if a["personal"]]
        official = {p for c in licensed for p in c.get("official_phones", ())}
        if official:
            spans += [
                _span(self.text, p["start"], p["end"])
                for p in self.entities.phones
                if p["mobile"] and p["value"] not in official
            ]
        return spans

    def look_up(self) -> None:
        for company in self.entities.companies:
            match = self.lookups.licensed(company["value"]) if self.lookups.has_registry() else None
            company["licensed"] = None if not self.lookups.has_registry() else match is not None
            if match is not None:
                company["licence_number"] = match.licence_number
                company["registry_name"] = match.name
                company["official_phones"] = list(match.phones)
                company["is_sample"] = match.is_sample
        e = self.entities
        wanted = [("phone", p["value"]) for p in e.phones] + [("url", lk["value"]) for lk in e.links]
        wanted += [("account", a["value"]) for a in e.accounts] + [("email", m["value"]) for m in e.emails]
        wanted += [("handle", h["value"]) for h in e.handles]
        confirmed = self.lookups.confirmed(wanted) if wanted else {}
        self.reported = []
        for kind, items in (
            ("phone", e.phones),
            ("url", e.links),
            ("account", e.accounts),
            ("email", e.emails),
            ("handle", e.handles),
        ):
            for item in items:
                reason = confirmed.get((kind, item["value"]))
                item["reported"] = reason is not None
                if reason is not None:
                    self.reported.append(
                        {
                            "kind": kind,
                            "value": item["value"],
                            "reason": reason,
                            "start": item["start"],
                            "end": item["end"],
                        }
                    )


def _host(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[0]


def _rupiah(value: float) -> str:
    return "Rp" + f"{round(value):,}".replace(",", ".")


def screen(
    text: str,
    *,
    language: str | None = None,
    rules: RuleSet | None = None,
    lookups: Lookups | None = None,
    model: Model | None | object = _DEFAULT_MODEL,
) -> dict:
    """Check one text (callers validate its length) and return the verdict as JSON-ready data.

    model: the learned scorer (default: data/model.json when present); None checks with the rules alone.
    """
    rules = rules or default_rules()
    if model is _DEFAULT_MODEL:
        model = default_model()
    run, language, signals, found, evidence = _rule_pass(text, language, rules, lookups)
    e = run.entities
    signal_codes = [code for code, _ in signals]
    rule_offer = evidence.rule_offer
    similar: list[dict] = []
    model_score = None
    margins = None
    if isinstance(model, Model):
        words, grams = split_features(run.tokens, rules.negators)
        margins = model.margins(words, grams)
    if isinstance(model, Model) and margins is not None:
        model_score = model.risk_probability(margins, evidence)
        # Retold and quoted offers are offers: the offer head learnt them from the corpus, with the cues.
        offer = model.offer_probability(margins, evidence) >= 0.5
    else:
        offer = rule_offer
    # A warning or a news report is not judged as an offer; a confirmed identifier counts in any text.
    flags = (
        found if offer else [(c, s) for c, s in found if "confirmed_identifier" in rules.flags[c].detectors]
    )
    flag_codes = [code for code, _ in flags]
    total, weights = score(rules, flag_codes, signal_codes)
    model_alarm = False
    if model_score is not None and offer:
        rules_level = level(rules, _floored(rules, flag_codes, total))
        total = _floored(rules, flag_codes, round(model_score, 3))
        model_alarm = model_score >= rules.data.levels["sedang"]
        if model_alarm and _RANK[level(rules, total)] > _RANK[rules_level]:
            # The model, not the rules, raised the alarm: explain it by the nearest documented cases.
            similar = model.similar(words)  # type: ignore[union-attr]
    elif model_score is not None:
        total = _floored(rules, flag_codes, min(round(model_score, 3), total))
    elif offer:
        total = _floored(rules, flag_codes, total)
    risk = level(rules, total)
    found_by = dict.fromkeys(flag_codes, "rules")
    if model_alarm:  # a risky offer in the model's eyes: the flags it recognises from the corpus, with words
        for code, strongest in model.flags(words, rules.model_addable - found_by.keys()):  # type: ignore[union-attr]
            spans = _word_spans(run, strongest)
            if spans:
                flags.append((code, spans))
                weights[code] = rules.flags[code].weight
                found_by[code] = "model"
    if risk == "tinggi" and not flags:
        # "Tinggi" names red flags; with none that the rules or the model can show, the model's resemblance to
        # documented cases is a reason to check (sedang), not a verdict.
        total = min(total, round(rules.data.levels["tinggi"] - 0.01, 3))
        risk = level(rules, total)
    return {
        "is_job_offer": offer,
        "risk_level": risk,
        "score": total,
        "summary": rules.data.texts[f"summary_{risk}" if offer or flags else "summary_not_offer"].get(
            language
        ),
        "flags": [
            _flag(rules, code, spans, weights[code], run.detail.get(code), language)
            | {"found_by": found_by[code]}
            for code, spans in flags
        ],
        "positive_signals": [_signal(rules, code, spans, language) for code, spans in signals],
        "similar_cases": similar,
        "model_score": None if model_score is None else round(model_score, 3),
        "entities": e.as_dict(),
        "reported_identifiers": [
            {k: v for k, v in r.items() if k not in ("start", "end")} for r in run.reported
        ],
        "advice": advice(
            rules,
            risk,
            offer,
            [c for c, _ in flags],
            language,
            domestic=bool(e.destinations) and all(d["country"] == "ID" for d in e.destinations),
        ),
        "language": language,
        "rules_version": rules.data.version,
        "model_version": model.version if isinstance(model, Model) else None,
    }


def _rule_pass(
    text: str, language: str | None, rules: RuleSet, lookups: Lookups | None
) -> tuple[_Screening, str, list[tuple[str, list[Span]]], list[tuple[str, list[Span]]], Evidence]:
    """The rules' part of a check: tokens, entities, signals, every flag (as if an offer) and their numbers."""
    run = _Screening(text[:MAX_LENGTH], rules, lookups or _NO_LOOKUPS)
    run.look_up()
    language = language or detect_language([t.text for t in run.tokens[:300]]) or "id"
    e = run.entities
    has_contact = bool(e.phones or e.handles or e.emails or any("go.id" not in lk["value"] for lk in e.links))
    offer_points, non_offer_points = offer_scores(rules, run.cues, has_contact, bool(e.salaries))
    signals = []
    for code, rule in rules.signals.items():
        spans = list(run.hits.get(rules.signal_keys[code], ()))
        for detector in rule.detectors:
            spans += run.detect(detector, language)
        if spans:
            signals.append((code, spans))
    found = _flags(run, rules, language)
    codes = [c for c, _ in found]
    evidence = Evidence(
        rule_score=score(rules, codes, [c for c, _ in signals])[0],
        hard_score=hard_score(rules, codes),
        offer_margin=offer_points - non_offer_points,
        rule_offer=is_offer(offer_points, non_offer_points),
    )
    return run, language, signals, found, evidence


def features_and_evidence(
    text: str, *, rules: RuleSet | None = None, lookups: Lookups | None = None
) -> tuple[set[str], Evidence]:
    """What the learned scorer reads of a text: its n-gram features and the rules' evidence (for training)."""
    rules = rules or default_rules()
    run, _language, _signals, _found, evidence = _rule_pass(text, None, rules, lookups)
    return features(run.tokens, rules.negators), evidence


def _flags(run: _Screening, rules: RuleSet, language: str) -> list[tuple[str, list[Span]]]:
    """Every flag the text shows, judged as if it were an offer."""
    flags: list[tuple[str, list[Span]]] = []
    for code, rule in rules.flags.items():
        if code in run.excluded:
            continue
        spans = list(run.hits.get(rules.flag_keys[code], ()))
        for detector in rule.detectors:
            spans += run.detect(detector, language)
        claims = run.hits.get(rules.claim_keys[code], ())
        if not spans and not claims:
            continue
        if claims:  # the text makes the claim itself: no second sign needed
            spans += claims
        elif rule.context or rule.context_flags or rule.context_detectors:
            present = {c for c, _ in flags}
            satisfied = (
                code in run.context
                or bool(present & set(rule.context_flags))
                or any(run.detect(d, language) for d in rule.context_detectors)
            )
            if not satisfied:
                continue
        flags.append((code, spans))
    return flags


def _word_spans(run: _Screening, words: list[str]) -> list[Span]:
    """Where the model's words (unigrams, bigrams of folded tokens) first occur in the text."""
    tokens = run.tokens
    spans = []
    for word in words:
        parts = word.split(" ")
        for i in range(len(tokens) - len(parts) + 1):
            if all(tokens[i + k].text.translate(DIGITS) == part for k, part in enumerate(parts)):
                if any(t.text in run.rules.negators for t in tokens[max(0, i - 3) : i]):
                    break  # "bukan visa turis": the words are there, the flag is not
                spans.append(_span(run.text, tokens[i].start, tokens[i + len(parts) - 1].end))
                break
    return spans


def _floored(rules: RuleSet, flag_codes: list[str], value: float) -> float:
    """Safety floors: hard flags are never discounted, and a floor flag (scam hub) is at least its level."""
    value = max(value, hard_score(rules, flag_codes))
    for code in flag_codes:
        floor = rules.flags[code].floor
        if floor is not None:
            value = max(value, rules.data.levels[floor])
    return round(value, 3)


def _evidence(spans: list[Span]) -> list[Span]:
    """The shortest spans that do not overlap, in text order: what the page highlights."""
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (s["end"] - s["start"], s["start"])):
        if all(span["end"] <= c["start"] or span["start"] >= c["end"] for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s["start"])[:MAX_EVIDENCE]


def _flag(
    rules: RuleSet, code: str, spans: list[Span], weight: float, detail: str | None, language: str
) -> dict:
    rule = rules.flags[code]
    explanation = rule.explanation.get(language)
    return {
        "code": code,
        "title": rule.title.get(language),
        "explanation": f"{explanation} {detail}" if detail else explanation,
        "evidence": _evidence(spans),
        "legal_basis": rule.legal_basis.get(language),
        "weight": weight,
    }


def _signal(rules: RuleSet, code: str, spans: list[Span], language: str) -> dict:
    rule = rules.signals[code]
    return {
        "code": code,
        "title": rule.title.get(language),
        "explanation": rule.explanation.get(language),
        "evidence": _evidence(spans),
        "weight": rule.weight,
    }
