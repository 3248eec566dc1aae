"""The staff pages over HTTP: the counter form, detail, identity, outcome, self-interview, summary, exports."""

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from jaring.audit.models import AuditEvent
from jaring.checkpoints.models import Screening
from jaring.checkpoints.services import screening_decide, screening_record

from .conftest import screening_data

pytestmark = pytest.mark.django_db


def _form(**overrides) -> dict:  # type: ignore[no-untyped-def]
    data = {
        "checkpoint": "batam-center",
        "submission_token": "tok-web-1",
        "screened_at": "",
        "traveller_name": "Dewi Lestari",
        "passport_number": "C9876543",
        "sex": "P",
        "birth_year": "2000",
        "origin_region_code": "33.01",
        "traveller_phone": "",
        "destination": "KH",
        "purpose": "bekerja",
        "ticket": "sekali_jalan",
        "paid_by": "sponsor",
        "answer_tiket_kembali": "no",
        "party_0_role": "perekrut",
        "party_0_kind": "phone",
        "party_0_value": "0812-5555-0001",
        "notes": "",
    }
    data.update(overrides)
    return data


def test_the_counter_form_records_once_even_when_sent_twice(petugas_client, batam_center) -> None:
    page = petugas_client.get("/petugas/tpi/baru/")
    assert page.status_code == 200 and b"draft.js" in page.content
    first = petugas_client.post("/petugas/tpi/baru/", _form())
    again = petugas_client.post("/petugas/tpi/baru/", _form())
    s = Screening.objects.get()
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"] == f"/petugas/tpi/{s.pk}/?tersimpan=1"
    assert s.flags == ["indikasi_bekerja_tanpa_dokumen", "tiket_sekali_jalan"]
    assert s.parties.get().role == "perekrut"


