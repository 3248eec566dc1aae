"""The interview guide (data/interview_guide.json): questions, answer types, the reason each answer raises,
its legal basis, the postponement reason codes and the self-interview's yes/no questions, in id and en.

Officers review the file; `load` checks its shape so a mistake fails at start-up and in the tests, not at the
counter.
"""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

PATH = Path(__file__).resolve().parent / "data" / "interview_guide.json"
LANGUAGES = ("id", "en")
ANSWER_TYPES = ("yes_no", "choice", "text")
YES_NO = ("yes", "no")
TEXT_ANSWER_MAX = 300


class GuideError(ValueError):
    pass


@dataclass(frozen=True)
class Guide:
    data: dict[str, Any]

    @property
    def questions(self) -> list[dict[str, Any]]:
        return self.data["questions"]

    @property
    def self_questions(self) -> list[dict[str, Any]]:
        return self.data["self_interview"]

    @property
    def reasons(self) -> list[dict[str, Any]]:
        return self.data["reasons"]

    @property
    def reason_codes(self) -> list[str]:
        return [r["code"] for r in self.reasons]

    @property
    def destination_codes(self) -> list[str]:
        return [d["code"] for d in self.data["destinations"]]

    @property
    def purpose_codes(self) -> list[str]:
        return [c["code"] for c in self.question("tujuan")["choices"]]

    def question(self, code: str) -> dict[str, Any]:
        return next(q for q in self.questions if q["code"] == code)

    def legal_basis(self, keys: list[str], lang: str | None = None) -> list[str]:
        return [text(self.data["legal_bases"][k], lang) for k in keys]

    def reason_label(self, code: str, lang: str | None = None) -> str:
        found = next((r for r in self.reasons if r["code"] == code), None)
        return text(found["label"], lang) if found else code

    def destination_label(self, code: str, lang: str | None = None) -> str:
        found = next((d for d in self.data["destinations"] if d["code"] == code), None)
        return text(found["label"], lang) if found else code

    def purpose_label(self, code: str, lang: str | None = None) -> str:
        found = next((c for c in self.question("tujuan")["choices"] if c["code"] == code), None)
        return text(found["label"], lang) if found else code


def text(labels: dict[str, str], lang: str | None = None) -> str:
    lang = (lang or get_language() or "id")[:2]
    return labels.get(lang) or labels["id"]


def _check_labels(where: str, labels: Any) -> None:
    if not isinstance(labels, dict) or any(not str(labels.get(lang, "")).strip() for lang in LANGUAGES):
        raise GuideError(f"{where}: needs a text in {', '.join(LANGUAGES)}")


def validate(data: dict[str, Any]) -> None:
    """Raises GuideError naming the first problem; returns nothing when the guide is usable."""
    bases = data.get("legal_bases") or {}
    for key, labels in bases.items():
        _check_labels(f"legal basis {key}", labels)
    reasons = [r.get("code") for r in data.get("reasons", [])]
    if not reasons or len(set(reasons)) != len(reasons):
        raise GuideError("reasons: codes must exist and be unique")
    for reason in data["reasons"]:
        _check_labels(f"reason {reason['code']}", reason.get("label"))
        _check_bases(f"reason {reason['code']}", reason.get("legal_basis"), bases, required=True)
    codes = [q.get("code") for q in data.get("questions", [])]
    if "tujuan" not in codes or len(set(codes)) != len(codes):
        raise GuideError("questions: codes must be unique and include 'tujuan'")
    for q in data["questions"]:
        where = f"question {q['code']}"
        if q.get("type") not in ANSWER_TYPES:
            raise GuideError(f"{where}: type must be one of {ANSWER_TYPES}")
        _check_labels(where, q.get("text"))
        _check_bases(where, q.get("legal_basis"), bases, required=True)
        answers = _answers_of(q)
        for choice in q.get("choices", []):
            _check_labels(f"{where} choice {choice.get('code')}", choice.get("label"))
        _check_flags(where, q.get("flags", {}), answers, reasons)
    self_codes = [q.get("code") for q in data.get("self_interview", [])]
    if not self_codes or len(set(self_codes)) != len(self_codes):
        raise GuideError("self_interview: codes must exist and be unique")
    for q in data["self_interview"]:
        _check_labels(f"self question {q['code']}", q.get("text"))
        _check_flags(f"self question {q['code']}", q.get("flags", {}), YES_NO, reasons)
    for dest in data.get("destinations", []):
        if len(dest.get("code", "")) != 2:
            raise GuideError(f"destination {dest.get('code')}: ISO 3166-1 alpha-2 code")
        _check_labels(f"destination {dest['code']}", dest.get("label"))


def _answers_of(q: dict[str, Any]) -> tuple[str, ...] | None:
    if q["type"] == "yes_no":
        return YES_NO
    if q["type"] == "choice":
        return tuple(c["code"] for c in q.get("choices") or [{"code": None}])
    return None  # free text raises no flag


def _check_flags(where: str, flags: dict[str, str], answers: Any, reasons: list[str]) -> None:
    for answer, reason in flags.items():
        if answers is None or answer not in answers:
            raise GuideError(f"{where}: flag on unknown answer {answer!r}")
        if reason not in reasons:
            raise GuideError(f"{where}: flag raises unknown reason {reason!r}")


def _check_bases(where: str, keys: Any, bases: dict[str, Any], *, required: bool) -> None:
    if required and not keys:
        raise GuideError(f"{where}: legal_basis missing")
    for key in keys or []:
        if key not in bases:
            raise GuideError(f"{where}: unknown legal basis {key!r}")


@lru_cache(maxsize=1)
def load() -> Guide:
    data = json.loads(PATH.read_text(encoding="utf-8"))
    validate(data)
    return Guide(data)


def flags_for(answers: dict[str, str], *, self_interview: bool = False) -> list[str]:
    """The reason codes the answers raise, in the guide's order, each once."""
    guide = load()
    questions = guide.self_questions if self_interview else guide.questions
    raised: list[str] = []
    for q in questions:
        reason = q.get("flags", {}).get(answers.get(q["code"], ""))
        if reason and reason not in raised:
            raised.append(reason)
    return raised


def clean_answers(raw: dict[str, Any] | None) -> tuple[dict[str, str], list[str]]:
    """Answers checked against the guide: (clean answers, error messages). Unanswered questions are skipped."""
    guide = load()
    out: dict[str, str] = {}
    errors: list[str] = []
    known = {q["code"]: q for q in guide.questions}
    for code, value in (raw or {}).items():
        value = "" if value is None else str(value).strip()
        if not value:
            continue
        q = known.get(code)
        if q is None:
            errors.append(_("Pertanyaan tidak dikenal: %(code)s.") % {"code": str(code)[:40]})
            continue
        allowed = _answers_of(q)
        if allowed is not None and value not in allowed:
            errors.append(_("Jawaban tidak dikenal untuk pertanyaan %(code)s.") % {"code": code})
        elif allowed is None and len(value) > TEXT_ANSWER_MAX:
            errors.append(
                _("Jawaban %(code)s terlalu panjang: maksimal %(n)s karakter.")
                % {"code": code, "n": TEXT_ANSWER_MAX}
            )
        else:
            out[code] = value
    return out, errors
