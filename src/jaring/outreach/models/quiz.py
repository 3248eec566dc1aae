from django.db import models
from django.utils.translation import gettext_lazy as _

from jaring.outreach.models.choices import Phase


class QuizResponse(models.Model):
    """One anonymous quiz submission. `device_hash` is an HMAC of a random cookie: no IP, no identity.

    `answers` keeps, per question id, the chosen option and whether it was right, so results stay true even
    after the quiz data file changes.
    """

    event = models.ForeignKey("outreach.Event", on_delete=models.CASCADE, related_name="quiz_responses")
    phase = models.CharField(max_length=4, choices=Phase.choices)
    device_hash = models.CharField(max_length=64)
    score = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    answers = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("jawaban kuis")
        verbose_name_plural = _("jawaban kuis")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "phase", "device_hash"], name="quiz_once_per_device_phase"
            ),
            models.CheckConstraint(
                name="quiz_score_within_total", condition=models.Q(score__lte=models.F("total"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event_id}/{self.phase}: {self.score}/{self.total}"

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.total if self.total else 0.0
