"""Records joining and merging clusters as reports and messages arrive (the application's incremental path)."""

from django.core import mail

from jaring.audit.models import AuditEvent
from jaring.network import services
from jaring.network.models import (
    Cluster,
    Identifier,
    LinkedRecord,
    LinkProposal,
    Occurrence,
    StopEntry,
    Watch,
)
from jaring.reports.services import report_message_add
from tests.conftest import login

DESCRIPTION = "Saya ditawari kerja di Malaysia tanpa pengalaman, gaji besar, berangkat minggu depan."


def cluster_of(report) -> Cluster:  # type: ignore[no-untyped-def]
    record = LinkedRecord.objects.get(record_type="report", record_id=str(report.pk))
    return services.root_of(record.cluster_id)


def test_submitted_report_is_linked_with_its_identifiers_and_spans(office, submit):
    report = submit(office, f"{DESCRIPTION} Hubungi 0812-3456-7890.", [("company", "PT. Maju Jaya Abadi")])
    record = LinkedRecord.objects.get(record_type="report", record_id=str(report.pk))
    assert (record.label, record.category, record.office) == (report.tracking_code, "perekrut", office)
    found = {
        (o.identifier.kind, o.identifier.normalized, o.source, o.raw)
        for o in Occurrence.objects.filter(record=record)
    }
    assert ("phone", "+6281234567890", "text", "0812-3456-7890") in found
    assert ("company", "maju jaya abadi", "party:0", "PT. Maju Jaya Abadi") in found


def test_new_report_joins_the_cluster_of_a_shared_phone(office, submit):
    first = submit(office, f"{DESCRIPTION} WA 0812-3456-7890")
    second = submit(office, DESCRIPTION, [("phone", "+62 812 3456 7890")])
    assert cluster_of(first) == cluster_of(second)
    assert cluster_of(first).record_count == 2


def test_a_record_sharing_identifiers_of_two_clusters_merges_them(office, submit):
    a = submit(office, f"{DESCRIPTION} WA 0812-3456-7890")
    b = submit(office, f"{DESCRIPTION} transfer BCA 1234567890")
    assert cluster_of(a) != cluster_of(b)
    bridge = submit(office, f"{DESCRIPTION} WA 081234567890 lalu transfer BCA 123-456-7890", category="tppo")
    root = cluster_of(bridge)
    assert cluster_of(a) == cluster_of(b) == root
    assert (root.record_count, root.serious_count) == (3, 3)
    assert Cluster.objects.filter(root=root).count() == 1  # the smaller cluster now points at the survivor
    later = submit(office, f"{DESCRIPTION} BCA 1234567890")
    assert cluster_of(later) == root and services.root_of(root.pk).record_count == 4


def test_reporter_message_links_into_the_report_cluster(office, submit, django_capture_on_commit_callbacks):
    report = submit(office, f"{DESCRIPTION} WA 0812-3456-7890")
    other = submit(office, f"{DESCRIPTION} akun IG @lokerjaya.batam")
    with django_capture_on_commit_callbacks(execute=True):
        report_message_add(report=report, body="Dia juga pakai IG @lokerjaya.batam")
    message = LinkedRecord.objects.get(record_type="message")
    assert services.root_of(message.cluster_id) == cluster_of(report) == cluster_of(other)


def test_linking_the_same_record_twice_changes_nothing(office, submit):
    report = submit(office, f"{DESCRIPTION} WA 0812-3456-7890")
    before = (LinkedRecord.objects.count(), Occurrence.objects.count())
    services.report_link(report_id=report.pk)
    assert (LinkedRecord.objects.count(), Occurrence.objects.count()) == before
    assert Identifier.objects.get(normalized="+6281234567890").record_count == 1


def test_hotline_is_stored_but_never_links(office, submit):
    a = submit(office, f"{DESCRIPTION} Saya sudah telepon 0811-7002-019")
    b = submit(office, f"{DESCRIPTION} Nomor imigrasi 0811 7002 019")
    assert cluster_of(a) != cluster_of(b)
    assert Identifier.objects.get(normalized="+628117002019").record_count == 2


def test_officers_stoplist_entry_stops_linking(office, submit):
    StopEntry.objects.create(kind="phone", value="0812-0000-1111", note="portal lowongan")
    a = submit(office, f"{DESCRIPTION} 0812-0000-1111")
    b = submit(office, f"{DESCRIPTION} 0812 0000 1111")
    assert cluster_of(a) != cluster_of(b)


