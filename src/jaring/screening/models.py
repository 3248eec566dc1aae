"""Screening data: the licensed-P3MI registry, identifiers confirmed by officers, and anonymous counters.

The checked texts themselves are never stored (DESIGN.md, issue 5): only ScreeningStat counters.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class P3mi(models.Model):
    """A placement company (P3MI) from the official SIP3MI list, imported with `jaring import_p3mi FILE`."""

    name = models.CharField(_("nama"), max_length=200)
    # Folded name without legal forms (engine.lookups.company_key): what names in offers are matched on.
    name_key = models.CharField(max_length=200, db_index=True)
    licence_number = models.CharField(_("nomor SIP3MI"), max_length=100, unique=True)
    address = models.CharField(_("alamat"), max_length=300, blank=True)
    phones = models.CharField(_("telepon (E.164, dipisah koma)"), max_length=200, blank=True)
    is_active = models.BooleanField(_("izin aktif"), default=True)
    is_sample = models.BooleanField(
        _("data contoh"), default=False, help_text=_("Data fiktif untuk demo dan uji.")
    )
    source = models.CharField(_("sumber berkas"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "P3MI"
        verbose_name_plural = "P3MI"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.licence_number})"

    @property
    def phone_list(self) -> tuple[str, ...]:
        return tuple(p for p in self.phones.split(",") if p)


class ConfirmedIdentifier(models.Model):
    """A phone, account, link, e-mail or handle that an officer confirmed as used by a trafficker or scammer.

    Only these make the checker say "nomor ini telah dilaporkan"; raw, unverified tips never do. Values are
    normalised by lib.identifiers, the same form the network linker (Jaringan) uses, which will feed this table.
    """

    class Kind(models.TextChoices):
        PHONE = "phone", _("Nomor telepon")
        ACCOUNT = "account", _("Rekening / dompet digital")
        URL = "url", _("Tautan")
        EMAIL = "email", _("E-mail")
        HANDLE = "handle", _("Akun media sosial")

    kind = models.CharField(_("jenis"), max_length=16, choices=Kind.choices)
    value = models.CharField(_("nilai (dinormalkan)"), max_length=200)
    reason = models.CharField(_("alasan"), max_length=300)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dikonfirmasi oleh"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("identitas terkonfirmasi")
        verbose_name_plural = _("identitas terkonfirmasi")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["kind", "value"], name="confirmed_identifier_unique")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"


class ScreeningStat(models.Model):
    """How many checks per ISO week had this risk level (flag="") or this flag, per channel and event code."""

    class Channel(models.TextChoices):
        WEB = "web", "Web"
        API = "api", "API"
        CLI = "cli", "CLI"

    week = models.CharField(_("minggu ISO"), max_length=8, help_text="e.g. 2025-W07")
    risk_level = models.CharField(_("tingkat risiko"), max_length=8)
    flag = models.CharField(_("tanda bahaya"), max_length=40, blank=True)
    channel = models.CharField(_("kanal"), max_length=8, choices=Channel.choices)
    ref = models.CharField(_("kode acara"), max_length=32, blank=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("statistik cek tawaran")
        verbose_name_plural = _("statistik cek tawaran")
        constraints = [
            models.UniqueConstraint(
                fields=["week", "risk_level", "flag", "channel", "ref"], name="screening_stat_key"
            )
        ]
        indexes = [models.Index(fields=["week"])]

    def __str__(self) -> str:
        return f"{self.week} {self.risk_level} {self.flag or '*'} {self.channel} {self.ref}: {self.count}"
