from django.http import HttpRequest
from ninja.security import HttpBearer

from jaring.accounts.models import User
from jaring.accounts.services import api_token_authenticate


class StaffToken(HttpBearer):
    """`Authorization: Bearer <token>` from `jaring staff_token USER` or the tokens page in /petugas/."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = api_token_authenticate(token)
        if user is None:
            return None
        request.user = user
        return user


staff_token = StaffToken()
