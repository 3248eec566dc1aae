from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "jaring.reports"
