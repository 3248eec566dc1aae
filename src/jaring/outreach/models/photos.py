from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EventPhoto(models.Model):
    """A documentation photo of an event: re-encoded without metadata and encrypted (jaring.lib.uploads)."""

    event = models.ForeignKey("outreach.Event", on_delete=models.CASCADE, related_name="photos")
    storage_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=40)
    original_name = models.CharField(max_length=150)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    caption = models.CharField(_("keterangan"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("foto kegiatan")
        verbose_name_plural = _("foto kegiatan")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.original_name
