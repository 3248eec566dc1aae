"""Wawasan keeps little of its own: every figure is computed from the other apps' rows. What it stores is the
supervisor's narrative for a monthly report and the permission that opens aggregates to a partner agency."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MonthlyReport(models.Model):
    """The narrative a supervisor writes for one office's month; figures are recomputed when the file is made."""

    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="monthly_reports")
    month = models.DateField(_("bulan"), help_text="first day of the month")
    narrative = models.TextField(_("narasi"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("laporan bulanan")
        verbose_name_plural = _("laporan bulanan")
        constraints = [models.UniqueConstraint(fields=["office", "month"], name="monthly_report_unique")]
        # A mitra sees no figures by default; an admin grants this to a partner user under an agreement.
        permissions = [("view_aggregates", _("Melihat angka agregat Wawasan"))]

    def __str__(self) -> str:
        return f"{self.office_id} {self.month:%Y-%m}"
