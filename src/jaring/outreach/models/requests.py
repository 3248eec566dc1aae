from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jaring.lib.crypto import EncryptedTextField
from jaring.outreach.models.choices import RequesterKind, RequestStatus


class SessionRequest(models.Model):
    """A village, school, company or community asking the office for a session; handled in a queue."""

    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="outreach_requests")
    organisation = models.CharField(_("nama lembaga/desa"), max_length=200)
    requester_kind = models.CharField(_("jenis pemohon"), max_length=16, choices=RequesterKind.choices)
    region_code = models.CharField(_("wilayah"), max_length=13, blank=True)
    # The contact person is personal data: encrypted at rest, shown to officers only.
    contact_name = EncryptedTextField(_("nama narahubung"))
    contact_phone = EncryptedTextField(_("nomor telepon/WhatsApp"))
    preferred_date = models.DateField(_("tanggal yang diinginkan"), null=True, blank=True)
    topics = models.JSONField(_("topik"), default=list, blank=True)
    audience_size = models.PositiveIntegerField(_("perkiraan jumlah peserta"), null=True, blank=True)
    message = models.TextField(_("keterangan"), blank=True)

    status = models.CharField(
        _("status"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.BARU, db_index=True
    )
    staff_note = models.TextField(_("catatan petugas"), blank=True)
    event = models.ForeignKey(
        "outreach.Event", null=True, blank=True, on_delete=models.SET_NULL, related_name="requests"
    )
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    handled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("permintaan sosialisasi")
        verbose_name_plural = _("permintaan sosialisasi")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.organisation}"
