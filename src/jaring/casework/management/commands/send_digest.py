"""Emails each officer their due and overdue reports (run daily by cron: `jaring send_digest`)."""

from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from jaring.accounts.models import Office
from jaring.accounts.selectors import staff_users_of_office
from jaring.casework.selectors import reports_visible_to
from jaring.reports.deadlines import deadline_state, due_q, office_today
from jaring.reports.models import Report

MAX_LINES = 200


def _lines(reports: list[Report], today: date) -> list[str]:
    out = []
    for r in reports:
        state = deadline_state(
            status=r.status, verify_due=r.verify_due, follow_up_due=r.follow_up_due, today=today
        )
        due = r.verify_due if r.status == "baru" else r.follow_up_due
        mark = _("TERLAMBAT") if state == "overdue" else _("jatuh tempo")
        out.append(f"- {r.tracking_code} ({r.get_status_display()}): {mark} {due:%d-%m-%Y}")
    return out


class Command(BaseCommand):
    help = "Email each officer the list of their reports due today or overdue (supervisors: also unassigned)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = 0
        with translation.override(settings.LANGUAGE_CODE):
            for office in Office.objects.all():
                today = office_today(office)
                officers = staff_users_of_office(office).exclude(email="")
                for officer in officers:
                    due = reports_visible_to(officer).filter(due_q(today))
                    mine = list(due.filter(assignee=officer).order_by("pk")[:MAX_LINES])
                    unassigned = (
                        list(due.filter(assignee__isnull=True).order_by("pk")[:MAX_LINES])
                        if officer.is_supervisor
                        else []
                    )
                    if not mine and not unassigned:
                        continue
                    body = [
                        _("Laporan yang jatuh tempo hari ini atau terlambat (%(d)s):")
                        % {"d": f"{today:%d-%m-%Y}"}
                    ]
                    if mine:
                        body += ["", _("Ditugaskan kepada Anda:"), *_lines(mine, today)]
                    if unassigned:
                        body += ["", _("Belum ditugaskan:"), *_lines(unassigned, today)]
                    body += ["", f"{settings.SITE_URL}/petugas/laporan/?due=overdue"]
                    send_mail(
                        _("Jaring: %(n)s laporan perlu ditindaklanjuti") % {"n": len(mine) + len(unassigned)},
                        "\n".join(body),
                        settings.DEFAULT_FROM_EMAIL,
                        [officer.email],
                    )
                    sent += 1
        self.stdout.write(f"digests sent: {sent}")
