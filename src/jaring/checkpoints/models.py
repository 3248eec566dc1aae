"""TPI: departure screening at immigration checkpoints (FACTS.md, "Checkpoint screening").

The traveller's identity (name, passport number, phone) is encrypted at rest like a Rahasia reporter's; the
passport and the person are also kept as keyed digests (HMAC) so a repeat attempt is found without
decrypting anything. Sex, birth year and origin region stay plain: the office counts by them.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jaring.lib.crypto import EncryptedTextField
from jaring.reports.models import PartyKind


class Checkpoint(models.Model):
    """A Tempat Pemeriksaan Imigrasi (ferry terminal or airport) of an office."""

    class Kind(models.TextChoices):
        SEAPORT = "seaport", _("Pelabuhan laut")
        AIRPORT = "airport", _("Bandar udara")

    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="checkpoints")
    slug = models.SlugField(unique=True)
    name = models.CharField(_("nama"), max_length=120)
    kind = models.CharField(_("jenis"), max_length=16, choices=Kind.choices)
    region_code = models.CharField(_("kode wilayah"), max_length=13, help_text="Kemendagri, e.g. 21.71.05")
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("TPI")
        verbose_name_plural = _("TPI")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Assignment(models.Model):
    """An officer posted at a checkpoint; officers may be posted at several."""

    checkpoint = models.ForeignKey(Checkpoint, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkpoint_assignments"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("penugasan TPI")
        verbose_name_plural = _("penugasan TPI")
        constraints = [
            models.UniqueConstraint(fields=["checkpoint", "user"], name="checkpoint_assignment_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.checkpoint_id}"


class Outcome(models.TextChoices):
    DIPERIKSA = "diperiksa", _("Sedang diperiksa")
    DIIZINKAN = "diizinkan", _("Diizinkan berangkat")
    DITUNDA = "ditunda", _("Keberangkatan ditunda")
    DIRUJUK = "dirujuk", _("Dirujuk ke BP3MI")
    DISERAHKAN = "diserahkan", _("Diserahkan ke kepolisian")


class Ticket(models.TextChoices):
    RETURN = "pp", _("Pulang-pergi")
    ONE_WAY = "sekali_jalan", _("Sekali jalan")
    NONE = "tidak_ada", _("Tidak ada tiket")


class Payer(models.TextChoices):
    SELF = "sendiri", _("Sendiri")
    FAMILY = "keluarga", _("Keluarga")
    SPONSOR = "sponsor", _("Sponsor/perekrut")
    EMPLOYER = "pemberi_kerja", _("Calon pemberi kerja")
    UNKNOWN = "tidak_tahu", _("Tidak tahu")


class Sex(models.TextChoices):
    L = "L", _("Laki-laki")
    P = "P", _("Perempuan")


class Screening(models.Model):
    checkpoint = models.ForeignKey(Checkpoint, on_delete=models.PROTECT, related_name="screenings")
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    screened_at = models.DateTimeField(_("waktu pemeriksaan"))
    # Digest of the client's Idempotency-Key / form token: a retried submit returns the first record.
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True)

    traveller_name = EncryptedTextField(blank=True)
    passport_number = EncryptedTextField(blank=True)
    traveller_phone = EncryptedTextField(blank=True)
    passport_digest = models.CharField(max_length=64, blank=True, db_index=True)
    person_digest = models.CharField(max_length=64, blank=True, db_index=True)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("tahun lahir"), null=True, blank=True)
    origin_region_code = models.CharField(_("daerah asal"), max_length=13, blank=True)
    identity_erased_at = models.DateTimeField(null=True, blank=True)

    destination = models.CharField(_("negara tujuan"), max_length=2, help_text="ISO 3166-1 alpha-2")
    purpose = models.CharField(_("tujuan perjalanan"), max_length=32)
    ticket = models.CharField(_("tiket"), max_length=16, choices=Ticket.choices)
    paid_by = models.CharField(_("dibayar oleh"), max_length=16, choices=Payer.choices)
    answers = models.JSONField(default=dict, blank=True)  # question code -> answer (interview_guide.json)
    self_answers = models.JSONField(default=dict, blank=True)  # from the private self-interview
    flags = models.JSONField(default=list, blank=True)  # reason codes the answers raised

    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.DIPERIKSA)
    reasons = models.JSONField(default=list, blank=True)  # reason codes of a postponement
    notes = models.TextField(_("catatan"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    repeat_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )  # the earlier postponement of the same passport or person
    report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.PROTECT, related_name="screenings"
    )  # the case opened from this screening (hand-over or TPPO suspicion)
    handover_consent = models.BooleanField(default=False)
    is_sample = models.BooleanField(default=False)  # demo data
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pemeriksaan TPI")
        verbose_name_plural = _("pemeriksaan TPI")
        ordering = ["-screened_at", "-pk"]
        indexes = [
            models.Index(fields=["checkpoint", "screened_at"]),
            models.Index(fields=["outcome", "screened_at"]),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def code(self) -> str:
        return f"TPI-{self.pk}"


class ScreeningParty(models.Model):
    """Sponsor, recruiter or escort (names, phones, accounts, companies): the same kinds as report parties."""

    class Role(models.TextChoices):
        SPONSOR = "sponsor", _("Sponsor")
        RECRUITER = "perekrut", _("Perekrut")
        ESCORT = "pendamping", _("Pendamping")

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(max_length=16, choices=Role.choices)
    kind = models.CharField(max_length=16, choices=PartyKind.choices)
    value = models.CharField(max_length=300)
    normalized = models.CharField(max_length=300, blank=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.role} {self.kind}: {self.value}"


class SelfInterview(models.Model):
    """A private yes/no interview the traveller answers on the tablet or their own phone (QR link)."""

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="self_interviews")
    token_digest = models.CharField(max_length=64, unique=True)  # sha256 of the link's 128-bit token
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.screening_id} ({'done' if self.completed_at else 'open'})"
