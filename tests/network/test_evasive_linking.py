"""Numbers written to dodge filters, in the application: sure readings link, ambiguous ones reach an officer."""

from jaring.network import services
from jaring.network.models import Identifier, LinkedRecord, LinkProposal, Occurrence
from tests.conftest import login

DESCRIPTION = "Saya ditawari kerja di Kamboja, gaji besar, berangkat minggu depan."


def cluster_of(report):  # type: ignore[no-untyped-def]
    record = LinkedRecord.objects.get(record_type="report", record_id=str(report.pk))
    return services.root_of(record.cluster_id)


def test_a_number_spelled_out_links_with_the_same_number_written_plainly(office, submit):
    plain = submit(office, f"{DESCRIPTION} WA 0812-3456-7890")
    spelled = submit(
        office, f"{DESCRIPTION} WA nol delapan satu dua tiga empat lima enam tujuh delapan sembilan nol"
    )
    assert cluster_of(plain) == cluster_of(spelled)
    occurrence = Occurrence.objects.get(record__record_id=str(spelled.pk))
    assert (
        occurrence.raw.startswith("nol delapan satu dua")
        and occurrence.identifier.normalized == "+6281234567890"
    )


def test_letters_for_digits_link_and_never_make_another_number(office, submit):
    plain = submit(office, f"{DESCRIPTION} 0812-5566-7788")
    evasive = submit(office, f"{DESCRIPTION} hub 08l2-5566-7788")
    assert cluster_of(plain) == cluster_of(evasive)
    assert not Identifier.objects.filter(normalized="+6255667788").exists()


def test_a_party_written_evasively_links(office, submit):
    plain = submit(office, DESCRIPTION, [("phone", "0812 3456 7890"), ("handle", "@loker.kamboja")])
    party = submit(office, DESCRIPTION, [("phone", "0️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣9️⃣0️⃣")])
    handle = submit(office, DESCRIPTION, [("handle", "@loker . kamboja")])
    assert cluster_of(plain) == cluster_of(party) == cluster_of(handle)


def test_an_ambiguous_reading_is_proposed_not_linked_until_an_officer_confirms(office, submit, petugas):
    plain = submit(office, f"{DESCRIPTION} WA 0812-3456-7890")
    # "sembilan nol" may end the number (0812 3456 7890) or be words after 0812 3456 78: two valid readings.
    ambiguous = submit(office, f"{DESCRIPTION} WA 0812 3456 78 sembilan nol")
    assert cluster_of(plain) != cluster_of(ambiguous)
    reading = Identifier.objects.get(normalized="?+6281234567890")
    assert reading.cluster_id is None  # weak: it links nothing by itself
    proposal = LinkProposal.objects.get()
    assert {proposal.first, proposal.second} == {reading, Identifier.objects.get(normalized="+6281234567890")}
    assert proposal.score == 60.0
    page = login(petugas).get("/petugas/jaringan/usulan/").content.decode()
    assert "bacaan tersamar" in page and "+6281234567890" in page
    services.proposal_decide(proposal=proposal, confirm=True, actor=petugas)
    assert cluster_of(plain) == cluster_of(ambiguous)
    # Once confirmed, the same reading in a new record links at once, and is not proposed again.
    later = submit(office, f"{DESCRIPTION} 0812 3456 78 sembilan nol")
    assert cluster_of(later) == cluster_of(plain)
    assert LinkProposal.objects.count() == 1


def test_a_reading_seen_before_the_plain_number_is_proposed_when_the_number_arrives(office, submit, petugas):
    ambiguous = submit(office, f"{DESCRIPTION} WA 0812 3456 78 sembilan nol")
    assert not LinkProposal.objects.exists()
    plain = submit(office, DESCRIPTION, [("phone", "+62 812 3456 7890")])
    proposal = LinkProposal.objects.get()
    services.proposal_decide(proposal=proposal, confirm=False, actor=petugas)
    assert cluster_of(plain) != cluster_of(ambiguous)
