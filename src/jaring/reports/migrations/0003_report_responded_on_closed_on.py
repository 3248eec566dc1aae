from zoneinfo import ZoneInfo

from django.db import migrations, models

BATCH = 2000


def backfill(apps, schema_editor):
    """The office-local day of each report's first response and of its closing, from the stored history."""
    Report = apps.get_model("reports", "Report")
    StatusChange = apps.get_model("reports", "StatusChange")
    zones = {}
    batch = []
    reports = Report.objects.filter(
        models.Q(closed_at__isnull=False) | ~models.Q(status="baru")
    ).select_related("office")
    for report in reports.only("pk", "closed_at", "office__time_zone").iterator(chunk_size=BATCH):
        tz = report.office.time_zone or "Asia/Jakarta"
        zone = zones.setdefault(tz, ZoneInfo(tz))
        first = (
            StatusChange.objects.filter(report_id=report.pk, from_status="baru")
            .order_by("created_at", "pk")
            .values_list("created_at", flat=True)
            .first()
        )
        report.responded_on = first.astimezone(zone).date() if first else None
        report.closed_on = report.closed_at.astimezone(zone).date() if report.closed_at else None
        batch.append(report)
        if len(batch) >= BATCH:
            Report.objects.bulk_update(batch, ["responded_on", "closed_on"])
            batch = []
    if batch:
        Report.objects.bulk_update(batch, ["responded_on", "closed_on"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_category_label_nonprosedural"),
    ]

    operations = [
        migrations.AddField(
            model_name="report",
            name="closed_on",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="report",
            name="responded_on",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