def test_bad_input_comes_back_with_messages_and_the_input_kept(petugas_client, batam_center) -> None:
    response = petugas_client.post(
        "/petugas/tpi/baru/",
        _form(
            passport_number="12-AB",
            traveller_name="<b>Dewi</b>",
            notes="n" * 6000,
            screened_at="2099-01-01T10:00",
        ),
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Nomor paspor tidak sesuai format" in html
    assert "tidak boleh berisi kode" in html
    assert "Catatan terlalu panjang" in html
    assert "tidak boleh di masa depan" in html
    assert 'value="12-AB"' in html and "&lt;b&gt;Dewi&lt;/b&gt;" in html and "<b>Dewi</b>" not in html
    assert not Screening.objects.exists()


def test_an_officer_not_posted_anywhere_gets_no_form(client, office) -> None:
    from jaring.accounts.models import User

    other = User.objects.create_user("petugas-lain", role="petugas", office=office)
    client.force_login(other)
    assert client.get("/petugas/tpi/baru/").status_code == 403


def test_posting_to_an_unassigned_checkpoint_is_refused_in_indonesian(petugas_client, checkpoints) -> None:
    response = petugas_client.post("/petugas/tpi/baru/", _form(checkpoint="sekupang"))
    assert response.status_code == 422  # not a choice the form offers this officer
    assert not Screening.objects.exists()


def test_detail_identity_and_outcome(petugas_client, petugas, batam_center) -> None:
    s = screening_record(checkpoint=batam_center, actor=petugas, data=screening_data())
    page = petugas_client.get(f"/petugas/tpi/{s.pk}/").content.decode()
    assert "Siti Aminah" not in page and s.passport_number not in page
    shown = petugas_client.post(f"/petugas/tpi/{s.pk}/identitas/").content.decode()
    assert "Siti Aminah" in shown and s.passport_number in shown
    assert AuditEvent.objects.filter(action="checkpoint.identity_viewed", actor=petugas).count() == 1
    refused = petugas_client.post(
        f"/petugas/tpi/{s.pk}/hasil/", {"outcome": "ditunda", "notes": "Catatan saya"}
    )
    assert refused.status_code == 422 and "Pilih minimal satu alasan penundaan." in refused.content.decode()
    assert "Catatan saya" in refused.content.decode()
    ok = petugas_client.post(
        f"/petugas/tpi/{s.pk}/hasil/", {"outcome": "ditunda", "reasons": ["tiket_sekali_jalan"]}
    )
    assert ok.status_code == 302 and Screening.objects.get(pk=s.pk).outcome == "ditunda"


def test_a_mitra_gets_404_for_a_record_not_handed_to_them(mitra_client, petugas, batam_center) -> None:
    s = screening_record(checkpoint=batam_center, actor=petugas, data=screening_data())
    assert mitra_client.get(f"/petugas/tpi/{s.pk}/").status_code == 404
    assert mitra_client.post(f"/petugas/tpi/{s.pk}/identitas/").status_code == 404
    screening_decide(screening=s, outcome="dirujuk", actor=petugas, consent=True)
    page = mitra_client.get(f"/petugas/tpi/{s.pk}/")
    assert page.status_code == 200 and "Catat tindak lanjut" in page.content.decode()
    assert mitra_client.post(f"/petugas/tpi/{s.pk}/hasil/", {"outcome": "diizinkan"}).status_code == 403


def test_the_self_interview_link_works_once_and_shows_nothing_about_the_traveller(client, petugas_client, petugas, batam_center) -> None:  # fmt: skip
    s = screening_record(checkpoint=batam_center, actor=petugas, data=screening_data())
    link_page = petugas_client.post(f"/petugas/tpi/{s.pk}/wawancara-mandiri/").content.decode()
    url = re.search(r'href="(http://testserver(/tpi/wawancara/[^"]+/))"', link_page).group(2)
    assert "data:image/svg+xml;base64," in link_page
    page = client.get(url).content.decode()
    assert "Apakah orang lain menyimpan paspor" in page
    for private in ("Siti", s.passport_number, "Batam Center", s.code):
        assert private not in page
    incomplete = client.post(url, {"paspor_dipegang": "yes"})
    assert incomplete.status_code == 422 and "Jawab setiap pertanyaan" in incomplete.content.decode()
    answers = {q: "no" for q in ("paham_pekerjaan", "disuruh_berbohong", "utang", "takut", "ingin_bantuan")}
    done = client.post(url, {**answers, "paspor_dipegang": "yes"})
    assert done.status_code == 200 and "Terima kasih" in done.content.decode()
    s.refresh_from_db()
    assert s.self_answers["paspor_dipegang"] == "yes" and "keterangan_tidak_konsisten" in s.flags
    assert client.get(url).status_code == 404  # used once


def test_the_english_self_interview(client, petugas, batam_center) -> None:
    from jaring.checkpoints.self_interview import self_interview_start

    s = screening_record(checkpoint=batam_center, actor=petugas, data=screening_data())
    _interview, token = self_interview_start(screening=s, actor=petugas)
    assert (
        "Is someone else keeping your passport" in client.get(f"/en/tpi/wawancara/{token}/").content.decode()
    )


def test_shift_summary_and_exports(supervisor_client, supervisor, batam_center, sekupang) -> None:
    for cp in (batam_center, sekupang):
        s = screening_record(checkpoint=cp, actor=supervisor, data=screening_data())
        screening_decide(screening=s, outcome="ditunda", actor=supervisor, reasons=["tiket_sekali_jalan"])
    page = supervisor_client.get("/petugas/tpi/ringkasan/")
    assert page.status_code == 200 and "Jumlah pemeriksaan: 2" in page.content.decode()
    text = supervisor_client.get("/petugas/tpi/ringkasan/unduh.csv").content.decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Bagian", "Kode bagian", "Kode", "Uraian", "Jumlah"]
    assert ["Hasil pemeriksaan", "outcome", "ditunda", "Keberangkatan ditunda", "2"] in rows
    assert ["Alasan penundaan", "reason", "tiket_sekali_jalan", "Tidak ada tiket kembali", "2"] in rows
    per_day = [r for r in rows if r[1] == "per_day"]
    assert per_day and all(r[3].endswith(": Keberangkatan ditunda") for r in per_day)
    book = load_workbook(io.BytesIO(supervisor_client.get("/petugas/tpi/ringkasan/unduh.xlsx").content))
    values = [tuple(r) for r in book.active.iter_rows(values_only=True)]
    assert ("Negara tujuan", "destination", "MY", "Malaysia", 2) in values
    assert not any("Siti" in str(v) for row in values for v in row)


def test_the_supervisor_sees_repeat_alerts_on_the_list(
    supervisor_client, supervisor, batam_center, sekupang
) -> None:
    first = screening_record(
        checkpoint=batam_center, actor=supervisor, data=screening_data(passport_number="C5550001")
    )
    screening_decide(screening=first, outcome="ditunda", actor=supervisor, reasons=["tiket_sekali_jalan"])
    again = screening_record(
        checkpoint=sekupang, actor=supervisor, data=screening_data(passport_number="C5550001")
    )
    html = supervisor_client.get("/petugas/tpi/").content.decode()
    assert "Percobaan berulang" in html and again.code in html
    assert "<td>Malaysia</td>" in html and "<td>MY</td>" not in html
    detail = supervisor_client.get(f"/petugas/tpi/{again.pk}/").content.decode()
    assert "paspor atau orang yang sama ditunda" in detail