def test_a_stoplist_entry_added_in_the_admin_splits_what_the_number_had_joined(office, submit, admin_user):
    a = submit(office, f"{DESCRIPTION} Daftar lewat 0812-0000-2222", [("account", "BCA 1234567890")])
    b = submit(office, f"{DESCRIPTION} portal 0812 0000 2222", [("account", "BCA 123-456-7890")])
    c = submit(office, f"{DESCRIPTION} info di 0812-0000-2222")
    kept = cluster_of(a)
    assert cluster_of(b) == cluster_of(c) == kept and kept.record_count == 3

    response = login(admin_user).post(
        "/petugas/admin/network/stopentry/add/",
        {"kind": "phone", "value": "+62 812-0000-2222", "note": "portal"},
    )
    assert response.status_code == 302
    assert cluster_of(a) == cluster_of(b) == kept != cluster_of(c)
    assert (cluster_of(a).record_count, cluster_of(c).record_count) == (2, 1)
    assert (
        Identifier.objects.get(normalized="+6281200002222").cluster_id == kept.pk
    )  # stays with the kept one
    event = AuditEvent.objects.get(action="network.stop_entry_saved")
    assert event.actor == admin_user and event.data["new_clusters"] == [cluster_of(c).pk]
    d = submit(office, f"{DESCRIPTION} 0812-0000-2222")
    assert cluster_of(d) not in (cluster_of(a), cluster_of(c))


def test_near_identical_company_names_are_proposed_and_the_decision_is_kept(office, submit, petugas):
    a = submit(office, DESCRIPTION, [("company", "PT Maju Jaya Abadi")])
    b = submit(office, DESCRIPTION, [("company", "PT MajuJaya Abadi")])
    proposal = LinkProposal.objects.get()
    assert proposal.score >= 94 and cluster_of(a) != cluster_of(b)
    services.proposal_decide(proposal=proposal, confirm=True, actor=petugas)
    assert cluster_of(a) == cluster_of(b)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == ("dikonfirmasi", petugas)
    submit(office, DESCRIPTION, [("company", "PT Maju Jaya Abadi")])
    assert LinkProposal.objects.count() == 1  # a decided pair is not proposed again


def test_rejected_proposal_keeps_clusters_apart(office, submit, petugas):
    a = submit(office, DESCRIPTION, [("person", "Pak Rudi Hartono")])
    b = submit(office, DESCRIPTION, [("person", "Rudi Hartonno")])
    proposal = LinkProposal.objects.get()
    services.proposal_decide(proposal=proposal, confirm=False, actor=petugas)
    assert cluster_of(a) != cluster_of(b)
    assert LinkProposal.objects.get().status == "ditolak"


def test_watched_identifier_notifies_the_officer_in_app_and_by_email(
    office, submit, petugas, django_capture_on_commit_callbacks
):
    petugas.email = "petugas@example.test"
    petugas.save()
    submit(office, f"{DESCRIPTION} WA 0812-3456-7890")
    identifier = Identifier.objects.get(normalized="+6281234567890")
    services.watch_set(identifier=identifier, actor=petugas, on=True)
    with django_capture_on_commit_callbacks(execute=True):
        submit(office, f"{DESCRIPTION} nomor lain 0812 3456 7890")
    watch = Watch.objects.get()
    assert watch.notices.count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["petugas@example.test"]
    assert "+6281234567890" in mail.outbox[0].body


def test_report_submit_queues_linking_with_the_report(office):
    from jaring.reports.services import report_submit

    report, _key = report_submit(
        office=office, category="tppo", description=f"{DESCRIPTION} WA 0812-3456-7890", identity_mode="anonim",
        parties=[{"kind": "account", "value": "BCA 1234567890"}],
    )  # fmt: skip
    record = LinkedRecord.objects.get(record_type="report", record_id=str(report.pk))
    assert {o.identifier.normalized for o in record.occurrences.all()} == {"+6281234567890", "bca:1234567890"}


def test_report_submit_stores_its_linking_job_in_the_same_transaction(office, settings):
    """With the database task backend the job is a row written with the report: nothing to lose after commit."""
    from django_tasks_db.models import DBTaskResult

    from jaring.reports.services import report_submit

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    report, _key = report_submit(
        office=office,
        category="perekrut",
        description=f"{DESCRIPTION} WA 0812-3456-7890",
        identity_mode="anonim",
    )
    job = DBTaskResult.objects.get(task_path="jaring.network.tasks.link_report")
    assert job.args_kwargs["args"] == [report.pk]
