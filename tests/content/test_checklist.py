import json

import pytest
from django.test import Client

from jaring.content import checklist

pytestmark = pytest.mark.django_db


def test_checklist_data_is_complete_in_both_languages() -> None:
    data = json.loads(checklist.DATA.read_text(encoding="utf-8"))
    ids = [item["id"] for item in data["items"]]
    assert len(ids) == len(set(ids)) >= 12
    for language in ("id", "en"):
        for item in checklist.items(language):
            assert item.title and item.why and item.where and item.cost and item.source
    # The legal documents of UU 18/2017 Pasal 13 are all on the list.
    assert {"status_perkawinan", "izin_keluarga", "kompetensi", "sehat", "paspor", "visa_kerja",
            "perjanjian_penempatan", "perjanjian_kerja"} <= set(ids)  # fmt: skip


def test_checklist_without_answers_only_shows_the_form(client: Client, batam) -> None:
    html = client.get("/siap-berangkat/").content.decode()
    assert 'name="punya" value="paspor"' in html
    assert "Masih kurang" not in html and "Semua lengkap" not in html


def test_ticked_items_leave_the_missing_ones_with_where_and_cost(client: Client, batam) -> None:
    html = client.get("/siap-berangkat/", {"cek": "1", "punya": ["usia", "paspor"]}).content.decode()
    total = len(checklist.items("id"))
    assert f"Masih kurang {total - 2} butir" in html
    assert 'value="paspor" checked' in html
    missing = html.split('class="missing"', 1)[1]
    assert "Visa kerja" in missing and "Perjanjian Kerja" in missing
    assert "Di mana mengurusnya" in missing and "Biaya" in missing
    assert "Peraturan BP2MI 9/2020" in missing
    assert "<h3>Paspor</h3>" not in missing


def test_everything_ticked_says_all_done(client: Client, batam) -> None:
    every = [item.id for item in checklist.items("en")]
    html = client.get("/en/siap-berangkat/", {"cek": "1", "punya": every}).content.decode()
    assert "All complete" in html and "Still missing" not in html


def test_unknown_values_are_ignored(client: Client, batam) -> None:
    html = client.get("/siap-berangkat/", {"cek": "1", "punya": ["<script>", "paspor"]}).content.decode()
    assert "&lt;script&gt;" not in html and "<script>" not in html.split("</head>")[1]


def test_htmx_request_gets_only_the_result_fragment(client: Client, batam) -> None:
    html = client.get("/siap-berangkat/", {"cek": "1"}, headers={"HX-Request": "true"}).content.decode()
    assert html.startswith('<section id="checklist-result"')
    assert "<html" not in html
