"""Who sees which network: the access rules of the records' reports apply (officer, supervisor, mitra, others)."""

import pytest
from django.test import Client

from jaring.accounts.models import User
from jaring.audit.models import AuditEvent
from jaring.casework.models import Referral
from jaring.network.models import Identifier, LinkedRecord
from jaring.network.services import root_of
from jaring.reports.services import report_message_add
from tests.conftest import login


@pytest.fixture
def network(office, submit):  # type: ignore[no-untyped-def]
    """Two reports of one recruiter: one about a phone, one bridging it to a bank account."""
    first = submit(office, "Perekrut WA 0812-3456-7890 menawarkan kerja di Kamboja", category="tppo")
    second = submit(office, "Rekrut lewat WA 0812 3456 7890, DP ke BCA 1234567890 a.n. Rudi Hartono")
    record = LinkedRecord.objects.get(record_id=str(first.pk))
    return root_of(record.cluster_id), first, second


def refer(report, agency, petugas):  # type: ignore[no-untyped-def]
    Referral.objects.create(report=report, agency=agency, note="mohon tindak lanjut", created_by=petugas)


@pytest.mark.parametrize("who", ["petugas_client", "supervisor_client"])
def test_officers_of_the_office_see_the_cluster_and_the_view_is_audited(request, network, who):
    cluster, first, second = network
    client = request.getfixturevalue(who)
    listing = client.get("/petugas/jaringan/").content.decode()
    assert cluster.code in listing
    page = client.get(f"/petugas/jaringan/{cluster.pk}/")
    body = page.content.decode()
    assert page.status_code == 200
    assert first.tracking_code in body and second.tracking_code in body and "bca:1234567890" in body
    assert AuditEvent.objects.filter(action="network.cluster_viewed", object_id=str(cluster.pk)).count() == 1


def test_mitra_without_referral_sees_nothing(network, mitra_client):
    cluster, _first, _second = network
    assert cluster.code not in mitra_client.get("/petugas/jaringan/").content.decode()
    assert mitra_client.get(f"/petugas/jaringan/{cluster.pk}/").status_code == 404
    phone = Identifier.objects.get(kind="phone")
    assert mitra_client.get(f"/petugas/jaringan/identitas/{phone.pk}/").status_code == 404


def test_mitra_sees_only_the_records_referred_to_their_agency(network, mitra_client, agency, petugas):
    cluster, first, second = network
    refer(first, agency, petugas)
    assert cluster.code in mitra_client.get("/petugas/jaringan/").content.decode()
    body = mitra_client.get(f"/petugas/jaringan/{cluster.pk}/").content.decode()
    assert first.tracking_code in body
    assert second.tracking_code not in body and "bca:1234567890" not in body  # only in the unreferred report
    account = Identifier.objects.get(kind="account")
    assert mitra_client.get(f"/petugas/jaringan/identitas/{account.pk}/").status_code == 404


def test_mitra_does_not_see_what_the_reporter_wrote_in_the_thread(
    network, mitra_client, petugas_client, agency, petugas, django_capture_on_commit_callbacks
):
    """A mitra reads a referred report but not its thread: numbers and addresses from it stay hidden."""
    cluster, first, _second = network
    refer(first, agency, petugas)
    with django_capture_on_commit_callbacks(execute=True):
        report_message_add(report=first, body="Hubungi saya di 0813-9999-8888 atau siti.rahayu@example.com")
    email = Identifier.objects.get(kind="email")
    assert mitra_client.get(f"/petugas/jaringan/identitas/{email.pk}/").status_code == 404
    assert "siti.rahayu" not in mitra_client.get(f"/petugas/jaringan/{cluster.pk}/").content.decode()
    assert "siti.rahayu" in petugas_client.get(f"/petugas/jaringan/identitas/{email.pk}/").content.decode()
    viewed = AuditEvent.objects.get(action="network.identifier_viewed", object_id=str(email.pk))
    assert viewed.actor == petugas


def test_mitra_views_are_audited_under_the_clusters_office(network, mitra_client, agency, petugas, office):
    cluster, first, _second = network
    refer(first, agency, petugas)
    mitra_client.get(f"/petugas/jaringan/{cluster.pk}/")
    assert AuditEvent.objects.get(action="network.cluster_viewed").office == office


def test_mitra_may_not_watch_or_decide(network, mitra_client, agency, petugas):
    _cluster, first, _second = network
    refer(first, agency, petugas)
    phone = Identifier.objects.get(kind="phone")
    assert (
        mitra_client.post(f"/petugas/jaringan/identitas/{phone.pk}/pantau/", {"on": "1"}).status_code == 403
    )
    assert (
        mitra_client.post(
            f"/petugas/jaringan/identitas/{phone.pk}/", {"reason": "x", "report": first.tracking_code}
        ).status_code
        == 403
    )


def test_officer_of_another_office_gets_404(network, other_office):
    cluster, _first, _second = network
    stranger = User.objects.create_user(
        "asing", password="x-password-123", role="petugas", office=other_office
    )
    client = login(stranger)
    assert client.get(f"/petugas/jaringan/{cluster.pk}/").status_code == 404
    assert cluster.code not in client.get("/petugas/jaringan/").content.decode()


def test_admin_configures_but_sees_no_network(network, admin_user):
    cluster, _first, _second = network
    client = login(admin_user)
    assert client.get(f"/petugas/jaringan/{cluster.pk}/").status_code == 404


def test_anonymous_visitor_is_sent_to_login(network):
    cluster, _first, _second = network
    response = Client().get(f"/petugas/jaringan/{cluster.pk}/")
    assert response.status_code == 302 and "/petugas/masuk/" in response["Location"]


def test_staff_api_is_scoped_like_the_web(network, petugas, mitra, agency):
    from jaring.accounts.services import api_token_create

    cluster, first, _second = network
    officer_token = api_token_create(user=petugas, name="t")[1]
    mitra_token = api_token_create(user=mitra, name="t")[1]
    listing = Client().get("/api/v1/staff/clusters", HTTP_AUTHORIZATION=f"Bearer {officer_token}")
    assert [c["code"] for c in listing.json()] == [cluster.code]
    detail = Client().get(
        f"/api/v1/staff/clusters/{cluster.pk}", HTTP_AUTHORIZATION=f"Bearer {officer_token}"
    )
    assert detail.status_code == 200 and detail.json()["visible_records"] == 2
    hidden = Client().get(f"/api/v1/staff/clusters/{cluster.pk}", HTTP_AUTHORIZATION=f"Bearer {mitra_token}")
    assert hidden.status_code == 404
    refer(first, agency, petugas)
    shown = Client().get(f"/api/v1/staff/clusters/{cluster.pk}", HTTP_AUTHORIZATION=f"Bearer {mitra_token}")
    assert shown.json()["visible_records"] == 1
    assert Client().get("/api/v1/staff/clusters").status_code == 401
