from django.db.models import QuerySet

from jaring.accounts.models import ApiToken, Office, User


def primary_office() -> Office | None:
    """The office whose hotline and channels the public pages show (the first one configured)."""
    return Office.objects.order_by("pk").first()


def api_tokens_for(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def staff_users_of_office(office: Office) -> QuerySet[User]:
    return User.objects.filter(
        office=office, is_active=True, role__in=[User.Role.PETUGAS, User.Role.SUPERVISOR]
    )
