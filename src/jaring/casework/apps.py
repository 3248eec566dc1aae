from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    """Ruang petugas: triage, workflow, deadlines, referrals to partner agencies, staff API."""

    name = "jaring.casework"
