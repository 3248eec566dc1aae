"""Jaringan's pages show labels officers read, not the stored codes ("report: 3", "party:0 [0-14]")."""

import re

from jaring.network.models import Identifier, LinkedRecord
from jaring.network.services import root_of
from jaring.reports.services import report_message_add


def _texts(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_cluster_page_names_record_types_categories_and_kinds(office, submit, petugas_client):
    first = submit(office, "Perekrut WA 0812-3456-7890, transfer ke BCA 1234567890", category="perekrut")
    submit(office, "Hubungi 0812 3456 7890 untuk kerja di Kamboja", category="tppo")
    report_message_add(report=first, body="Dia juga pakai 0812-3456-7890 di Telegram")
    cluster = root_of(LinkedRecord.objects.get(record_type="report", record_id=str(first.pk)).cluster_id)
    html = petugas_client.get(f"/petugas/jaringan/{cluster.pk}/").content.decode()
    text = _texts(html)
    assert "Laporan: 2" in text and "Pesan: 1" in text
    assert "Perekrut atau tawaran kerja mencurigakan: 2" in text  # the report and its message
    assert "Dugaan perdagangan orang (TPPO): 1" in text
    assert ">Nomor telepon<" in html and ">Rekening/dompet digital<" in html
    for code in ("report:", "message:", "perekrut:", ">phone<", ">account<", ">report<", ">tppo<"):
        assert code not in html, code
    english = _texts(petugas_client.get(f"/en/petugas/jaringan/{cluster.pk}/").content.decode())
    assert (
        "Report: 2" in english
        and ">Phone number<" in petugas_client.get(f"/en/petugas/jaringan/{cluster.pk}/").content.decode()
    )


def test_identifier_page_says_where_the_value_was_written(office, submit, petugas_client):
    report = submit(office, "Ditawari kerja oleh WA 0812-3456-7890", [("phone", "0812 3456 7890")])
    phone = Identifier.objects.get(kind="phone")
    html = petugas_client.get(f"/petugas/jaringan/identitas/{phone.pk}/").content.decode()
    assert "Pihak terlapor ke-1" in html and "Isi laporan" in html
    assert "party:0" not in html and "[0–" not in html and "(report)" not in html
    assert f'href="/petugas/laporan/{report.tracking_code}/"' in html and "(Laporan)" in html


def test_watch_notice_names_the_kind(office, submit, petugas_client):
    submit(office, "WA 0812-3456-7890")
    phone = Identifier.objects.get(kind="phone")
    petugas_client.post(f"/petugas/jaringan/identitas/{phone.pk}/pantau/", {"on": "1"})
    submit(office, "nomor 0812 3456 7890 lagi")
    html = petugas_client.get("/petugas/jaringan/").content.decode()
    assert "Nomor telepon: +6281234567890" in html and "phone: +62" not in html
