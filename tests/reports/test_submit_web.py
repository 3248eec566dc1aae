"""/lapor/: the guided form, its receipt, prefill from links, and what happens on bad input."""

import re

import pytest

from jaring.audit.models import AuditEvent
from jaring.reports.models import Attachment, Category, Party, Report, StatusChange

from .conftest import REPORTER_NAME, REPORTER_PHONE, jpeg_with_gps, upload

KEY_PATTERN = re.compile(r'id="follow-up-key">([0-9A-Z-]{24})<')
CODE_PATTERN = re.compile(r'id="tracking-code">(JRG-[0-9A-Z]{4}-[0-9A-Z]{4})<')


def form_data(client, **overrides):
    page = client.get("/lapor/")
    token = re.search(r'name="submission_token" value="([^"]+)"', page.content.decode()).group(1)
    data = {
        "submission_token": token,
        "category": "tppo",
        "description": "Dua perempuan ditampung di ruko dan paspornya ditahan oleh agen.",
        "identity_mode": "anonim",
        "party_kind": ["phone", "company", ""],
        "party_value": ["0812-3456-7890", "PT Maju Jaya Demo", ""],
    }
    data.update(overrides)
    return data


def receipt_of(response) -> tuple[str, str]:
    html = response.content.decode()
    return CODE_PATTERN.search(html).group(1), KEY_PATTERN.search(html).group(1)


def test_form_explains_categories_and_identity_modes_before_submission(client, office):
    html = client.get("/lapor/").content.decode()
    for label in Category.labels:
        assert str(label) in html
    assert "tidak menyimpan alamat IP" in html
    assert "UU No. 21 Tahun 2007, Pasal 44" in html
    assert "UU No. 31 Tahun 2014" in html
    assert "WhatsApp tidak anonim" in html
    assert 'class="hp"' in html


def test_english_form_is_served_under_en(client, office):
    html = client.get("/en/lapor/").content.decode()
    assert "Send report" in html
    assert "Anonymous" in html


@pytest.mark.parametrize("category", Category.values)
def test_each_category_can_be_reported_from_the_web(client, office, category):
    response = client.post("/lapor/", form_data(client, category=category))
    assert response.status_code == 200
    code, key = receipt_of(response)
    report = Report.objects.get(tracking_code=code)
    assert report.category == category
    assert report.channel == "web"
    assert key not in report.follow_up_key_hash


def test_anonymous_web_report_stores_parties_status_and_audit(client, office):
    response = client.post("/lapor/", form_data(client))
    code, _key = receipt_of(response)
    report = Report.objects.get(tracking_code=code)
    assert report.identity_mode == "anonim" and report.reporter_name == "" and report.reporter_contact == ""
    parties = {(p.kind, p.normalized) for p in Party.objects.filter(report=report)}
    assert parties == {("phone", "+6281234567890"), ("company", "maju jaya demo")}
    assert StatusChange.objects.get(report=report).to_status == "baru"
    assert AuditEvent.objects.filter(action="report.submitted", object_id=str(report.pk)).count() == 1
    assert report.verify_due > report.created_at.date()
    assert "tahan" in report.search_text.split()  # "ditahan" stemmed


def test_confidential_web_report_keeps_identity_encrypted(client, office):
    data = form_data(
        client,
        identity_mode="rahasia",
        reporter_name=REPORTER_NAME,
        reporter_contact=REPORTER_PHONE,
        share_identity_with_partners="on",
    )
    code, _key = receipt_of(client.post("/lapor/", data))
    report = Report.objects.get(tracking_code=code)
    assert (report.reporter_name, report.reporter_contact) == (REPORTER_NAME, REPORTER_PHONE)
    assert report.share_identity_with_partners is True
    raw = Report.objects.filter(pk=report.pk).values_list("reporter_name", flat=True)
    assert REPORTER_NAME not in str(list(raw.query.get_compiler("default").execute_sql()))


def test_identity_typed_before_switching_to_anonymous_is_ignored(client, office):
    data = form_data(client, reporter_name=REPORTER_NAME, reporter_contact=REPORTER_PHONE)
    code, _key = receipt_of(client.post("/lapor/", data))
    report = Report.objects.get(tracking_code=code)
    assert report.reporter_name == "" and report.reporter_contact == ""


