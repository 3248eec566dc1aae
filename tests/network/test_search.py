"""The identifier search on /petugas/jaringan/: a query is read as the linker reads what a reporter wrote."""

import pytest

from jaring.network.models import LinkedRecord
from jaring.network.services import root_of


def _cluster_code(report) -> str:  # type: ignore[no-untyped-def]
    record = LinkedRecord.objects.get(record_type="report", record_id=str(report.pk))
    return root_of(record.cluster_id).code


def found(client, q: str, **params: str) -> list[str]:  # type: ignore[no-untyped-def]
    response = client.get("/petugas/jaringan/", {"q": q, **params})
    assert response.status_code == 200
    return [cluster.code for cluster in response.context["page"].object_list]


@pytest.fixture
def reports(office, submit):  # type: ignore[no-untyped-def]
    """One report per kind of identifier, each its own single-record network."""
    return {
        "phone": submit(office, "Perekrut minta hubungi WA +62 812-3456-7890 untuk kerja di Kamboja"),
        "phone2": submit(office, "Calo menelepon dari nomor 0812 0000 1111"),
        "email": submit(office, "Lamaran dikirim", [("email", "Rekrut.Kerja@Agen-Luar.co.id")]),
        "handle": submit(office, "Iklan di media sosial", [("handle", "@loker_kamboja")]),
        "account": submit(office, "Disuruh bayar biaya proses", [("account", "BCA 1234567890")]),
        "person": submit(office, "Yang merekrut", [("person", "Bu Rina Wati")]),
        "company": submit(office, "Agen penyalur", [("company", "PT Maju Jaya Abadi")]),
    }


@pytest.mark.parametrize(
    ("kind", "query"),
    [
        ("phone", "0812-3456-7890"),
        ("phone", "081234567890"),
        ("phone", "+62 812 3456 7890"),
        ("phone", "6281234567890"),
        ("phone", "0812-3456"),  # the first digits only
        ("phone", "nol delapan satu dua tiga empat lima enam tujuh delapan sembilan nol"),
        ("phone", "08l2-3456-7890"),  # a letter l for the digit 1
        ("phone", "0812*3456*7890"),
        ("phone", "wa.me/6281234567890"),
        ("phone", "https://api.whatsapp.com/send?phone=6281234567890"),
        ("phone2", "081200001111"),
        ("phone2", "0812 0000 1111"),
        ("email", "rekrut.kerja@agen-luar.co.id"),
        ("email", "REKRUT.KERJA@AGEN-LUAR.CO.ID"),
        ("handle", "@loker_kamboja"),
        ("handle", "loker_kamboja"),
        ("handle", "@ loker_kamboja"),
        ("account", "BCA 123-456-7890"),
        ("account", "bca 1234.5678.90"),
        ("account", "bca:1234567890"),
        ("person", "RINA WATI"),
        ("person", "Ibu Rina Wati"),
        ("company", "Maju Jaya Abadi"),
        ("company", "pt. maju jaya"),
    ],
)
def test_each_kind_is_found_as_the_officer_would_type_it(reports, petugas_client, kind, query):
    assert found(petugas_client, query) == [_cluster_code(reports[kind])]


def test_the_placeholder_form_finds_the_number_and_says_how_it_was_read(reports, petugas_client):
    body = petugas_client.get("/petugas/jaringan/", {"q": "0812-3456-7890"}).content.decode()
    assert _cluster_code(reports["phone"]) in body
    assert "Nomor telepon <strong>+6281234567890</strong>" in body
    assert 'value="0812-3456-7890"' in body


def test_a_chosen_kind_limits_the_search(reports, petugas_client):
    assert found(petugas_client, "0812-3456-7890", kind="email") == []
    assert found(petugas_client, "0812-3456-7890", kind="phone") == [_cluster_code(reports["phone"])]


def test_a_query_that_is_no_identifier_gets_a_clear_message(reports, petugas_client):
    for query in ("!!!", "x", "@", "--"):
        response = petugas_client.get("/petugas/jaringan/", {"q": query})
        body = response.content.decode()
        assert response.status_code == 200
        assert list(response.context["page"].object_list) == []
        assert "tidak terbaca sebagai nomor telepon, email" in body and 'aria-invalid="true"' in body
    english = petugas_client.get("/en/petugas/jaringan/", {"q": "!!!"}).content.decode()
    assert "cannot be read as a phone number" in english


def test_a_query_matching_nothing_says_so(reports, petugas_client):
    response = petugas_client.get("/petugas/jaringan/", {"q": "0899-7777-6666"})
    assert list(response.context["page"].object_list) == []
    body = response.content.decode()
    assert "Tidak ada jaringan yang memuat “0899-7777-6666”" in body
    assert "tidak terbaca" not in body


def test_a_search_keeps_the_minimum_size_when_asked(reports, petugas_client):
    assert found(petugas_client, "0812-3456-7890", min="2") == []


def test_the_search_stays_inside_what_the_user_may_see(reports, mitra_client):
    assert found(mitra_client, "0812-3456-7890") == []  # no report referred to the partner's agency
