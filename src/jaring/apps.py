from django.apps import AppConfig, apps
from django.core.management import call_command
from django.db.models.signals import post_migrate


class JaringConfig(AppConfig):
    """The project package as an app: shared templates, static files, template tags and the root catalog."""

    name = "jaring"
    label = "jaring"

    def ready(self) -> None:
        # `jaring migrate` is the one command a fresh database needs: it also creates the database cache table
        # (without it every page answered 500). Sent once per migrate: this app has no models, accounts has.
        post_migrate.connect(
            _create_cache_table, sender=apps.get_app_config("accounts"), dispatch_uid="jaring-cache-table"
        )


def _create_cache_table(*, using: str, **kwargs: object) -> None:
    call_command("createcachetable", database=using, verbosity=0)
