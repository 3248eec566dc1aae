"""Parties are validated as the linker reads them: on the web form (message on the row, input kept), in the
API (error shape with the row's field) and in the WhatsApp flow (asked again)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from jaring.reports.models import Party, Report
from jaring.reports.validation import clean_parties, clean_party

from .test_submit_web import form_data, receipt_of

LONG = "0812" + "1" * 300


@pytest.mark.parametrize(
    ("kind", "value", "field", "says"),
    [
        ("phone", "abc", "value", "Nomor telepon tidak dikenali"),
        ("phone", "123", "value", "Nomor telepon tidak dikenali"),
        ("email", "bukan email", "value", "Alamat email tidak valid"),
        ("", "0812-3456-7890", "kind", "Pilih jenis pihak"),
        ("phone", LONG, "value", "maksimal 300 karakter"),
        ("person", "😀😀", "value", "Nama orang tidak terbaca"),
        ("phone", "📞📞", "value", "Nomor telepon tidak dikenali"),
        ("passport", "123", "value", "Nomor paspor tidak valid"),
        ("plate", "abc", "value", "Pelat kendaraan tidak dikenali"),
        ("url", "abc", "value", "Tautan tidak valid"),
        ("account", "123", "value", "rekening atau dompet digital tidak dikenali"),
    ],
)
def test_each_bad_party_gets_a_message_on_its_field(kind, value, field, says) -> None:
    with translation.override("id"), pytest.raises(ValidationError) as problem:
        clean_party(kind, value)
    assert list(problem.value.message_dict) == [field]
    assert says in problem.value.message_dict[field][0]


def test_evasive_number_read_confidently_is_stored_normalised() -> None:
    party = clean_party("phone", "08l2-3456-7890")
    assert (party.value, party.normalized) == ("08l2-3456-7890", "+6281234567890")


def test_ambiguous_evasive_form_is_kept_as_written_but_not_linked() -> None:
    party = clean_party("handle", "@budi. kamboja")
    assert (party.value, party.normalized) == ("@budi. kamboja", "")


def test_errors_are_keyed_by_the_submitted_row() -> None:
    rows = [
        {"kind": "phone", "value": "0812-3456-7890"},
        {"kind": "", "value": ""},
        {"kind": "email", "value": "bukan email"},
    ]
    cleaned, errors = clean_parties(rows)
    assert [p.normalized for p in cleaned] == ["+6281234567890"]
    assert list(errors) == ["parties.2.value"]


@pytest.mark.django_db
def test_web_form_shows_the_message_on_the_row_and_keeps_every_input(client, office) -> None:
    data = form_data(
        client,
        identity_mode="rahasia",
        reporter_name="Siti Rahayu",
        reporter_contact="siti@example.org",
        party_kind=["phone", "email", "person"],
        party_value=["abc", "bukan email", "Bu Rina"],
    )
    response = client.post("/lapor/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="party-1-errors"' in html and 'id="party-2-errors"' in html
    assert "Pihak terlibat, baris 1: Nomor telepon tidak dikenali" in html
    assert "Pihak terlibat, baris 2: Alamat email tidak valid" in html
    for kept in ('value="abc"', 'value="bukan email"', 'value="Bu Rina"', "paspornya ditahan", "Siti Rahayu"):
        assert kept in html
    assert 'id="party-1" aria-invalid="true"' in html
    assert Report.objects.count() == 0 and Party.objects.count() == 0


@pytest.mark.django_db
def test_web_form_reports_party_problems_with_the_other_fields_in_one_round(client, office) -> None:
    data = form_data(client, category="", party_kind=["phone"], party_value=["123"])
    html = client.post("/lapor/", data).content.decode()
    assert 'class="field field-error" id="category"' in html and "Nomor telepon tidak dikenali" in html


@pytest.mark.django_db
def test_english_form_explains_in_english(client, office) -> None:
    page = client.get("/en/lapor/")
    assert page.status_code == 200
    data = form_data(client, party_kind=["email"], party_value=["bukan email"])
    html = client.post("/en/lapor/", data).content.decode()
    assert "Invalid e-mail address." in html and 'value="bukan email"' in html


@pytest.mark.django_db
def test_web_form_stores_an_evasive_number_normalised(client, office) -> None:
    data = form_data(client, party_kind=["phone"], party_value=["08l2-3456-7890"])
    code, _key = receipt_of(client.post("/lapor/", data))
    party = Report.objects.get(tracking_code=code).parties.get()
    assert (party.value, party.normalized) == ("08l2-3456-7890", "+6281234567890")


@pytest.mark.django_db
def test_api_answers_422_on_the_rows_field(client, office) -> None:
    response = client.post(
        "/api/v1/reports",
        {
            "category": "perekrut",
            "description": "Perekrut menawarkan kerja di Kamboja dengan gaji 20 juta.",
            "identity_mode": "anonim",
            "parties": [
                {"kind": "phone", "value": "0812-3456-7890"},
                {"kind": "email", "value": "bukan email"},
            ],
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail == [
        {
            "field": "parties.1.value",
            "message": "Alamat email tidak valid. Tulis lengkap, mis. nama@contoh.com.",
            "type": "invalid",
        }
    ]
    assert Report.objects.count() == 0
