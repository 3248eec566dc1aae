"""Unread reporter messages: the one owner of the rule.

Unread = the reporter's messages newer than `Report.officers_seen_at`, the last time any officer of the office
opened the case page or the API detail (services.report_mark_seen) or replied (services.reply_send). Per report,
not per officer: the office answers the reporter as one. `Report.last_reporter_message_at` (set by the Lapor
service with each reporter message) makes "has unread" a comparison of two columns of the report row.
"""

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from jaring.reports.models import Message


def unread_count() -> Coalesce:
    """The reporter's messages newer than the office's last look (Report.officers_seen_at), per report row."""
    newer = Message.objects.filter(
        report=OuterRef("pk"),
        author_kind=Message.Author.PELAPOR,
        created_at__gt=Coalesce(OuterRef("officers_seen_at"), OuterRef("created_at")),
    )
    counted = newer.order_by().values("report").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def unread_q() -> Q:
    """Reports with a reporter message the office has not seen (the staff home's list)."""
    return Q(last_reporter_message_at__isnull=False) & (
        Q(officers_seen_at__isnull=True) | Q(last_reporter_message_at__gt=F("officers_seen_at"))
    )
