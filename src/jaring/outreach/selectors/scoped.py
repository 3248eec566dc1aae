from django.db.models import QuerySet
from django.utils import timezone

from jaring.accounts.models import Office, User
from jaring.outreach.models import Event, EventPhoto, Programme, SessionRequest


def staff_office(user: User) -> Office | None:
    """The office whose outreach a user works on: officers and admins of an office; partners have none."""
    if not user.is_authenticated or user.is_mitra:
        return None
    return user.office


def programmes_for(user: User) -> QuerySet[Programme]:
    office = staff_office(user)
    return Programme.objects.filter(office=office) if office else Programme.objects.none()


def events_for(user: User) -> QuerySet[Event]:
    office = staff_office(user)
    if office is None:
        return Event.objects.none()
    return Event.objects.filter(office=office).select_related("programme")


def photos_for(user: User) -> QuerySet[EventPhoto]:
    office = staff_office(user)
    return EventPhoto.objects.filter(event__office=office) if office else EventPhoto.objects.none()


def requests_for(user: User) -> QuerySet[SessionRequest]:
    office = staff_office(user)
    return SessionRequest.objects.filter(office=office) if office else SessionRequest.objects.none()


def public_events(office: Office | None, *, when: str) -> QuerySet[Event]:
    """Upcoming (not yet ended, soonest first) or past (latest first) events. Callers show public fields only."""
    if office is None:
        return Event.objects.none()
    now = timezone.now()
    events = Event.objects.filter(office=office)
    if when == "upcoming":
        return events.filter(ends_at__gte=now).order_by("starts_at")
    return events.filter(ends_at__lt=now).order_by("-starts_at")
