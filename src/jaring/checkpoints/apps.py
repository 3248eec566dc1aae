from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CheckpointsConfig(AppConfig):
    """TPI: departure screening at the immigration checkpoints."""

    name = "jaring.checkpoints"
    verbose_name = _("TPI")
