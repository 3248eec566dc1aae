"""Casework records that belong to the officers' workspace: labels, reply templates, referrals to partners.

The report itself, its thread and status timeline live in jaring.reports (models owned by the Lapor issue).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Label(models.Model):
    """A free label an office puts on reports (GlobaLeaks-style), e.g. "Kamboja", "jalur tikus"."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="labels")
    name = models.CharField(_("nama"), max_length=60)

    class Meta:
        verbose_name = _("label")
        verbose_name_plural = _("label")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["office", "name"], name="label_unique_per_office")]

    def __str__(self) -> str:
        return self.name


class ReportLabel(models.Model):
    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="report_labels")
    label = models.ForeignKey(Label, on_delete=models.CASCADE, related_name="report_labels")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "label"], name="report_label_unique")]

    def __str__(self) -> str:
        return f"{self.report_id}:{self.label_id}"


class ReplyTemplate(models.Model):
    """A saved public reply (canned response), edited by the office's supervisors."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="reply_templates")
    title = models.CharField(_("judul"), max_length=120)
    body = models.TextField(_("isi"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("templat balasan")
        verbose_name_plural = _("templat balasan")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["office", "title"], name="reply_template_unique_title")
        ]

    def __str__(self) -> str:
        return self.title


class Referral(models.Model):
    """A report handed to a partner agency ("no wrong door", SP4N-LAPOR!); the mitra records the outcome."""

    class Status(models.TextChoices):
        DIKIRIM = "dikirim", _("Dikirim")
        DITERIMA = "diterima", _("Diterima")
        DITINDAKLANJUTI = "ditindaklanjuti", _("Ditindaklanjuti")
        SELESAI = "selesai", _("Selesai")

    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="referrals")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="referrals")
    note = models.TextField(_("catatan rujukan"))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DIKIRIM)
    outcome = models.TextField(_("hasil"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rujukan")
        verbose_name_plural = _("rujukan")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["agency", "report"])]

    def __str__(self) -> str:
        return f"{self.report_id} -> {self.agency_id} ({self.status})"


class ReferralUpdate(models.Model):
    """One follow-up the mitra recorded; shown to officers in the report's timeline."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(max_length=20, choices=Referral.Status.choices)
    note = models.TextField(blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.referral_id}: {self.status}"


class ReferralMessage(models.Model):
    """A question or answer between the partner agency and the office about one referral.

    Never shown to the reporter; the reporter's own words reach the partner only through SharedReporterMessage.
    """

    class Side(models.TextChoices):
        MITRA = "mitra", _("Instansi mitra")
        PETUGAS = "petugas", _("Petugas")

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="messages")
    side = models.CharField(max_length=8, choices=Side.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.referral_id}/{self.pk} {self.side}"


class SharedReporterMessage(models.Model):
    """A reporter's follow-up message an officer chose to show the agency of one referral (never by default)."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="shared_messages")
    message = models.ForeignKey("reports.Message", on_delete=models.CASCADE, related_name="+")
    shared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["referral", "message"], name="shared_reporter_message_once")
        ]

    def __str__(self) -> str:
        return f"{self.referral_id} <- {self.message_id}"
