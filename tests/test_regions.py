from django import forms

from jaring.lib import regions
from jaring.lib.region_field import RegionField


def test_village_search_returns_full_path() -> None:
    found = regions.search("Pulau Abang", within="21")[0]
    assert found.code == "21.71.08.1007"
    assert found.full_label == "Kelurahan Pulau Abang, Kec. Galang, Kota Batam, Kepulauan Riau"


def test_codes_are_normalised() -> None:
    assert regions.get("2171081007").code == "21.71.08.1007"
    assert regions.get("21.71").name == "Kota Batam"
    assert regions.get("99.99") is None
    assert regions.get("not a code") is None


def test_batam_has_twelve_kecamatan() -> None:
    names = {r.name for r in regions.children("21.71")}
    assert len(names) == 12
    assert {"Galang", "Belakang Padang", "Batu Aji", "Sekupang"} <= names


def test_short_query_returns_nothing() -> None:
    assert regions.search("a") == []


class _Form(forms.Form):
    region = RegionField(required=False, within="21")


def test_region_field_accepts_a_code() -> None:
    form = _Form({"region": "2171081007"})
    assert form.is_valid() and form.cleaned_data["region"] == "21.71.08.1007"


def test_region_field_without_js_asks_to_choose_and_keeps_the_query() -> None:
    form = _Form({"region_q": "Pulau Abang"})
    assert not form.is_valid()
    assert "Pilih salah satu wilayah" in form.errors["region"][0]
    html = str(form["region"])
    assert 'value="Pulau Abang"' in html and 'value="21.71.08.1007"' in html


def test_region_field_rejects_unknown_code() -> None:
    form = _Form({"region": "99.99.99.9999"})
    assert not form.is_valid()
