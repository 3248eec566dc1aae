"""Quiz questions from data/quiz.json (maintained by officers with the facts' sources) and scoring."""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.utils.translation import get_language

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
    source: str

    @property
    def label(self) -> str:
        return _localised(self.text)

    @property
    def correct_key(self) -> str:
        return next(o.key for o in self.options if o.correct)


def _localised(text: dict[str, str]) -> str:
    language = (get_language() or "id")[:2]
    return text.get(language) or text["id"]


@lru_cache(maxsize=1)
def questions() -> dict[str, Question]:
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    result = {}
    for q in raw["questions"]:
        options = tuple(
            Option(key=o["key"], correct=bool(o["correct"]), text=o["text"]) for o in q["options"]
        )
        result[q["id"]] = Question(
            id=q["id"], topic=q["topic"], text=q["text"], options=options, source=q["source"]
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
