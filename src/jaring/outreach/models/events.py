from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jaring.lib import regions
from jaring.outreach.models.choices import AgeBand, Audience, EventKind, Topic

AGE_FIELDS = [band.value for band in AgeBand]


class Event(models.Model):
    """One outreach activity. `code` (e.g. SOS-7KQ2) is printed on materials and typed into Lapor/Cek."""

    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="outreach_events")
    programme = models.ForeignKey(
        "outreach.Programme", null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    code = models.CharField(max_length=12, unique=True)
    title = models.CharField(_("judul"), max_length=200)
    kind = models.CharField(_("jenis kegiatan"), max_length=20, choices=EventKind.choices)
    starts_at = models.DateTimeField(_("mulai"), db_index=True)
    ends_at = models.DateTimeField(_("selesai"))
    region_code = models.CharField(_("wilayah"), max_length=13, blank=True, db_index=True)
    venue = models.CharField(_("tempat"), max_length=200, blank=True)
    topics = models.JSONField(_("topik"), default=list)
    audiences = models.JSONField(_("kelompok sasaran"), default=list)
    agencies = models.ManyToManyField("accounts.Agency", blank=True, related_name="outreach_events")
    materials = models.TextField(_("materi"), blank=True)
    notes = models.TextField(_("catatan"), blank=True)
    follow_ups = models.TextField(_("tindak lanjut"), blank=True)
    # Question ids from the quiz data file, fixed when the event is created so pre and post compare alike.
    quiz_questions = models.JSONField(default=list, blank=True)

    # Attendance: counts only. The service keeps by-sex sum == by-age sum == total.
    attendance_total = models.PositiveIntegerField(_("jumlah peserta"), default=0)
    male = models.PositiveIntegerField(_("laki-laki"), default=0)
    female = models.PositiveIntegerField(_("perempuan"), default=0)
    age_under_18 = models.PositiveIntegerField(AgeBand.UNDER_18.label, default=0)
    age_18_25 = models.PositiveIntegerField(AgeBand.AGE_18_25.label, default=0)
    age_26_40 = models.PositiveIntegerField(AgeBand.AGE_26_40.label, default=0)
    age_41_60 = models.PositiveIntegerField(AgeBand.AGE_41_60.label, default=0)
    age_over_60 = models.PositiveIntegerField(AgeBand.OVER_60.label, default=0)

    is_sample = models.BooleanField(_("data contoh"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kegiatan sosialisasi")
        verbose_name_plural = _("kegiatan sosialisasi")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["office", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                name="event_times_ordered", condition=models.Q(ends_at__gte=models.F("starts_at"))
            ),
            models.CheckConstraint(
                name="event_attendance_by_sex_adds_up",
                condition=models.Q(attendance_total=models.F("male") + models.F("female")),
            ),
            models.CheckConstraint(
                name="event_attendance_by_age_adds_up",
                condition=models.Q(
                    attendance_total=models.F("age_under_18")
                    + models.F("age_18_25")
                    + models.F("age_26_40")
                    + models.F("age_41_60")
                    + models.F("age_over_60")
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def region(self) -> regions.Region | None:
        return regions.get(self.region_code) if self.region_code else None

    @property
    def place_label(self) -> str:
        region = self.region
        parts = [self.venue, region.full_label if region else ""]
        return ", ".join(p for p in parts if p)

    @property
    def ages(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in AGE_FIELDS}

    def get_topics_display(self) -> list[str]:
        labels = dict(Topic.choices)
        return [str(labels.get(t, t)) for t in self.topics]

    def get_audiences_display(self) -> list[str]:
        labels = dict(Audience.choices)
        return [str(labels.get(a, a)) for a in self.audiences]
