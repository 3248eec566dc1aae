from datetime import date

import pytest
from django.utils import timezone

from jaring.reports.deadlines import deadline_state, deadlines_for, overdue_q
from jaring.reports.models import Report
from tests.casework.conftest import make_report

pytestmark = pytest.mark.django_db


def test_deadlines_skip_the_idul_fitri_holiday_weekend(office) -> None:
    # Friday 28 March 2025; Sat 29 Nyepi, Mon 31 March and Tue 1 April Idul Fitri (holidays library).
    verify_due, follow_up_due = deadlines_for(office, date(2025, 3, 28))
    assert verify_due == date(2025, 4, 4)  # Wed 2, Thu 3, Fri 4 April
    assert follow_up_due == date(2025, 4, 8)  # Mon 7, Tue 8 April


def test_deadlines_skip_independence_day_monday(office) -> None:
    # Friday 14 August 2026; Monday 17 August is Hari Kemerdekaan.
    assert deadlines_for(office, date(2026, 8, 14)) == (date(2026, 8, 20), date(2026, 8, 24))


def test_deadlines_follow_the_office_settings(office) -> None:
    office.verify_days, office.follow_up_days = 1, 2
    assert deadlines_for(office, date(2025, 3, 28)) == (date(2025, 4, 2), date(2025, 4, 3))


def test_overdue_means_unverified_past_verify_due_or_not_followed_up(office) -> None:
    late_new = make_report(office, received=date(2025, 3, 28))
    late_verified = make_report(office, received=date(2025, 3, 28), status="diverifikasi")
    followed_up = make_report(office, received=date(2025, 3, 28), status="ditindaklanjuti")
    fresh = make_report(office, received=timezone.localdate())
    overdue = set(Report.objects.filter(overdue_q(date(2025, 4, 9))).values_list("pk", flat=True))
    assert late_new.pk in overdue and late_verified.pk in overdue
    assert followed_up.pk not in overdue and fresh.pk not in overdue


def test_deadline_state_for_the_inbox() -> None:
    today = date(2025, 4, 4)
    assert (
        deadline_state(status="baru", verify_due=today, follow_up_due=date(2025, 4, 8), today=today)
        == "today"
    )
    assert (
        deadline_state(status="baru", verify_due=date(2025, 4, 3), follow_up_due=None, today=today)
        == "overdue"
    )
    assert (
        deadline_state(status="selesai", verify_due=date(2025, 4, 1), follow_up_due=None, today=today) == ""
    )
