from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Office(models.Model):
    """A Kantor Imigrasi running Jaring; reports, content and outreach belong to one office."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("nama"), max_length=200)
    short_name = models.CharField(_("nama singkat"), max_length=80)
    time_zone = models.CharField(_("zona waktu"), max_length=64, default="Asia/Jakarta")
    region_code = models.CharField(_("kode wilayah kerja"), max_length=13, help_text="Kemendagri, e.g. 21.71")
    address = models.CharField(_("alamat"), max_length=300, blank=True)
    hotline_whatsapp = models.CharField(_("WhatsApp pengaduan"), max_length=32, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("situs web"), blank=True)
    instagram_url = models.URLField("Instagram", blank=True)
    x_url = models.URLField("X", blank=True)
    tiktok_url = models.URLField("TikTok", blank=True)
    verify_days = models.PositiveSmallIntegerField(_("batas verifikasi (hari kerja)"), default=3)
    follow_up_days = models.PositiveSmallIntegerField(_("batas tindak lanjut (hari kerja)"), default=5)

    class Meta:
        verbose_name = _("kantor")
        verbose_name_plural = _("kantor")

    def __str__(self) -> str:
        return self.name

    @property
    def hotline_wa_me(self) -> str:
        """wa.me link for the hotline: digits only, Indonesian trunk 0 replaced by country code 62."""
        digits = "".join(ch for ch in self.hotline_whatsapp if ch.isdigit())
        if digits.startswith("0"):
            digits = "62" + digits[1:]
        return f"https://wa.me/{digits}" if digits else ""


class Agency(models.Model):
    """A partner agency (BP3MI, police, Disnaker, ...) that reports can be referred to."""

    class Kind(models.TextChoices):
        BP2MI = "bp2mi", "BP2MI/BP3MI"
        POLICE = "polisi", _("Kepolisian")
        LABOUR = "disnaker", _("Dinas Tenaga Kerja")
        OTHER = "lainnya", _("Lainnya")

    slug = models.SlugField(unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=16, choices=Kind.choices, default=Kind.OTHER)
    email = models.EmailField(_("email"), blank=True)
    offices = models.ManyToManyField(Office, related_name="agencies", blank=True)

    class Meta:
        verbose_name = _("instansi mitra")
        verbose_name_plural = _("instansi mitra")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    class Role(models.TextChoices):
        PETUGAS = "petugas", _("Petugas")
        SUPERVISOR = "supervisor", _("Supervisor")
        MITRA = "mitra", _("Mitra")
        ADMIN = "admin", _("Admin")
        # Kantor Wilayah: reads the aggregate figures of every office in its province (insights/).
        KANWIL = "kanwil", _("Kanwil")

    # The roles that handle an office's reports (what each may do: accounts/permissions.py).
    OFFICER_ROLES = (Role.PETUGAS, Role.SUPERVISOR)

    role = models.CharField(_("peran"), max_length=16, choices=Role.choices, default=Role.PETUGAS)
    office = models.ForeignKey(Office, null=True, blank=True, on_delete=models.PROTECT, related_name="users")
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="users")
    # A Kanwil user's province (Kemendagri, 2 digits, e.g. 21 = Kepulauan Riau); empty for everyone else.
    province_code = models.CharField(_("kode provinsi"), max_length=2, blank=True)
    # Where a supervisor receives urgent-report notices on WhatsApp (E.164 without "+", e.g. 6281234567890);
    # empty: e-mail only. The notice carries the receipt code and a link, never the reporter's identity.
    notify_whatsapp = models.CharField(_("WhatsApp untuk notifikasi"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.CheckConstraint(
                name="mitra_has_agency",
                condition=~models.Q(role="mitra") | models.Q(agency__isnull=False),
            ),
        ]

    @property
    def is_officer(self) -> bool:
        """Officers of an office: petugas and supervisors (admins configure, they do not handle cases)."""
        return self.role in self.OFFICER_ROLES and self.office_id is not None

    @property
    def is_supervisor(self) -> bool:
        return self.role == self.Role.SUPERVISOR

    @property
    def is_mitra(self) -> bool:
        return self.role == self.Role.MITRA

    @property
    def is_kanwil(self) -> bool:
        return self.role == self.Role.KANWIL and bool(self.province_code)

    @property
    def is_admin_role(self) -> bool:
        return self.role == self.Role.ADMIN or self.is_superuser


class ApiToken(models.Model):
    """A bearer token for the staff API. Only a SHA-256 digest is stored: tokens carry 256 random bits."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("nama"), max_length=100)
    prefix = models.CharField(max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"
