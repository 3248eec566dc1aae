"""The rules file: its schema (pydantic), loading, and compilation into a phrase index.

Rules are data that officers review (STYLE.md 9): every flag carries its title, explanation, legal basis,
source and examples in Indonesian and English. The schema rejects a file with unknown fields, unknown
classes or a flag without examples, so a typo fails loudly at start-up and in the tests.
"""

import json
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from jaring.lib.sourcing import parse_date, source_problems

from .patterns import PhraseIndex, compile_pattern

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "rules.json"
CODE = r"^[a-z][a-z0-9_]*$"
Detector = Literal[
    "salary_out_of_range",
    "personal_account",
    "company_not_licensed",
    "individual_contact_abroad",
    "licensed_name_personal_contact",
    "confirmed_identifier",
    "registry_licensed",
    "official_link",
    "free_email",
    "famous_name_free_email",
    "social_handle",
    "obfuscated_contact",
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    id: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.id


class Examples(Strict):
    positive: list[str] = Field(min_length=1)
    negative: list[str] = Field(min_length=1)


class FlagRule(Strict):
    code: str = Field(pattern=CODE)
    weight: float = Field(gt=0, le=1)
    # Soft flags are common in honest offers too; signs of a procedural offer weaken them.
    soft: bool = False
    negatable: bool = True
    # Safety floor: an offer showing this flag is at least this level, whatever the model or signals say.
    floor: Literal["tinggi", "sedang"] | None = None
    # False where only the rules can judge (amounts, places, identifiers): the learned scorer may not add it.
    model_may_add: bool = True
    title: Text
    explanation: Text
    legal_basis: Text
    advice: Text | None = None
    source: str = Field(min_length=3)
    patterns: list[str] = []
    detectors: list[Detector] = []
    # When given, the flag needs one of these too: a pattern anywhere in the text, an earlier flag, a detector.
    context: list[str] = []
    # False when the context is a fact such as a place: "di Dubai gratis" still names Dubai.
    context_negatable: bool = True
    context_flags: list[str] = []
    context_detectors: list[Detector] = []
    # Patterns that are a sign on their own and need no context: the text itself makes the false claim
    # ("mengaku dari BP2MI", "agen resmi kami", "pakai logo Kemnaker"), while a bare mention needs a context.
    claims: list[str] = []
    # Patterns that, anywhere in the text, mean the flag does not apply: the text names the lawful exception
    # the flag's explanation describes (an SPSK vacancy is not domestic work for an individual employer).
    unless: list[str] = []
    examples: Examples

    @model_validator(mode="after")
    def _has_trigger(self) -> "FlagRule":
        if self.claims and not (self.context or self.context_flags or self.context_detectors):
            raise ValueError(f"{self.code}: claims are for flags with a context; put them in patterns")
        if not self.patterns and not self.detectors and not self.claims:
            raise ValueError(f"{self.code}: needs patterns or detectors")
        return self


class SignalRule(Strict):
    code: str = Field(pattern=CODE)
    weight: float = Field(gt=0, le=1)
    title: Text
    explanation: Text
    source: str = Field(min_length=3)
    patterns: list[str] = []
    detectors: list[Detector] = []
    examples: Examples


class Cue(Strict):
    pattern: str
    weight: float = Field(gt=0, le=3)


class Place(Strict):
    names: list[str] = Field(min_length=1)
    country: str = Field(pattern=r"^[A-Z]{2}$")
    group: str = Field(pattern=CODE)
    scam_hub: bool = False


class Job(Strict):
    code: str = Field(pattern=CODE)
    title: Text
    patterns: list[str] = Field(min_length=1)


class Salary(Strict):
    note: str
    rates_as_of: str
    idr_per_unit: dict[str, float]
    currency_aliases: dict[str, str]
    period_factors: dict[str, float]
    period_aliases: dict[str, str]
    jobs: list[Job]
    # Highest plausible monthly pay in rupiah, per job code and destination group ("default" required).
    max_idr_per_month: dict[str, dict[str, int]]

    @model_validator(mode="after")
    def _consistent(self) -> "Salary":
        for alias, code in self.currency_aliases.items():
            if code not in self.idr_per_unit:
                raise ValueError(f"currency alias {alias} -> unknown {code}")
        codes = {job.code for job in self.jobs} | {"unknown"}
        for job, table in self.max_idr_per_month.items():
            if job not in codes or "default" not in table:
                raise ValueError(f"salary table {job}: unknown job or no default")
        for period in self.period_aliases.values():
            if period not in self.period_factors:
                raise ValueError(f"period alias -> unknown {period}")
        return self


class RuleSource(Strict):
    """A document a rule relies on: an openable page (never a site root) with the date it was read, or an
    internal data set (the licence registry, officer-confirmed identifiers). See docs/content.md."""

    title: str = Field(min_length=3)
    publisher: str = ""
    url: str = ""
    date: str = ""
    accessed: str = ""
    internal: bool = False

    @model_validator(mode="after")
    def _openable(self) -> "RuleSource":
        if self.internal:
            return self
        problems = source_problems(self.model_dump())
        if problems:
            raise ValueError(f"source {self.title!r}: {'; '.join(problems)}")
        return self


class AdviceItem(Text):
    """One line of advice, with the documents it rests on (keys of `sources`) and when it was last checked
    against them, like a flag (docs/content.md, "Keeping facts true")."""

    key: str = Field(pattern=CODE)
    source: str = Field(min_length=3)
    reviewed_on: str


class Advice(Strict):
    always: list[AdviceItem]
    by_level: dict[Literal["tinggi", "sedang", "rendah"], list[AdviceItem]]
    not_offer: list[AdviceItem]
    # Advice for work where no lawful placement exists (a flag with a floor): refuse and report.
    no_placement: list[AdviceItem] = []
    # Advice for an offer of work inside Indonesia (every place named is Indonesian): no departure abroad.
    domestic: list[AdviceItem] = []

    @model_validator(mode="after")
    def _keys_the_verdict_selects(self) -> "Advice":
        # engine/verdict.advice keeps the report line and drops the SISKOP2MI line by these keys.
        missing = {"report", "check_siskop2mi"} - {item.key for item in self.always}
        if missing:
            raise ValueError(f"advice.always needs the keys {sorted(missing)}")
        return self

    def items(self) -> list[AdviceItem]:
        return [
            *self.always,
            *(item for level in self.by_level.values() for item in level),
            *self.not_offer,
            *self.no_placement,
            *self.domestic,
        ]


class RulesFile(Strict):
    version: str
    updated: str
    description: str
    sources: dict[str, list[RuleSource]]
    # When an officer last checked each flag's and signal's texts against its sources (YYYY-MM-DD).
    reviewed_on: dict[str, str]
    levels: dict[Literal["tinggi", "sedang"], float]
    max_discount: float = Field(ge=0, lt=1)
    negators: list[str]
    post_negators: list[str]
    slang: dict[str, str]
    classes: dict[str, list[str]]
    places: list[Place]
    offer_cues: list[Cue]
    non_offer_cues: list[Cue]
    flags: list[FlagRule]
    signals: list[SignalRule]
    salary: Salary
    advice: Advice
    texts: dict[str, Text]

    @field_validator("flags")
    @classmethod
    def _unique_flags(cls, flags: list[FlagRule]) -> list[FlagRule]:
        codes = [flag.code for flag in flags]
        if len(codes) != len(set(codes)):
            raise ValueError("duplicate flag code")
        for flag in flags:
            unknown = set(flag.context_flags) - set(codes)
            if unknown:
                raise ValueError(f"{flag.code}: unknown context flags {unknown}")
        return flags

    @model_validator(mode="after")
    def _sources_exist(self) -> "RulesFile":
        for rule in [*self.flags, *self.signals]:
            for key in rule.source.split(","):
                if key.strip() not in self.sources:
                    raise ValueError(f"{rule.code}: unknown source {key.strip()!r}")
            if parse_date(self.reviewed_on.get(rule.code, "")) is None:
                raise ValueError(f"{rule.code}: no reviewed_on date")
        keys = [item.key for item in self.advice.items()]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate advice key")
        for item in self.advice.items():
            for key in item.source.split(","):
                if key.strip() not in self.sources:
                    raise ValueError(f"advice {item.key}: unknown source {key.strip()!r}")
            if parse_date(item.reviewed_on) is None:
                raise ValueError(f"advice {item.key}: no reviewed_on date")
        return self


class RuleSet:
    """A validated rules file with its compiled patterns."""

    def __init__(self, data: RulesFile) -> None:
        self.data = data
        self.slang = {word: tuple(value.split()) for word, value in data.slang.items()}
        self.word_cache: dict[str, tuple[tuple[str, str], ...]] = {}
        self.negators = frozenset(data.negators)
        self.post_negators = frozenset(data.post_negators)
        self.flags = {flag.code: flag for flag in data.flags}
        self.model_addable = frozenset(flag.code for flag in data.flags if flag.model_may_add)
        self.signals = {signal.code: signal for signal in data.signals}
        self.place_of: dict[tuple[str, ...], Place] = {}
        classes: dict[str, list[tuple[str, ...]]] = {
            name: [tuple(_phrase(p)) for p in phrases] for name, phrases in data.classes.items()
        }
        classes.update(place=[], scam_hub=[], foreign=[])
        for place in data.places:
            for name in place.names:
                phrase = tuple(_phrase(name))
                self.place_of[phrase] = place
                classes["place"].append(phrase)
                classes.setdefault(f"group_{place.group}", []).append(phrase)
                if place.scam_hub:
                    classes["scam_hub"].append(phrase)
                if place.country != "ID":
                    classes["foreign"].append(phrase)
        self.class_names = set(classes)
        # Agency and brand names as they appear glued in an e-mail's local part ("garudaindonesia").
        self.famous_names = frozenset(
            "".join(phrase) for name in ("official", "brand") for phrase in classes.get(name, [])
        )
        patterns = []
        for flag in data.flags:
            patterns += [compile_pattern(p, f"flag:{flag.code}", classes) for p in flag.patterns]
            patterns += [compile_pattern(p, f"claim:{flag.code}", classes) for p in flag.claims]
            patterns += [compile_pattern(p, f"unless:{flag.code}", classes) for p in flag.unless]
        for signal in data.signals:
            patterns += [compile_pattern(p, f"signal:{signal.code}", classes) for p in signal.patterns]
        for flag in data.flags:
            patterns += [compile_pattern(p, f"context:{flag.code}", classes) for p in flag.context]
        for kind, cues in (("offer", data.offer_cues), ("non_offer", data.non_offer_cues)):
            patterns += [compile_pattern(c.pattern, f"{kind}:{i}", classes) for i, c in enumerate(cues)]
        for job in data.salary.jobs:
            patterns += [compile_pattern(p, f"job:{job.code}", classes) for p in job.patterns]
        self.cue_weight = {f"offer:{i}": c.weight for i, c in enumerate(data.offer_cues)}
        self.cue_weight |= {f"non_offer:{i}": c.weight for i, c in enumerate(data.non_offer_cues)}
        self.index = PhraseIndex(patterns, classes)
        # Per match owner ("flag:fee_or_debt"): its kind, its code, and whether a negator cancels it.
        self.owners: dict[str, tuple[str, str, bool]] = {}
        for pattern in patterns:
            kind, _, code = pattern.owner.partition(":")
            negatable = (
                kind == "signal"
                or (kind == "context" and self.flags[code].context_negatable)
                or (kind in ("flag", "claim") and self.flags[code].negatable)
            )
            self.owners[pattern.owner] = (kind, code, negatable)
        self.flag_keys = {code: f"flag:{code}" for code in self.flags}
        self.claim_keys = {code: f"claim:{code}" for code in self.flags}
        self.signal_keys = {code: f"signal:{code}" for code in self.signals}

    def flag_titles(self, language: str) -> dict[str, str]:
        """Each flag's title as the public reads it, for pages that list flag codes."""
        return {code: flag.title.get(language) for code, flag in self.flags.items()}


def _phrase(text: str) -> list[str]:
    # Class phrases are matched on folded surface words, so they are tokenised the same way as texts.
    from .tokens import tokenize

    return [token.text for token in tokenize(text, {})]


def load_rules(path: Path = DEFAULT_PATH) -> RuleSet:
    return RuleSet(RulesFile.model_validate(json.loads(path.read_text(encoding="utf-8"))))


@lru_cache(maxsize=4)
def default_rules(path: Path = DEFAULT_PATH) -> RuleSet:
    return load_rules(path)
