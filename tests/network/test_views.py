"""The officer's pages: filters, proposals decided over HTTP, watch toggled, notices shown and cleared."""

from jaring.network.models import Identifier, LinkProposal, Watch, WatchNotice


def test_list_filters_by_identifier_kind_and_category(office, submit, petugas_client):
    submit(office, "WA 0812-3456-7890", category="tppo")
    submit(office, "hubungi 0812 3456 7890", category="tppo")
    submit(office, "BCA 1234567890", category="perekrut")
    submit(office, "transfer BCA 123-456-7890", category="perekrut")
    by_phone = petugas_client.get("/petugas/jaringan/", {"kind": "phone"}).context["page"].object_list
    by_account = petugas_client.get("/petugas/jaringan/", {"kind": "account"}).context["page"].object_list
    assert len(by_phone) == len(by_account) == 1 and by_phone[0] != by_account[0]
    tppo = petugas_client.get("/petugas/jaringan/", {"category": "tppo"}).context["page"].object_list
    assert list(tppo) == list(by_phone)
    searched = petugas_client.get("/petugas/jaringan/", {"q": "+62812"}).context["page"].object_list
    assert list(searched) == list(by_phone)
    singles = petugas_client.get("/petugas/jaringan/", {"min": "1", "q": "zzz"}).context["page"].object_list
    assert list(singles) == []


def test_officer_decides_a_proposal_over_http(office, submit, petugas_client):
    submit(office, "Perekrut dari perusahaan ini", [("company", "PT Maju Jaya Abadi")])
    submit(office, "Perekrut dari perusahaan itu", [("company", "CV MajuJaya Abadi")])
    page = petugas_client.get("/petugas/jaringan/usulan/").content.decode()
    assert "maju jaya abadi" in page and "majujaya abadi" in page
    proposal = LinkProposal.objects.get()
    response = petugas_client.post(f"/petugas/jaringan/usulan/{proposal.pk}/", {"decision": "reject"})
    assert response.status_code == 302
    assert LinkProposal.objects.get().status == "ditolak"
    assert (
        petugas_client.post(f"/petugas/jaringan/usulan/{proposal.pk}/", {"decision": "confirm"}).status_code
        == 404
    )


def test_watch_notice_appears_on_the_list_and_can_be_cleared(office, submit, petugas_client):
    submit(office, "WA 0812-3456-7890")
    phone = Identifier.objects.get(kind="phone")
    petugas_client.post(f"/petugas/jaringan/identitas/{phone.pk}/pantau/", {"on": "1"})
    assert Watch.objects.count() == 1
    submit(office, "nomor 0812 3456 7890 lagi")
    assert "+6281234567890" in petugas_client.get("/petugas/jaringan/").content.decode()
    petugas_client.post("/petugas/jaringan/pemberitahuan/dibaca/")
    assert not WatchNotice.objects.filter(read_at__isnull=True).exists()
    petugas_client.post(f"/petugas/jaringan/identitas/{phone.pk}/pantau/", {"on": "0"})
    assert Watch.objects.count() == 0


def test_english_pages(office, submit, petugas_client):
    submit(office, "WA 0812-3456-7890")
    assert "Recruiter networks" in petugas_client.get("/en/petugas/jaringan/").content.decode()
