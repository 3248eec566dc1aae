import pytest
from django.test import Client
from django.urls import reverse

from jaring.audit.models import AuditEvent
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_staff_home_requires_login(client: Client) -> None:
    response = client.get("/petugas/")
    assert response.status_code == 302
    assert response["Location"].startswith("/petugas/masuk/")


def test_officer_logs_in_and_sees_staff_home(client: Client, petugas) -> None:
    response = client.post("/petugas/masuk/", {"username": "petugas", "password": PASSWORD}, follow=True)
    assert response.status_code == 200
    assert "Ruang petugas" in response.content.decode()
    assert AuditEvent.objects.filter(action="login.succeeded", actor=petugas).exists()


def test_password_is_hashed_with_argon2(petugas) -> None:
    from django.conf import settings as project_settings
    from django.test import override_settings

    from jaring import settings as configured

    with override_settings(PASSWORD_HASHERS=configured.PASSWORD_HASHERS):
        petugas.set_password("another-password-99")
        petugas.save()
        assert petugas.password.startswith("argon2")
        assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_repeated_failures_lock_the_account_even_for_the_right_password(
    client: Client, petugas, settings
) -> None:
    settings.LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        response = client.post("/petugas/masuk/", {"username": "petugas", "password": "wrong-password"})
        assert response.status_code == 200
    response = client.post("/petugas/masuk/", {"username": "petugas", "password": PASSWORD})
    assert "dikunci sementara" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="login.locked").exists()


def test_lockout_message_in_english(client: Client, petugas, settings) -> None:
    settings.LOGIN_MAX_FAILURES = 1
    client.post("/en/petugas/masuk/", {"username": "petugas", "password": "nope-nope"})
    response = client.post("/en/petugas/masuk/", {"username": "petugas", "password": PASSWORD})
    assert "temporarily locked" in response.content.decode()


def test_logout_ends_the_session(petugas) -> None:
    client = Client()
    client.force_login(petugas)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert client.get("/petugas/").status_code == 302


def test_wrong_password_message_reads_naturally_in_indonesian(client: Client, petugas) -> None:
    response = client.post("/petugas/masuk/", {"username": "petugas", "password": "salah-sekali"})
    page = response.content.decode()
    assert "Nama pengguna atau sandi salah." in page
    assert "nama pengguna nama pengguna" not in page.lower()


def test_wrong_password_message_in_english(client: Client, petugas) -> None:
    response = client.post("/en/petugas/masuk/", {"username": "petugas", "password": "wrong-wrong"})
    page = response.content.decode()
    assert "Wrong username or password." in page
    assert "username username" not in page.lower()
