"""Search behaves the same on the configured back-end (SQLite by default; run the suite with
JARING_DATABASE_URL=postgres://... for PostgreSQL): word forms, status tiers, paging, counts."""

import pytest
from django.db import connection

from jaring.casework import inbox
from jaring.casework.inbox import InboxFilters, inbox_page
from jaring.casework.selectors import reports_visible_to
from jaring.casework.services import report_transition
from tests.casework.conftest import make_report

pytestmark = pytest.mark.django_db


def _page(user, cursor="", size=25, **params):
    return inbox_page(
        reports_visible_to(user), InboxFilters.from_params(params), user, cursor=cursor, size=size
    )


def _codes(user, **params) -> list[str]:
    return [r.tracking_code for r in _page(user, **params).rows]


def test_search_runs_on_the_configured_back_end_with_its_index(office) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'casework_report_fts%%'")
            assert cursor.fetchone()[0] >= 4  # the FTS5 table and its three triggers
        else:
            assert connection.vendor == "postgresql"
            cursor.execute("SELECT count(*) FROM pg_indexes WHERE indexname = 'casework_report_search_gin'")
            assert cursor.fetchone()[0] == 1


def test_dipekerjakan_is_found_by_bekerja_and_the_other_way_round(office, petugas) -> None:
    dipekerjakan = make_report(office, description="Kakak saya dipekerjakan di kapal ikan tanpa kontrak.")
    bekerja = make_report(office, description="Saya ditawari bekerja di pabrik Johor.")
    make_report(office, description="Pertanyaan tentang paspor elektronik.")
    assert _codes(petugas, q="bekerja") == [bekerja.tracking_code, dipekerjakan.tracking_code]
    assert _codes(petugas, q="dipekerjakan") == [bekerja.tracking_code, dipekerjakan.tracking_code]
    assert _codes(petugas, q="pekerjaan kapal") == [dipekerjakan.tracking_code]
    assert _codes(petugas, q="bekerja singapura") == []


def test_search_matches_whole_words_in_report_text_not_the_status(office, petugas) -> None:
    new = make_report(office, description="Lowongan kerja di Kamboja.")
    assert _codes(petugas, q="baru") == []  # the status "baru" is not part of the text
    assert _codes(petugas, q="kambo") == []  # no prefix matching: whole words only
    assert _codes(petugas, q="KAMBOJA!") == [new.tracking_code]


def test_search_follows_status_changes_and_keeps_new_first(office, petugas) -> None:
    older_new = make_report(office, description="Tawaran kerja ke Kamboja.")
    moved = make_report(office, description="Agen Kamboja minta biaya.")
    newest_new = make_report(office, description="Grup Kamboja di Facebook.")
    report_transition(report=moved, actor=petugas, to="diverifikasi")
    expected = [newest_new.tracking_code, older_new.tracking_code, moved.tracking_code]
    assert _codes(petugas, q="kamboja") == expected
    assert _codes(petugas, q="kamboja", status="diverifikasi") == [moved.tracking_code]
    assert _codes(petugas, q="kamboja", status="baru") == [newest_new.tracking_code, older_new.tracking_code]


def test_search_pages_follow_each_other_and_combine_with_filters(office, petugas) -> None:
    made = [
        make_report(office, status=status, category=category, description=f"Perekrut Kamboja nomor {i}.")
        for i, (status, category) in enumerate(
            [("baru", "tppo"), ("diverifikasi", "perekrut"), ("baru", "tppo"), ("selesai", "tppo")] * 3
        )
    ]
    make_report(office, category="tppo", description="Tidak ada kata kuncinya.")
    seen, cursor = [], ""
    while True:
        page = _page(petugas, cursor=cursor, size=2, q="kamboja", category="tppo", status="semua")
        seen += [r.pk for r in page.rows]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    wanted = [r for r in made if r.category == "tppo"]
    tier = {"baru": 0, "diverifikasi": 1, "selesai": 2}
    assert seen == [r.pk for r in sorted(wanted, key=lambda r: (tier[r.status], -r.pk))]
    assert (page.total, page.total_capped) == (9, False)


def test_search_total_is_capped(office, petugas, monkeypatch) -> None:
    monkeypatch.setattr(inbox, "COUNT_CAP", 2)
    for _ in range(3):
        make_report(office, description="Kapal ke Johor malam ini.")
    page = _page(petugas, q="kapal johor")
    assert (len(page.rows), page.total, page.total_capped) == (3, 2, True)


def test_a_search_scan_cut_short_by_the_budget_continues_on_the_next_page(
    office, petugas, monkeypatch
) -> None:
    monkeypatch.setattr(inbox, "SCAN_BUDGET", 3)
    monkeypatch.setattr(inbox, "COUNT_SCAN_BUDGET", 3)
    tppo = make_report(office, category="tppo", description="Kapal ke Johor.")
    for _ in range(4):
        make_report(office, category="perekrut", description="Kapal ke Johor.")
    pages, cursor = [], ""
    while True:
        page = _page(petugas, cursor=cursor, q="kapal", category="tppo")
        pages.append(page)
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert [r.pk for p in pages for r in p.rows] == [tppo.pk]
    if connection.vendor == "sqlite":  # PostgreSQL filters inside one indexed query: no scan budget
        assert pages[0].rows == [] and pages[0].scan_limited and pages[0].total_capped


def test_a_filtered_count_that_looked_at_part_of_the_reports_says_at_least(
    office, petugas, monkeypatch
) -> None:
    for category in ["tppo", "perekrut", "tppo", "perekrut"]:
        make_report(office, category=category)
    exact = _page(petugas, category="tppo")
    assert (exact.total, exact.total_capped) == (2, False)
    monkeypatch.setattr(inbox, "COUNT_WINDOW", 2)
    page = _page(petugas, category="tppo")
    assert len(page.rows) == 2
    if connection.vendor == "sqlite":  # looked at 2 of the 4 reports: "at least"
        assert page.total <= 2 and page.total_capped
    else:  # PostgreSQL counts filtered lists with its planner, exactly up to COUNT_CAP
        assert (page.total, page.total_capped) == (2, False)
