"""Every outreach write: validated, one transaction, one audit event."""

from jaring.outreach.services.events import (
    EventInput,
    event_attendance_set,
    event_create,
    event_update,
)
from jaring.outreach.services.photos import event_photo_add, event_photo_delete
from jaring.outreach.services.programmes import (
    VillageTarget,
    programme_create,
    programme_update,
    programme_village_add,
    programme_village_remove,
)
from jaring.outreach.services.quiz import QuizAlreadyTaken, device_hash, quiz_submit
from jaring.outreach.services.requests import (
    session_request_submit,
    session_request_update,
)

__all__ = [
    "EventInput",
    "QuizAlreadyTaken",
    "VillageTarget",
    "device_hash",
    "event_attendance_set",
    "event_create",
    "event_photo_add",
    "event_photo_delete",
    "event_update",
    "programme_create",
    "programme_update",
    "programme_village_add",
    "programme_village_remove",
    "quiz_submit",
    "session_request_submit",
    "session_request_update",
]
