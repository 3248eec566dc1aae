from django.apps import AppConfig


class JaringConfig(AppConfig):
    """The project package as an app: shared templates, static files, template tags and the root catalog."""

    name = "jaring"
    label = "jaring"
