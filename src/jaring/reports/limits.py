"""Rate limits of the public channel, shared by the web pages and the API (settings: JARING_RATE_*)."""

from django.conf import settings
from django.http import HttpRequest

from jaring.lib import ratelimit
from jaring.lib.ratelimit import Limit
from jaring.reports.models import Report
from jaring.reports.receipts import normalise_tracking_code
from jaring.reports.services import report_follow_up

HOUR = 3600


def submissions() -> Limit:
    return Limit("lapor-submit", settings.RATE_REPORTS_PER_HOUR, HOUR)


def messages() -> Limit:
    return Limit("lapor-message", settings.RATE_MESSAGES_PER_HOUR, HOUR)


def _client_failures() -> Limit:
    return Limit("lapor-cek-client", settings.RATE_FOLLOW_UP_FAILURES_PER_CLIENT, HOUR)


def _code_failures() -> Limit:
    return Limit("lapor-cek-code", settings.RATE_FOLLOW_UP_FAILURES_PER_CODE, HOUR)


def follow_up(request: HttpRequest, tracking_code: str, key: str) -> Report | None:
    """report_follow_up behind per-client and per-code limits on failed attempts (raises RateLimited).

    Both counters are keyed by what was typed, whether or not such a report exists, so a locked code and an
    unknown code answer alike. Only failures count: a reporter who checks often is never locked out.
    """
    client = ratelimit.client_id(request)
    code = ratelimit.subject_id("code", normalise_tracking_code(tracking_code))
    ratelimit.check(_client_failures(), client)
    ratelimit.check(_code_failures(), code)
    report = report_follow_up(tracking_code=tracking_code, key=key)
    if report is None:
        ratelimit.hit(_client_failures(), client)
        ratelimit.hit(_code_failures(), code)
    return report
