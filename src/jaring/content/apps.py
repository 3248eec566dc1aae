from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "jaring.content"
