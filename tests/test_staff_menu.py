"""The officers' top menu offers exactly the workspace areas each role may open: every link answers 200, and
every area left out answers 403 (or the admin's login) to that role."""

import re

import pytest
from django.urls import reverse

from jaring.accounts.models import User
from jaring.staff_menu import AREAS
from tests.conftest import login

ROLES = ("petugas", "supervisor", "mitra-bp3mi", "admin", "kanwil")


def _menu(html: str) -> list[str]:
    nav = html.split('<nav class="nav"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="([^"]+)"', nav)


@pytest.mark.django_db
@pytest.mark.parametrize("username", ROLES)
def test_menu_lists_the_areas_the_role_may_open_and_no_other(office, username) -> None:
    client = login(User.objects.get(username=username))
    offered = _menu(client.get("/petugas/").content.decode())
    assert offered[0] == "/petugas/"
    for url in offered:
        assert client.get(url).status_code == 200, (username, url)
    for area in AREAS:
        url = reverse(area.url_name)
        if url not in offered:
            assert client.get(url).status_code in (302, 403), (username, url)


@pytest.mark.django_db
def test_partner_and_officer_menus_differ_as_their_work_does(office) -> None:
    officer = _menu(login(User.objects.get(username="supervisor")).get("/petugas/").content.decode())
    partner = _menu(login(User.objects.get(username="mitra-bp3mi")).get("/petugas/").content.decode())
    assert {"/petugas/laporan/", "/petugas/laporan/audit/", "/petugas/konten/"} <= set(officer)
    assert "/petugas/laporan/" in partner and "/petugas/konten/" not in partner
    assert "/petugas/laporan/audit/" not in partner


@pytest.mark.django_db
def test_footer_leads_a_signed_in_officer_back_to_the_workspace(client, office) -> None:
    assert "Masuk petugas" in client.get("/").content.decode()
    html = login(User.objects.get(username="petugas")).get("/").content.decode()
    footer = html.split("<footer", 1)[1]
    assert 'href="/petugas/">Ruang petugas</a>' in footer and "Masuk petugas" not in footer
