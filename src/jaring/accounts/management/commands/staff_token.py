from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jaring.accounts.models import User
from jaring.accounts.services import api_token_create


class Command(BaseCommand):
    help = "Print a new staff API token for USERNAME (stored hashed; revoke it in /petugas/token/)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="cli", help="what the token is for")

    def handle(self, *args: Any, username: str, name: str, **options: Any) -> None:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"no active user named {username!r}")
        _token, plain = api_token_create(user=user, name=name)
        self.stdout.write(plain)
