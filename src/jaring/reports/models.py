"""Reports from the public (Lapor): the report, the people/identifiers involved, the two-way thread, files.

Privacy (DESIGN.md): no IP address is ever stored; reporter identity and every attachment are encrypted at rest;
the follow-up key is stored only as an argon2 hash.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jaring.lib.crypto import EncryptedTextField


class Category(models.TextChoices):
    TPPO = "tppo", _("Dugaan perdagangan orang (TPPO)")
    PMI_NONPROSEDURAL = "pmi_nonprosedural", _("Pekerja migran nonprosedural")
    PEREKRUT = "perekrut", _("Perekrut atau tawaran kerja mencurigakan")
    ORANG_ASING = "orang_asing", _("Orang asing mencurigakan")
    DOKUMEN = "dokumen", _("Dokumen palsu atau disalahgunakan")
    LAYANAN = "layanan", _("Pengaduan layanan")
    ASPIRASI = "aspirasi", _("Aspirasi atau masukan")
    PERTANYAAN = "pertanyaan", _("Pertanyaan")


class IdentityMode(models.TextChoices):
    ANONIM = "anonim", _("Anonim")
    RAHASIA = "rahasia", _("Rahasia")


class Channel(models.TextChoices):
    WEB = "web", _("Situs web")
    API = "api", "API"
    WHATSAPP = "whatsapp", "WhatsApp"
    OFFICER = "petugas", _("Dicatat petugas")


class Status(models.TextChoices):
    BARU = "baru", _("Baru")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")
    DITINDAKLANJUTI = "ditindaklanjuti", _("Ditindaklanjuti")
    MENUNGGU_PELAPOR = "menunggu_pelapor", _("Menunggu pelapor")
    DIRUJUK = "dirujuk", _("Dirujuk ke instansi mitra")
    SELESAI = "selesai", _("Selesai")
    DITOLAK = "ditolak", _("Ditolak")


class Priority(models.TextChoices):
    RENDAH = "rendah", _("Rendah")
    NORMAL = "normal", _("Normal")
    TINGGI = "tinggi", _("Tinggi")
    DARURAT = "darurat", _("Darurat")


class PartyKind(models.TextChoices):
    PHONE = "phone", _("Nomor telepon")
    EMAIL = "email", _("Email")
    URL = "url", _("Tautan")
    HANDLE = "handle", _("Akun media sosial")
    ACCOUNT = "account", _("Rekening/dompet digital")
    COMPANY = "company", _("Perusahaan")
    PERSON = "person", _("Nama orang")
    PASSPORT = "passport", _("Nomor paspor")
    PLATE = "plate", _("Pelat kendaraan")
    VESSEL = "vessel", _("Kapal")


class Report(models.Model):
    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="reports")
    tracking_code = models.CharField(max_length=16, unique=True)
    follow_up_key_hash = models.CharField(max_length=200)
    # A client-chosen token that makes a retried or double-clicked submission create one report.
    submission_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    channel = models.CharField(max_length=16, choices=Channel.choices, default=Channel.WEB)

    category = models.CharField(_("kategori"), max_length=32, choices=Category.choices)
    description = models.TextField(_("uraian"))
    incident_date = models.DateField(_("tanggal kejadian"), null=True, blank=True)
    region_code = models.CharField(_("kode wilayah"), max_length=13, blank=True, db_index=True)
    location_text = models.CharField(_("keterangan lokasi"), max_length=300, blank=True)
    heard_from = models.CharField(_("mengetahui kanal ini dari"), max_length=100, blank=True)

    identity_mode = models.CharField(max_length=8, choices=IdentityMode.choices, default=IdentityMode.ANONIM)
    reporter_name = EncryptedTextField(blank=True)
    reporter_contact = EncryptedTextField(blank=True)
    share_identity_with_partners = models.BooleanField(default=False)
    # Rahasia only: tell the reporter at `reporter_contact` (e-mail or WhatsApp) that an answer is waiting, never
    # what it says (channels.receivers.notify_reporter_of_answer). The language of the link they get.
    # Database defaults too: bulk writers that list columns (gen_reports) need not know these.
    notify_new_answer = models.BooleanField(default=False, db_default=False)
    reporter_language = models.CharField(max_length=8, blank=True, default="", db_default="")

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.BARU, db_index=True)
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_reports",
    )
    duplicate_of = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT)
    verify_due = models.DateField(null=True, blank=True)
    follow_up_due = models.DateField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    close_reason = models.TextField(blank=True)
    # The office-local days of the first response (the first status change out of "baru") and of closing,
    # kept as they happen so that the deadline figures compare two dates per row, not a subquery.
    responded_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    # Urgent (reports/urgency.py): set at intake from the reporter's words or by an officer; it shortens the
    # deadlines (reports/deadlines.py) and puts the open report first in the inbox. The reasons are
    # [{"rule": "departure", "match": "besok"}, ...] or [{"rule": "officer", "match": <the officer's reason>}].
    urgent = models.BooleanField(_("mendesak"), default=False, db_default=False)
    urgency_reasons = models.JSONField(default=list, blank=True, db_default=[])
    # Unread reporter messages: the reporter's messages newer than officers_seen_at (the last time an officer
    # of the office opened the case page or replied). last_reporter_message_at makes "has unread" one
    # comparison of two columns.
    last_reporter_message_at = models.DateTimeField(null=True, blank=True)
    officers_seen_at = models.DateTimeField(null=True, blank=True)

    # Stemmed words of the description, parties and messages: what search matches (lib.text.search_terms).
    search_text = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("laporan")
        verbose_name_plural = _("laporan")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["office", "status", "-created_at"]),
            # The inbox's first tier (urgent open reports) and the staff home read these few rows directly.
            models.Index(
                fields=["office", "status", "id"], condition=models.Q(urgent=True), name="report_urgent_idx"
            ),
            models.Index(
                fields=["office", "last_reporter_message_at"],
                condition=models.Q(last_reporter_message_at__isnull=False),
                name="report_reporter_msg_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_code


class Party(models.Model):
    """A person, organisation or identifier the reporter names (the recruiter's phone, a company, an account)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="parties")
    kind = models.CharField(max_length=16, choices=PartyKind.choices)
    value = models.CharField(max_length=300)
    normalized = models.CharField(max_length=300, blank=True, db_index=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("pihak terlibat")
        verbose_name_plural = _("pihak terlibat")

    def __str__(self) -> str:
        return f"{self.kind}: {self.value}"


class Message(models.Model):
    """One entry of the two-way thread. Internal notes (is_internal) are never shown to the reporter."""

    class Author(models.TextChoices):
        PELAPOR = "pelapor", _("Pelapor")
        PETUGAS = "petugas", _("Petugas")
        MITRA = "mitra", _("Mitra")
        SISTEM = "sistem", _("Sistem")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(max_length=16, choices=Author.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    body = models.TextField()
    is_internal = models.BooleanField(default=False)
    channel = models.CharField(max_length=16, choices=Channel.choices, default=Channel.WEB)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report_id}/{self.pk} {self.author_kind}"


class Attachment(models.Model):
    """A file stored encrypted under MEDIA_ROOT; images were re-encoded without metadata before encryption."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    original_name = EncryptedTextField(blank=True)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    storage_name = models.CharField(max_length=200, unique=True)
    metadata_removed = models.BooleanField(default=False)
    uploaded_by = models.CharField(max_length=16, choices=Message.Author.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.report_id}/{self.storage_name}"


class StatusChange(models.Model):
    """The status timeline; `public_note` is what the reporter reads on /lapor/cek/."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    reason = models.TextField(blank=True)
    public_note = models.TextField(blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.from_status} -> {self.to_status}"
