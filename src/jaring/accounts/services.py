import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from jaring.accounts.models import ApiToken, User
from jaring.audit.services import audit_record
from jaring.lib.ratelimit import count_event

TOKEN_PREFIX = "jrg_"  # noqa: S105 - a visible prefix, not a secret


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str, actor: User | None = None) -> tuple[ApiToken, str]:
    """Creates a token and returns it with its plain value, which is shown once and never stored."""
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name[:100], prefix=plain[:12], digest=token_digest(plain))
    audit_record(
        action="api_token.created",
        actor=actor or user,
        obj=token,
        office=user.office,
        summary=f"{user.username}: {token.name}",
    )
    return token, plain


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor: User) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(
            action="api_token.revoked",
            actor=actor,
            obj=token,
            office=token.user.office,
            summary=f"{token.user.username}: {token.name}",
        )


def api_token_authenticate(plain: str) -> User | None:
    if not plain.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=token_digest(plain), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Touch at most once a minute: a busy integration should not turn every read into a write.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def _failures_key(username: str) -> str:
    return "login-failures:" + hashlib.sha256(username.strip().lower().encode()).hexdigest()


def login_is_locked(username: str) -> bool:
    return cache.get(_failures_key(username), 0) >= settings.LOGIN_MAX_FAILURES


def login_failure_record(*, username: str) -> bool:
    """Counts a failed login for the username; returns True when that locks the account for a while."""
    failures = count_event(_failures_key(username), timeout=settings.LOGIN_LOCKOUT_SECONDS)
    locked = failures >= settings.LOGIN_MAX_FAILURES
    audit_record(
        action="login.locked" if locked else "login.failed",
        actor_label=username[:64],
        object_type="accounts.user",
        summary=f"failures={failures}",
    )
    return locked


def login_success_record(*, user: User) -> None:
    cache.delete(_failures_key(user.username))
    audit_record(action="login.succeeded", actor=user, obj=user, office=user.office)