def test_confidential_report_without_contact_shows_the_text_again_with_a_message(client, office):
    data = form_data(client, identity_mode="rahasia", reporter_name=REPORTER_NAME, reporter_contact="")
    response = client.post("/lapor/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert Report.objects.count() == 0
    assert "Dua perempuan ditampung di ruko" in html
    assert "PT Maju Jaya Demo" in html
    assert "nomor telepon/WhatsApp atau alamat email" in html
    assert 'aria-invalid="true"' in html


def test_chosen_files_must_be_selected_again_after_an_error(client, office):
    data = form_data(client, description="")
    data["files"] = [upload("foto.jpg", jpeg_with_gps())]
    html = client.post("/lapor/", data).content.decode()
    assert "Pilih lagi berkas Anda" in html
    assert Attachment.objects.count() == 0


def test_double_post_creates_one_report_and_shows_the_same_receipt(client, office):
    data = form_data(client)
    first = receipt_of(client.post("/lapor/", data))
    second = receipt_of(client.post("/lapor/", data))
    assert first == second
    assert Report.objects.count() == 1


def test_retry_after_the_receipt_was_saved_does_not_show_the_key_again(client, office):
    data = form_data(client)
    code, key = receipt_of(client.post("/lapor/", data))
    client.post("/lapor/tanda-terima/selesai/", {"token": data["submission_token"]})
    html = client.post("/lapor/", data).content.decode()
    assert code in html and key not in html
    assert "sudah kami terima" in html
    assert Report.objects.count() == 1


def test_receipt_downloads_as_a_text_file(client, office):
    data = form_data(client)
    code, key = receipt_of(client.post("/lapor/", data))
    response = client.post("/lapor/tanda-terima/unduh/", {"token": data["submission_token"]})
    assert response["Content-Disposition"] == f'attachment; filename="tanda-terima-{code}.txt"'
    assert response["Cache-Control"] == "no-store"
    text = response.content.decode()
    assert code in text and key in text
    assert "telepon 110 atau 112 sekarang" in text and "/darurat/" in text


def test_receipt_download_is_gone_after_saving(client, office):
    data = form_data(client)
    client.post("/lapor/", data)
    client.post("/lapor/tanda-terima/selesai/", {"token": data["submission_token"]})
    assert client.post("/lapor/tanda-terima/unduh/", {"token": data["submission_token"]}).status_code == 410


def test_honeypot_submission_is_not_stored(client, office):
    response = client.post("/lapor/", form_data(client, website="http://spam.example"))
    assert response.status_code == 200
    assert Report.objects.count() == 0
    assert "Jangan diisi" in response.content.decode()


def test_links_from_the_job_offer_checker_prefill_the_form(client, office):
    response = client.get(
        "/lapor/",
        {
            "category": "perekrut",
            "description": "Tawaran kerja admin di Kamboja",
            "party": ["phone:0812-9999-0000", "handle:@loker.demo", "bogus:x"],
            "ref": "SOS-2026-ABANG",
        },
    )
    html = response.content.decode()
    assert 'value="perekrut" checked' in html
    assert "Tawaran kerja admin di Kamboja</textarea>" in html
    assert 'value="0812-9999-0000"' in html and 'value="@loker.demo"' in html
    assert 'value="SOS-2026-ABANG"' in html
    assert 'value="x"' not in html  # unknown kinds are dropped


def test_add_row_without_javascript_keeps_the_text_and_adds_a_row(client, office):
    data = form_data(client, add_party="1")
    html = client.post("/lapor/", data).content.decode()
    assert Report.objects.count() == 0
    assert html.count('name="party_value"') == 4
    assert "Dua perempuan ditampung di ruko" in html


def test_party_row_fragment_for_htmx(client, office):
    html = client.get("/lapor/baris-pihak/").content.decode()
    assert html.count('name="party_kind"') == 1 and "<html" not in html


def test_photo_attached_on_the_web_is_stored_encrypted(client, office):
    data = form_data(client)
    data["files"] = [upload("bukti.jpg", jpeg_with_gps())]
    code, _key = receipt_of(client.post("/lapor/", data))
    attachment = Attachment.objects.get(report__tracking_code=code)
    assert attachment.metadata_removed and attachment.content_type == "image/jpeg"
    assert attachment.original_name == "bukti.jpg"
    assert "bukti" not in attachment.storage_name
