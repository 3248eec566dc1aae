from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "jaring.accounts"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from jaring.accounts.models import Office
        from jaring.accounts.selectors import forget_primary_office

        post_save.connect(forget_primary_office, sender=Office, dispatch_uid="forget_primary_office_save")
        post_delete.connect(forget_primary_office, sender=Office, dispatch_uid="forget_primary_office_delete")
