import pytest
from django.core.management import call_command

from jaring.accounts.models import ApiToken
from jaring.accounts.services import api_token_authenticate, api_token_create, api_token_revoke, token_digest

pytestmark = pytest.mark.django_db


def test_staff_token_command_prints_a_token_stored_only_as_digest(petugas, capsys) -> None:
    call_command("staff_token", "petugas")
    plain = capsys.readouterr().out.strip()
    token = ApiToken.objects.get(user=petugas)
    assert plain.startswith("jrg_") and len(plain) > 40
    assert token.digest == token_digest(plain)
    assert plain not in (token.digest, token.prefix)
    assert api_token_authenticate(plain) == petugas


def test_revoked_token_no_longer_authenticates(petugas) -> None:
    token, plain = api_token_create(user=petugas, name="test")
    api_token_revoke(token=token, actor=petugas)
    assert api_token_authenticate(plain) is None


def test_unknown_user_is_a_clear_error(db) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no active user"):
        call_command("staff_token", "nobody")


def test_tokens_page_creates_and_revokes(petugas_client, petugas) -> None:
    response = petugas_client.post("/petugas/token/", {"name": "integrasi"})
    assert "jrg_" in response.content.decode()
    token = ApiToken.objects.get(user=petugas)
    petugas_client.post(f"/petugas/token/{token.pk}/cabut/")
    token.refresh_from_db()
    assert token.revoked_at is not None
