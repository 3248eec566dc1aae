"""Shared fixtures: the Batam office, partner agencies and one user per role, as `jaring demo` makes them."""

import pytest
from django.test import Client

from jaring.accounts import demo
from jaring.accounts.models import Agency, Office, User
from jaring.accounts.selectors import forget_primary_office

PASSWORD = "test-password-123"


@pytest.fixture(autouse=True)
def _isolated_storage(settings, tmp_path):
    """Uploaded files of one test never reach another test or the developer's ./var."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 costs ~0.1 s a hash by design; fixtures create several users per test. Production keeps Argon2
    (tests/accounts/test_login.py checks that)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache(settings, request):
    """Rate limits and lock-outs live in the cache; every test starts with an empty one of its own (and
    without the primary office that an earlier test's rolled-back database held)."""
    forget_primary_office()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": request.node.nodeid,
        }
    }


@pytest.fixture
def office(db) -> Office:
    office, _users = demo.seed(password=PASSWORD)
    return office


@pytest.fixture
def other_office(db) -> Office:
    return Office.objects.create(
        slug="tanjungpinang",
        name="Kantor Imigrasi Kelas I TPI Tanjung Pinang",
        short_name="Kanim Tanjung Pinang",
        region_code="21.72",
    )


@pytest.fixture
def petugas(office) -> User:
    return User.objects.get(username="petugas")


@pytest.fixture
def supervisor(office) -> User:
    return User.objects.get(username="supervisor")


@pytest.fixture
def mitra(office) -> User:
    return User.objects.get(username="mitra-bp3mi")


@pytest.fixture
def admin_user(office) -> User:
    return User.objects.get(username="admin")


@pytest.fixture
def agency(office) -> Agency:
    return Agency.objects.get(slug="bp3mi-kepri")


def login(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def petugas_client(petugas) -> Client:
    return login(petugas)


@pytest.fixture
def supervisor_client(supervisor) -> Client:
    return login(supervisor)


@pytest.fixture
def mitra_client(mitra) -> Client:
    return login(mitra)
