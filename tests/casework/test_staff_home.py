"""/petugas/ as the officer's day: my open cases by deadline, urgent ones, unread reporter messages, hand-overs
waiting, and a menu of every area the user's capabilities reach."""

from datetime import date

import pytest

from jaring.casework.referrals import referral_create
from jaring.reports.services import report_message_add
from tests.casework.conftest import client_for, make_report
from tests.conftest import login

pytestmark = pytest.mark.django_db


def _section(html: str, section_id: str) -> str:
    start = html.index(f'id="{section_id}"')
    return html[start : html.index("</section>", start)]


def test_officers_day_lists_mine_by_deadline_urgent_unread_and_handovers(office, petugas, agency) -> None:
    later = make_report(office, assignee=petugas, received=date(2025, 9, 1))
    sooner = make_report(office, assignee=petugas, received=date(2025, 8, 1))
    closed = make_report(office, assignee=petugas, status="selesai")
    urgent = make_report(office, description="Besok berangkat ke Malaysia, paspor ditahan.")
    unread = make_report(office)
    report_message_add(report=unread, body="Keberangkatan Sabtu jam 10.")
    referred = make_report(office, status="diverifikasi")
    referral_create(report=referred, agency=agency, note="Mohon ditindaklanjuti.", actor=petugas)

    html = client_for(petugas).get("/petugas/").content.decode()
    mine = _section(html, "today-mine")
    assert mine.index(sooner.tracking_code) < mine.index(later.tracking_code)
    assert closed.tracking_code not in mine
    assert urgent.tracking_code in _section(html, "today-urgent")
    assert unread.tracking_code in _section(html, "today-unread") and "1 pesan baru" in html
    handovers = _section(html, "today-handovers")
    assert referred.tracking_code in handovers and agency.name in handovers


def test_read_messages_leave_the_unread_list(office, petugas) -> None:
    report = make_report(office)
    report_message_add(report=report, body="Tambahan keterangan.")
    client = client_for(petugas)
    client.get(f"/petugas/laporan/{report.tracking_code}/")
    assert report.tracking_code not in _section(client.get("/petugas/").content.decode(), "today-unread")


def test_partner_sees_referrals_waiting_for_their_agency_only(
    office, other_office, petugas, mitra, agency
) -> None:
    ours = make_report(office, status="diverifikasi")
    referral_create(report=ours, agency=agency, note="Mohon dicek.", actor=petugas)
    html = client_for(mitra).get("/petugas/").content.decode()
    assert ours.tracking_code in _section(html, "today-handovers")
    assert 'id="today-mine"' not in html and 'id="today-unread"' not in html


def test_menu_lists_each_area_the_user_may_reach_once(office, petugas, supervisor, mitra, admin_user) -> None:
    officer = client_for(petugas).get("/petugas/").content.decode()
    assert officer.count(">Laporan masuk<") == 1
    for area in (
        "/petugas/laporan/",
        "/petugas/jaringan/",
        "/petugas/tpi/",
        "/petugas/konten/",
        "/petugas/wawasan/",
    ):
        assert f'href="{area}"' in officer
    assert 'href="/petugas/laporan/audit/"' not in officer and 'href="/petugas/admin/"' not in officer
    assert 'href="/petugas/laporan/audit/"' in client_for(supervisor).get("/petugas/").content.decode()
    partner = client_for(mitra).get("/petugas/").content.decode()
    assert 'href="/petugas/laporan/"' in partner and 'href="/petugas/konten/"' not in partner
    admin = login(admin_user).get("/petugas/").content.decode()
    assert 'href="/petugas/admin/"' in admin
