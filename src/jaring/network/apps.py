from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """Jaringan: identifiers linked across reports into recruiter networks."""

    name = "jaring.network"
    verbose_name = _("Jaringan")
