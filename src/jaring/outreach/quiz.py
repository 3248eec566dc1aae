"""Quiz questions from data/quiz.json (maintained by officers with the facts' sources) and scoring."""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.utils.translation import get_language

from jaring.lib.sourcing import parse_date, source_problems

DATA_FILE = Path(__file__).resolve().parent / "data" / "quiz.json"
MAX_QUESTIONS = 8  # a quiz on a phone before and after a session: short enough to finish in two minutes


@dataclass(frozen=True)
class Option:
    key: str
    correct: bool
    text: dict[str, str]

    @property
    def label(self) -> str:
        return _localised(self.text)


@dataclass(frozen=True)
class Question:
    id: str
    topic: str
    text: dict[str, str]
    options: tuple[Option, ...]
    # What the correct answer rests on (id/en), the documents (docs/content.md "Keeping facts true") and when
    # an officer last checked the question against them.
    basis: dict[str, str]
    sources: tuple[dict, ...]
    reviewed_on: str

    @property
    def label(self) -> str:
        return _localised(self.text)

    @property
    def basis_label(self) -> str:
        return _localised(self.basis)

    @property
    def correct_key(self) -> str:
        return next(o.key for o in self.options if o.correct)


def _localised(text: dict[str, str]) -> str:
    language = (get_language() or "id")[:2]
    return text.get(language) or text["id"]


def check(raw: dict) -> dict:
    """Fails loudly at load, like the emergency numbers: a quiz teaches facts, so each question needs what it
    rests on in both languages, at least one source (openable, or internal for a fact about Jaring itself) and a
    review date (docs/content.md, "Keeping facts true")."""
    for q in raw["questions"]:
        qid = q["id"]
        if not (q.get("basis", {}).get("id") and q.get("basis", {}).get("en")):
            raise ValueError(f"quiz {qid}: basis in id and en")
        if not q.get("sources"):
            raise ValueError(f"quiz {qid}: no source")
        problems = [p for src in q["sources"] if not src.get("internal") for p in source_problems(src)]
        if problems:
            raise ValueError(f"quiz {qid}: {problems}")
        if parse_date(q.get("reviewed_on", "")) is None:
            raise ValueError(f"quiz {qid}: no reviewed_on date")
    return raw


@lru_cache(maxsize=1)
def questions() -> dict[str, Question]:
    raw = check(json.loads(DATA_FILE.read_text(encoding="utf-8")))
    result = {}
    for q in raw["questions"]:
        options = tuple(
            Option(key=o["key"], correct=bool(o["correct"]), text=o["text"]) for o in q["options"]
        )
        result[q["id"]] = Question(
            id=q["id"],
            topic=q["topic"],
            text=q["text"],
            options=options,
            basis=q["basis"],
            sources=tuple(q["sources"]),
            reviewed_on=q["reviewed_on"],
        )
    return result


def pick_for_topics(topics: list[str], *, limit: int = MAX_QUESTIONS) -> list[str]:
    """Question ids for an event's topics, taken in turn from each topic so every topic is asked about."""
    per_topic = [[q.id for q in questions().values() if q.topic == topic] for topic in topics]
    picked: list[str] = []
    while len(picked) < limit and any(per_topic):
        for bucket in per_topic:
            if bucket and len(picked) < limit:
                picked.append(bucket.pop(0))
    return picked


def questions_of(ids: list[str]) -> list[Question]:
    known = questions()
    return [known[i] for i in ids if i in known]


def score(ids: list[str], answers: dict[str, str]) -> tuple[int, dict[str, dict]]:
    """(number right, per-question record {choice, correct}) for the answers to the questions `ids`."""
    known = questions()
    record: dict[str, dict] = {}
    right = 0
    for qid in ids:
        question = known.get(qid)
        if question is None:
            continue
        choice = answers.get(qid, "")
        correct = choice == question.correct_key
        right += correct
        record[qid] = {"choice": choice, "correct": correct}
    return right, record
