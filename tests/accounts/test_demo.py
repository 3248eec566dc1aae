import pytest
from django.core.management import call_command

from jaring.accounts.models import Agency, Office, User

pytestmark = pytest.mark.django_db(transaction=True)


def _counts() -> dict[str, int]:
    from django.apps import apps

    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label.startswith(("accounts", "content", "screening", "reports", "outreach"))
    }


def test_demo_seeds_office_agencies_and_one_user_per_role(capsys) -> None:
    call_command("demo")
    out = capsys.readouterr().out
    assert Office.objects.get(slug="batam").hotline_whatsapp == "0811-7002-019"
    assert set(Agency.objects.values_list("slug", flat=True)) >= {
        "bp3mi-kepri",
        "polresta-barelang",
        "disnaker-batam",
    }
    roles = dict(User.objects.values_list("username", "role"))
    assert roles == {
        "petugas": "petugas",
        "supervisor": "supervisor",
        "mitra-bp3mi": "mitra",
        "admin": "admin",
        "kanwil": "kanwil",
    }
    assert User.objects.get(username="mitra-bp3mi").agency.slug == "bp3mi-kepri"
    for username in roles:
        assert username in out


def test_demo_twice_changes_nothing() -> None:
    call_command("demo")
    first = _counts()
    password = User.objects.get(username="petugas").password
    call_command("demo")
    assert _counts() == first
    assert User.objects.get(username="petugas").password == password


def test_demo_password_from_environment(monkeypatch) -> None:
    monkeypatch.setenv("JARING_DEMO_PASSWORD", "another-pass-42")
    call_command("demo")
    assert User.objects.get(username="admin").check_password("another-pass-42")
