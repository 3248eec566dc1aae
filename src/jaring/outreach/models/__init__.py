"""Outreach models: programmes with target villages, events with attendance, quiz responses, requests."""

from jaring.outreach.models.choices import (
    PHASE_SLUGS,
    SLUG_OF_PHASE,
    AgeBand,
    Audience,
    EventKind,
    Phase,
    RequesterKind,
    RequestStatus,
    Topic,
)
from jaring.outreach.models.events import AGE_FIELDS, Event
from jaring.outreach.models.photos import EventPhoto
from jaring.outreach.models.programmes import Programme, ProgrammeVillage
from jaring.outreach.models.quiz import QuizResponse
from jaring.outreach.models.requests import SessionRequest

__all__ = [
    "PHASE_SLUGS",
    "SLUG_OF_PHASE",
    "AGE_FIELDS",
    "AgeBand",
    "Audience",
    "Event",
    "EventKind",
    "EventPhoto",
    "Phase",
    "Programme",
    "ProgrammeVillage",
    "QuizResponse",
    "RequestStatus",
    "RequesterKind",
    "SessionRequest",
    "Topic",
]
