from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_search_index(sender: AppConfig, using: str = "default", **kwargs: object) -> None:
    from django.db import connections

    from jaring.casework.search import ensure_search_index

    ensure_search_index(connections[using])


class CaseworkConfig(AppConfig):
    """Ruang petugas: triage, workflow, deadlines, referrals to partner agencies, staff API."""

    name = "jaring.casework"

    def ready(self) -> None:
        from jaring.casework import urgent_notice
        from jaring.reports import events

        post_migrate.connect(_ensure_search_index, sender=self)
        events.report_marked_urgent.connect(
            urgent_notice.queue_urgent_notice, dispatch_uid="casework.report_marked_urgent"
        )
