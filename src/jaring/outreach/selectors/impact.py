from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, ExpressionWrapper, F, FloatField, Sum

from jaring.outreach import quiz
from jaring.outreach.models import Event, Phase, QuizResponse
from jaring.outreach.stats import Gain, Moments, welch_from_moments


@dataclass(frozen=True)
class MissedQuestion:
    question_id: str
    label: str
    missed: int
    answered: int

    @property
    def rate(self) -> float:
        return 100.0 * self.missed / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class QuizResults:
    gain: Gain  # on percent-correct scores, so the gain is in percentage points
    missed_after: list[MissedQuestion]  # most often missed after the session: what to explain better

    @property
    def participants(self) -> int:
        return max(self.gain.n_pre, self.gain.n_post)


def _missed(responses: Iterable[QuizResponse]) -> list[MissedQuestion]:
    missed, answered = Counter(), Counter()
    for response in responses:
        for qid, record in response.answers.items():
            answered[qid] += 1
            missed[qid] += not record.get("correct")
    known = quiz.questions()
    rows = [
        MissedQuestion(qid, known[qid].label if qid in known else qid, missed[qid], answered[qid])
        for qid in answered
        if missed[qid]
    ]
    return sorted(rows, key=lambda r: (-r.rate, -r.missed, r.question_id))


def moments_by_event(event_ids: list[int]) -> dict[int, tuple[Moments, Moments]]:
    """Per event, the (before, after) moments of percent-correct scores, aggregated in the database."""
    percent = ExpressionWrapper(100.0 * F("score") / F("total"), output_field=FloatField())
    rows = (
        QuizResponse.objects.filter(event_id__in=event_ids, total__gt=0)
        .annotate(pct=percent)
        .values("event_id", "phase")
        .annotate(n=Count("pk"), s=Sum("pct"), ss=Sum(F("pct") * F("pct")))
    )
    result: dict[int, tuple[Moments, Moments]] = {}
    for row in rows:
        pre, post = result.get(row["event_id"], (Moments(), Moments()))
        moments = Moments(row["n"], row["s"] or 0.0, row["ss"] or 0.0)
        result[row["event_id"]] = (moments, post) if row["phase"] == Phase.PRE else (pre, moments)
    return result


def pooled_gain(moments: dict[int, tuple[Moments, Moments]], event_ids: Iterable[int]) -> Gain:
    """Several events pooled (a village, a month): all before answers against all after answers."""
    pre, post = Moments(), Moments()
    for event_id in event_ids:
        a, b = moments.get(event_id, (Moments(), Moments()))
        pre, post = pre + a, post + b
    return welch_from_moments(pre, post)


def quiz_results_for_events(event_ids: list[int], *, missed: bool = True) -> QuizResults:
    gain = pooled_gain(moments_by_event(event_ids), event_ids)
    if not missed:
        return QuizResults(gain=gain, missed_after=[])
    after = QuizResponse.objects.filter(event_id__in=event_ids, phase=Phase.POST).only("answers")
    return QuizResults(gain=gain, missed_after=_missed(after.iterator(chunk_size=2000)))


def quiz_results(event: Event) -> QuizResults:
    return quiz_results_for_events([event.pk])
