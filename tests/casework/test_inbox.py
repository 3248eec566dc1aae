import pytest

from jaring.casework import inbox
from jaring.casework.inbox import InboxFilters, inbox_page
from jaring.casework.selectors import reports_visible_to
from jaring.casework.services import note_add, reply_send
from jaring.reports.models import Message
from tests.casework.conftest import client_for, make_report

pytestmark = pytest.mark.django_db


def _codes(user, **params) -> list[str]:
    page = inbox_page(reports_visible_to(user), InboxFilters.from_params(params), user)
    return [r.tracking_code for r in page.rows]


def test_new_reports_come_first_then_open_then_closed(office, petugas) -> None:
    closed = make_report(office, status="selesai")
    open_ = make_report(office, status="ditindaklanjuti")
    new = make_report(office)
    assert _codes(petugas) == [new.tracking_code, open_.tracking_code]
    assert _codes(petugas, status="semua") == [new.tracking_code, open_.tracking_code, closed.tracking_code]


def test_filters_narrow_the_inbox(office, petugas, supervisor) -> None:
    tppo = make_report(
        office, category="tppo", priority="tinggi", region_code="21.71.08.1007", channel="whatsapp"
    )
    mine = make_report(office, assignee=petugas)
    other = make_report(office, assignee=supervisor)
    assert _codes(petugas, category="tppo") == [tppo.tracking_code]
    assert _codes(petugas, priority="tinggi") == [tppo.tracking_code]
    assert _codes(petugas, channel="whatsapp") == [tppo.tracking_code]
    assert _codes(petugas, region="21.71.08") == [tppo.tracking_code]
    assert _codes(petugas, assignee="mine") == [mine.tracking_code]
    assert _codes(petugas, assignee="supervisor") == [other.tracking_code]
    assert set(_codes(petugas, assignee="unassigned")) == {tppo.tracking_code}
    assert _codes(petugas, due="overdue")  # received in 2025: all overdue
    assert _codes(petugas, attachments="1") == []


def test_search_understands_indonesian_word_forms(office, petugas) -> None:
    hit = make_report(office, description="Adik saya dipekerjakan tanpa kontrak di Phnom Penh.")
    make_report(office, description="Pertanyaan tentang paspor elektronik.")
    assert _codes(petugas, q="pekerjaan") == [hit.tracking_code]
    assert _codes(petugas, q="bekerja phnom") == [hit.tracking_code]
    assert _codes(petugas, q="bekerja singapura") == []


def test_search_covers_public_messages_but_not_internal_notes(office, petugas) -> None:
    report = make_report(office, description="Tawaran kerja mencurigakan.")
    reply_send(report=report, body="Apakah perekrutnya memakai akun Telegram?", actor=petugas)
    note_add(report=report, body="Rahasia internal: sindikat Batuampar", actor=petugas)
    assert _codes(petugas, q="telegram") == [report.tracking_code]
    assert _codes(petugas, q="sindikat") == []
    assert Message.objects.filter(report=report).count() == 2


def test_pages_follow_each_other_without_gaps(office, petugas) -> None:
    made = [make_report(office, status=s) for s in ["baru"] * 3 + ["diverifikasi"] * 3]
    user_qs = reports_visible_to(petugas)
    seen, cursor = [], ""
    while True:
        page = inbox_page(user_qs, InboxFilters(), petugas, cursor=cursor, size=2)
        seen += [r.pk for r in page.rows]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert sorted(seen) == sorted(r.pk for r in made) and len(seen) == len(set(seen))


def test_total_is_capped(office, petugas, monkeypatch) -> None:
    monkeypatch.setattr(inbox, "COUNT_CAP", 2)
    for _ in range(3):
        make_report(office)
    page = inbox_page(reports_visible_to(petugas), InboxFilters(), petugas)
    assert (page.total, page.total_capped) == (2, True)


def test_unknown_filter_values_are_explained_not_applied(office, petugas) -> None:
    report = make_report(office)
    response = client_for(petugas).get("/petugas/laporan/?status=hilang&category=xyz")
    html = response.content.decode()
    assert response.status_code == 200 and "Pilihan tidak dikenal" in html and report.tracking_code in html


def test_overdue_rows_are_highlighted_and_staff_home_summarises(office, petugas) -> None:
    make_report(office)
    client = client_for(petugas)
    assert "is-overdue" in client.get("/petugas/laporan/").content.decode()
    home = client.get("/petugas/").content.decode()
    assert "Ruang petugas" in home and "?due=overdue" in home


def test_inbox_in_english(office, petugas) -> None:
    make_report(office)
    assert "Overdue" in client_for(petugas).get("/en/petugas/laporan/").content.decode()
