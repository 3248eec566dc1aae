"""The WhatsApp hotline: contacts, every inbound and outbound message, and each contact's conversation state.

Privacy: a sender's number (wa_id) is personal data. It is stored encrypted (needed to write back) plus a keyed
hash (HMAC-SHA256 under a key derived from SECRET_KEY) so a contact can be found without decrypting every row.
Message texts and the conversation draft are encrypted too. See docs/whatsapp.md.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from jaring.lib.crypto import EncryptedTextField


class ConversationState(models.TextChoices):
    """Where a chat stands; conversation.Turn dispatches to its `on_<state>` handler (lapor: lapor_flow)."""

    MENU = "menu", "Menu"
    LAPOR = "lapor", "Lapor"
    CHECK = "check", "Cek laporan"
    INFO = "info", "Informasi layanan"
    OFFICER = "officer", "Bicara dengan petugas"
    THREAD = "thread", "Percakapan laporan"


class Contact(models.Model):
    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="whatsapp_contacts")
    wa_hash = models.CharField(max_length=64, unique=True)
    wa_id = EncryptedTextField()
    profile_name = EncryptedTextField(blank=True)
    language = models.CharField(max_length=2, default="id")
    # Where the conversation stands and its encrypted JSON draft: survives restarts.
    state = models.CharField(max_length=32, choices=ConversationState.choices, default=ConversationState.MENU)
    state_data = EncryptedTextField(blank=True)
    # The report this chat currently talks about (officer hand-off, a linked web report, an officer's reply).
    report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When the user last wrote: free-form replies are allowed for 24 hours after it (Meta's customer window).
    last_inbound_at = models.DateTimeField(null=True, blank=True)
    rate_notice_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kontak WhatsApp")
        verbose_name_plural = _("kontak WhatsApp")

    def __str__(self) -> str:
        return f"WA#{self.pk}"


class ContactReport(models.Model):
    """A report whose public replies go to this contact on WhatsApp (born in the chat or linked by CEK)."""

    class Via(models.TextChoices):
        CHAT = "chat", _("Dibuat lewat WhatsApp")
        CEK = "cek", _("Ditautkan dengan CEK")

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="report_links")
    report = models.OneToOneField("reports.Report", on_delete=models.CASCADE, related_name="whatsapp_link")
    via = models.CharField(max_length=8, choices=Via.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.contact} -> {self.report_id}"


class InboundMessage(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("Diterima")
        PROCESSED = "processed", _("Diproses")
        RATE_LIMITED = "rate_limited", _("Dibatasi (terlalu banyak pesan)")
        PENDING = "pending", _("Menunggu dicoba lagi")

    wamid = models.CharField(max_length=128, unique=True)  # Meta redelivers: one row per message id
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="inbound")
    kind = models.CharField(max_length=24)  # text, image, document, audio, location, interactive, button, ...
    body = EncryptedTextField(blank=True)  # text, caption, location or the chosen reply, as the user sent it
    media_id = models.CharField(max_length=128, blank=True)
    media_mime = models.CharField(max_length=100, blank=True)
    media_name = EncryptedTextField(blank=True)
    sent_at = models.DateTimeField()  # Meta's timestamp
    received_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RECEIVED)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)
    report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["received_at", "pk"]
        indexes = [
            models.Index(fields=["contact", "received_at"]),
            models.Index(fields=["status", "received_at"]),
        ]

    def __str__(self) -> str:
        return f"in {self.kind} {self.pk}"


class StagedMedia(models.Model):
    """A photo or voice note received during a guided report, cleaned and encrypted, until the report exists."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="staged_media")
    inbound = models.OneToOneField(InboundMessage, on_delete=models.CASCADE, related_name="staged")
    content = models.BinaryField()  # Fernet token of the file's bytes
    content_type = models.CharField(max_length=100)
    name = EncryptedTextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"staged {self.pk}"


class OutboundMessage(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Pesan bebas")
        TEMPLATE = "template", _("Templat")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Dalam antrean")
        HELD = "held", _("Menunggu warga membalas (di luar 24 jam)")
        RETRYING = "retrying", _("Gagal, dicoba lagi")
        SENDING = "sending", _("Sedang dikirim")
        SENT = "sent", _("Terkirim ke WhatsApp")
        DELIVERED = "delivered", _("Sampai")
        READ = "read", _("Dibaca")
        FAILED = "failed", _("Gagal")

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="outbound")
    report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The officer's reply this message carries (None for the menu's automatic answers).
    report_message = models.ForeignKey(
        "reports.Message", null=True, blank=True, on_delete=models.SET_NULL, related_name="whatsapp_outbound"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TEXT)
    body = EncryptedTextField(blank=True)
    template_name = models.CharField(max_length=100, blank=True)
    template_params = EncryptedTextField(blank=True)  # JSON list of body parameters
    # Text to blank out of `body` once sent (a follow-up key is shown once, not kept).
    redact = EncryptedTextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    wamid = models.CharField(max_length=128, null=True, blank=True, unique=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"out {self.kind} {self.pk} {self.status}"

    @property
    def is_problem(self) -> bool:
        return self.status in (self.Status.RETRYING, self.Status.FAILED, self.Status.HELD)


class Alert(models.Model):
    """A problem with the channel itself (e.g. the access token expired) shown to staff until it is resolved."""

    kind = models.CharField(max_length=32)
    message = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.created_at:%Y-%m-%d %H:%M}"
