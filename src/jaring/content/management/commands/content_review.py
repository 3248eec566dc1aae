"""Lists what the public reads that no officer has checked against its sources for 12 months: articles,
FAQ answers, the checklist, the emergency numbers, each checker rule and each line of the checker's advice.
Run it monthly (docs/content.md)."""

import datetime
import json

from django.core.management.base import BaseCommand, CommandParser

from jaring.content import checklist, emergency
from jaring.content.models import Article, Faq, Status
from jaring.lib.sourcing import REVIEW_AFTER_DAYS, parse_date
from jaring.screening.engine.ruleset import DEFAULT_PATH as RULES_PATH
from jaring.screening.engine.ruleset import RulesFile


def due_items(*, today: datetime.date, days: int = REVIEW_AFTER_DAYS) -> list[tuple[str, str, str]]:
    """(kind, key, reviewed_on or "never") for every public item not reviewed within `days`."""
    cutoff = today - datetime.timedelta(days=days)

    def stale(value: datetime.date | None) -> bool:
        return value is None or value < cutoff

    rows: list[tuple[str, str, datetime.date | None]] = []
    rows += [("article", a.slug, a.reviewed_on) for a in Article.objects.filter(status=Status.PUBLISHED)]
    rows += [("faq", f.key, f.reviewed_on) for f in Faq.objects.filter(status=Status.PUBLISHED)]
    rows.append(("checklist", "siap-berangkat", parse_date(checklist.reviewed_on())))
    rows.append(("emergency", "darurat", parse_date(emergency.data()["reviewed_on"])))
    rules = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    reviewed = rules.get("reviewed_on", {})
    for rule in [*rules["flags"], *rules["signals"]]:
        rows.append(("rule", rule["code"], parse_date(reviewed.get(rule["code"], ""))))
    for item in RulesFile.model_validate(rules).advice.items():
        rows.append(("advice", item.key, parse_date(item.reviewed_on)))
    return [(kind, key, value.isoformat() if value else "never") for kind, key, value in rows if stale(value)]


class Command(BaseCommand):
    help = (
        "List public content, emergency numbers, checker rules and advice not reviewed against their sources "
        "recently."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=REVIEW_AFTER_DAYS)
        parser.add_argument("--today", type=datetime.date.fromisoformat, default=None, help="YYYY-MM-DD")

    def handle(self, *args: object, days: int, today: datetime.date | None, **options: object) -> None:
        due = due_items(today=today or datetime.date.today(), days=days)
        for kind, key, reviewed in due:
            self.stdout.write(f"{kind}\t{key}\t{reviewed}")
        self.stdout.write(f"{len(due)} item(s) not reviewed in the last {days} days.")
