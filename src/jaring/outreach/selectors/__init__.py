"""Outreach reads, scoped to the asking user's office (staff) or to public, non-personal fields."""

from jaring.outreach.selectors.attribution import Attribution, attribution_for_codes, attribution_for_event
from jaring.outreach.selectors.coverage import VillageCoverage, programme_coverage
from jaring.outreach.selectors.impact import (
    MissedQuestion,
    QuizResults,
    quiz_results,
    quiz_results_for_events,
)
from jaring.outreach.selectors.scoped import (
    events_for,
    photos_for,
    programmes_for,
    public_events,
    requests_for,
    staff_office,
)
from jaring.outreach.selectors.summary import MonthlySummary, monthly_summary

__all__ = [
    "Attribution",
    "MissedQuestion",
    "MonthlySummary",
    "QuizResults",
    "VillageCoverage",
    "attribution_for_codes",
    "attribution_for_event",
    "events_for",
    "monthly_summary",
    "photos_for",
    "programme_coverage",
    "programmes_for",
    "public_events",
    "quiz_results",
    "quiz_results_for_events",
    "requests_for",
    "staff_office",
]
