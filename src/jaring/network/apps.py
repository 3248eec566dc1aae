from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """Jaringan: identifiers linked across reports into recruiter networks."""

    name = "jaring.network"
    verbose_name = _("Jaringan")

    def ready(self) -> None:
        from jaring.network import receivers
        from jaring.reports import events

        events.report_submitted.connect(receivers.queue_report_link, dispatch_uid="network.report_submitted")
        events.report_message_added.connect(
            receivers.queue_message_link, dispatch_uid="network.message_added"
        )
