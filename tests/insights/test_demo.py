"""`jaring demo` carries a second office with a little data; the demo Kanwil user sees both offices."""

import pytest
from django.core.management import call_command

from jaring.accounts.models import User
from tests.insights.conftest import client_for
from tests.insights.test_figures_match_lists import figures_on

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_kanwil_sees_batam_and_tanjung_pinang(capsys):
    call_command("demo")
    assert "kanwil" in capsys.readouterr().out
    kanwil = User.objects.get(username="kanwil")
    assert kanwil.role == "kanwil" and kanwil.province_code == "21"
    client = client_for(kanwil)
    page = client.get("/petugas/wawasan/").content.decode()
    assert "Kanim Batam" in page and "Kanim Tanjung Pinang" in page
    second = figures_on(client.get("/petugas/wawasan/?kantor=tanjungpinang").content.decode())
    assert second["total"][1] == 3
    petugas = figures_on(
        client_for(User.objects.get(username="petugas")).get("/petugas/wawasan/").content.decode()
    )
    assert petugas["total"][1] == figures_on(page)["total"][1] - 3
