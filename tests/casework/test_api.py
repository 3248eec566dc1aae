import pytest

from jaring.accounts.services import api_token_create
from jaring.audit.models import AuditEvent
from jaring.casework.models import Referral
from tests.casework.conftest import make_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    def call(user, method, path, data=None):
        _t, plain = api_token_create(user=user, name="t")
        kwargs = {"HTTP_AUTHORIZATION": f"Bearer {plain}"}
        if method == "get":
            return client.get(f"/api/v1/staff{path}", data or {}, **kwargs)
        return client.post(f"/api/v1/staff{path}", data or {}, content_type="application/json", **kwargs)

    return call


def test_full_case_through_the_api(api, office, petugas, supervisor, mitra, report) -> None:
    code = report.tracking_code
    assert (
        api(petugas, "get", "/reports", {"status": "baru", "q": "bekerja"}).json()["items"][0][
            "tracking_code"
        ]
        == code
    )
    assert (
        api(petugas, "post", f"/reports/{code}/transition", {"to": "diverifikasi"}).json()["status"]
        == "diverifikasi"
    )
    assert (
        api(supervisor, "post", f"/reports/{code}/assign", {"username": "petugas"}).json()["assignee"]
        == "petugas"
    )
    detail = api(petugas, "post", f"/reports/{code}/reply", {"body": "Terima kasih."}).json()
    detail = api(petugas, "post", f"/reports/{code}/notes", {"body": "Internal."}).json()
    assert [m["is_internal"] for m in detail["messages"]] == [False, True]
    detail = api(
        petugas, "post", f"/reports/{code}/refer", {"agency": "bp3mi-kepri", "note": "Mohon tindak lanjut"}
    ).json()
    assert detail["status"] == "dirujuk" and detail["referrals"][0]["agency"] == "bp3mi-kepri"
    mitra_view = api(mitra, "post", f"/reports/{code}/referral", {"status": "diterima", "note": "OK"}).json()
    assert mitra_view["messages"] == [] and mitra_view["identity"] is None
    assert mitra_view["referrals"][0]["status"] == "diterima"
    # Every timeline entry names who acted; a partner reads only their referral's entries.
    assert detail["timeline"][0]["actor_name"] == "Sistem" and detail["timeline"][0]["role"] == "system"
    assert all(e["actor_name"] for e in detail["timeline"])
    assert [(e["kind"], e["actor_name"]) for e in mitra_view["timeline"]] == [
        ("referral", "Petugas Demo"),
        ("referral", "Mitra BP3MI (BP3MI Kepulauan Riau)"),
    ]
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "report.transitioned",
        "report.assigned",
        "report.replied",
        "report.note_added",
        "report.referred",
        "referral.updated",
    } <= actions


def test_api_errors(api, office, petugas, mitra, report) -> None:
    code = report.tracking_code
    bad = api(petugas, "post", f"/reports/{code}/transition", {"to": "selesai"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "to"
    assert api(petugas, "post", f"/reports/{code}/assign", {"username": "nobody"}).status_code == 422
    assert api(petugas, "get", "/reports", {"status": "kacau"}).status_code == 422
    Referral.objects.create(report=report, agency=mitra.agency, note="x", created_by=petugas)
    assert api(mitra, "post", f"/reports/{code}/transition", {"to": "diverifikasi"}).status_code == 403
    closed = make_report(office, status="selesai")
    assert api(petugas, "post", f"/reports/{closed.tracking_code}/reply", {"body": "x"}).status_code == 422
    report.refresh_from_db()
    assert report.status == "baru"


def test_attachment_url_serves_the_decrypted_file_and_is_audited(
    api, settings, office, petugas, report
) -> None:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from jaring.lib.crypto import encrypt_bytes
    from jaring.reports.models import Attachment

    name = default_storage.save("lampiran/test.bin", ContentFile(encrypt_bytes(b"bukti tangkapan layar")))
    item = Attachment.objects.create(
        report=report,
        content_type="image/png",
        size=21,
        sha256="0" * 64,
        storage_name=name,
        uploaded_by="pelapor",
    )
    detail = api(petugas, "get", f"/reports/{report.tracking_code}").json()
    url = detail["attachments"][0]["url"]
    assert url.endswith(f"/attachments/{item.pk}")
    response = api(petugas, "get", url.split("/api/v1/staff", 1)[1])
    assert response.content == b"bukti tangkapan layar"
    assert AuditEvent.objects.filter(action="attachment.viewed").count() == 1


def test_staff_api_is_in_the_openapi_schema(client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in [
        "/api/v1/staff/reports",
        "/api/v1/staff/reports/{tracking_code}/transition",
        "/api/v1/staff/reports/{tracking_code}/referral",
    ]:
        assert path in paths


def test_every_error_has_the_one_shape(api, petugas, mitra, report) -> None:
    """403, 404 and 422 all answer {"detail": [{"field", "message", "type"}]} (lib/api_errors.py)."""
    code = report.tracking_code
    forbidden = api(petugas, "post", f"/reports/{code}/referral", {"status": "diterima"})
    missing = api(petugas, "get", "/reports/JRG-ZZZZ-ZZZZ")
    invalid = api(petugas, "post", f"/reports/{code}/transition", {"to": "terbang"})
    for response, status, kind in (
        (forbidden, 403, "forbidden"),
        (missing, 404, "not_found"),
        (invalid, 422, "invalid"),
    ):
        assert response.status_code == status
        [item] = response.json()["detail"]
        assert item["type"] == kind and item["message"] and item["field"]


def test_api_rows_carry_urgency_and_unread_counts(api, office, petugas, mitra, agency) -> None:
    from jaring.casework.referrals import referral_create
    from jaring.reports.services import report_message_add

    urgent = make_report(office, description="Berangkat besok, paspor ditahan.", status="diverifikasi")
    plain = make_report(office)
    report_message_add(report=plain, body="Tambahan: saya kirim foto brosurnya.")
    rows = api(petugas, "get", "/reports").json()["items"]
    assert [(r["tracking_code"], r["urgent"]) for r in rows][0] == (urgent.tracking_code, True)
    by_code = {r["tracking_code"]: r for r in rows}
    assert by_code[plain.tracking_code]["unread_messages"] == 1
    detail = api(petugas, "get", f"/reports/{urgent.tracking_code}").json()
    assert {"rule": "passport", "match": "paspor ditahan"} in detail["urgency_reasons"]

    referral_create(report=urgent, agency=agency, note="Mohon dicek.", actor=petugas)
    partner = api(mitra, "get", f"/reports/{urgent.tracking_code}").json()
    assert partner["urgent"] is True and partner["urgency_reasons"] == []
    assert api(mitra, "get", "/reports").json()["items"][0]["unread_messages"] is None
