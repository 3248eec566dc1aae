"""The outreach, checker and network figures equal the lists they link to, as the report figures do."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from jaring.network.models import Cluster, LinkedRecord
from jaring.outreach.models import Event
from jaring.screening.models import ScreeningStat
from tests.insights.conftest import at, client_for
from tests.insights.test_figures_match_lists import ROW_COUNT, figures_on

PARTICIPANTS = re.compile(r'<strong id="participant-count">(\d+)</strong>')
ROW_PARTICIPANTS = re.compile(r'data-participants="(\d+)"')
ROW_COUNTS = re.compile(r'class="report-row" data-count="(\d+)"')


def event(office, code: str, when, people: int) -> Event:
    return Event.objects.create(
        office=office,
        code=code,
        title=f"Sosialisasi {code}",
        kind="sosialisasi",
        starts_at=when,
        ends_at=when + timedelta(hours=2),
        attendance_total=people,
        male=people // 2,
        female=people - people // 2,
        age_18_25=people,
    )


@pytest.fixture
def activity(month_data, office, other_office):
    """March 2026: three Batam events (one in February and one at Tanjung Pinang do not count), checker
    counts in three weeks of March and one of February, and two networks that gained records."""
    event(office, "SOS-A1", at(date(2026, 3, 3)), 40)
    event(office, "SOS-A2", at(date(2026, 3, 17)), 25)
    event(office, "SOS-A3", at(date(2026, 3, 31), 20), 0)
    event(office, "SOS-F1", at(date(2026, 2, 27)), 99)
    event(other_office, "SOS-T1", at(date(2026, 3, 10)), 70)
    for week, level, flag, channel, n in [
        ("2026-W10", "tinggi", "", "web", 5),
        ("2026-W10", "tinggi", "", "api", 2),
        ("2026-W12", "tinggi", "", "web", 4),
        ("2026-W13", "rendah", "", "web", 3),
        ("2026-W09", "tinggi", "", "web", 50),  # Thursday 26 February: February's week
        ("2026-W10", "tinggi", "fee_or_debt", "web", 4),
        ("2026-W12", "sedang", "fee_or_debt", "web", 1),
        ("2026-W12", "tinggi", "destination_scam_hub", "web", 3),
    ]:
        ScreeningStat.objects.create(week=week, risk_level=level, flag=flag, channel=channel, count=n)
    grown, quiet = Cluster.objects.create(office=office), Cluster.objects.create(office=office)
    for report in month_data[:3]:
        LinkedRecord.objects.create(
            record_type="report",
            record_id=str(report.pk),
            report=report,
            office=office,
            cluster=grown,
            label=report.tracking_code,
            seen_at=report.created_at,
        )
    LinkedRecord.objects.create(
        record_type="checkpoint",
        record_id="S1",
        office=office,
        cluster=grown,
        label="TPI-1",
        seen_at=at(date(2026, 3, 20)),
    )
    LinkedRecord.objects.create(
        record_type="checkpoint",
        record_id="S2",
        office=office,
        cluster=grown,
        label="TPI-2",
        seen_at=at(date(2026, 1, 20)),  # before the month: the network did not grow by it in March
    )
    LinkedRecord.objects.create(
        record_type="report",
        record_id=str(month_data[3].pk),
        report=month_data[3],
        office=office,
        cluster=quiet,
        label=month_data[3].tracking_code,
        seen_at=month_data[3].created_at,
    )
    return grown, quiet


def test_outreach_figures_equal_the_events_listed(activity, supervisor):
    client = client_for(supervisor)
    found = figures_on(client.get("/petugas/wawasan/?bulan=2026-03").content.decode())
    assert found["sosialisasi"][1] == 3 and found["peserta"][1] == 65
    listing = client.get(found["sosialisasi"][0]).content.decode()
    assert int(ROW_COUNT.search(listing).group(1)) == 3
    assert listing.count('class="report-row"') == 3
    assert int(PARTICIPANTS.search(listing).group(1)) == 65
    assert sum(int(n) for n in ROW_PARTICIPANTS.findall(listing)) == 65
    assert "SOS-F1" not in listing and "SOS-T1" not in listing


def test_an_event_not_yet_held_is_not_counted(office, supervisor):
    today = timezone.localdate()
    event(office, "SOS-NOW", timezone.now() - timedelta(minutes=5), 12)
    event(office, "SOS-SOON", timezone.now() + timedelta(days=1), 30)
    client = client_for(supervisor)
    query = f"/petugas/wawasan/?dari={today - timedelta(days=1)}&sampai={today + timedelta(days=40)}"
    found = figures_on(client.get(query).content.decode())
    listing = client.get(found["sosialisasi"][0]).content.decode()
    assert "SOS-NOW" in listing and "SOS-SOON" not in listing
    assert found["sosialisasi"][1] == listing.count('class="report-row"')
    assert found["peserta"][1] == int(PARTICIPANTS.search(listing).group(1))


def test_checker_figures_equal_the_weekly_counts_listed(activity, supervisor):
    client = client_for(supervisor)
    found = figures_on(client.get("/petugas/wawasan/?bulan=2026-03").content.decode())
    expected = {"cek_risiko:tinggi": 11, "cek_risiko:rendah": 3, "cek_risiko:sedang": 0}
    expected |= {"cek_tanda:fee_or_debt": 5, "cek_tanda:destination_scam_hub": 3}
    for key, figure in expected.items():
        assert found[key][1] == figure, key
        listing = client.get(found[key][0]).content.decode()
        assert int(ROW_COUNT.search(listing).group(1)) == figure, key
        assert sum(int(n) for n in ROW_COUNTS.findall(listing)) == figure, key
    flag_list = client.get(found["cek_tanda:fee_or_debt"][0]).content.decode()
    assert "2026-W09" not in flag_list


def test_growing_network_figure_equals_its_records_listed(activity, supervisor):
    grown, quiet = activity
    client = client_for(supervisor)
    found = figures_on(client.get("/petugas/wawasan/?bulan=2026-03").content.decode())
    assert found[f"jaringan:{grown.pk}"][1] == 4 and found[f"jaringan:{quiet.pk}"][1] == 1
    for cluster in (grown, quiet):
        url, figure = found[f"jaringan:{cluster.pk}"]
        listing = client.get(url).content.decode()
        assert int(ROW_COUNT.search(listing).group(1)) == figure
        assert listing.count('class="report-row"') == figure
    assert "TPI-2" not in client.get(found[f"jaringan:{grown.pk}"][0]).content.decode()


def test_bad_list_parameters_get_a_message_not_an_error(activity, supervisor):
    client = client_for(supervisor)
    unknown_flag = client.get("/petugas/wawasan/daftar/?jenis=cek&bulan=2026-03&tanda=bukan_tanda")
    assert unknown_flag.status_code == 200
    assert "Tanda bahaya tidak dikenal." in unknown_flag.content.decode()
    bad_level = client.get("/petugas/wawasan/daftar/?jenis=cek&bulan=2026-03&tingkat=<b>x</b>")
    assert bad_level.status_code == 200 and "<b>x</b>" not in bad_level.content.decode()
    bad_cluster = client.get("/petugas/wawasan/daftar/?jenis=jaringan&bulan=2026-03&cluster=abc")
    assert bad_cluster.status_code == 200
    assert "Nomor jaringan tidak valid." in bad_cluster.content.decode()
    assert 'class="report-row"' not in bad_cluster.content.decode()


def test_mitra_with_aggregates_gets_figures_but_no_lists(activity, mitra):
    from django.contrib.auth.models import Permission

    mitra.user_permissions.add(Permission.objects.get(codename="view_aggregates"))
    client = client_for(mitra)
    page = client.get("/petugas/wawasan/?bulan=2026-03").content.decode()
    assert 'data-figure="sosialisasi"' in page
    assert not any(k.startswith(("sosialisasi", "cek_", "jaringan")) for k in figures_on(page))
    assert client.get("/petugas/wawasan/daftar/?jenis=sosialisasi&bulan=2026-03").status_code == 403
