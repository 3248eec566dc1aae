"""Lapor and WhatsApp read a party typed to dodge filters as the number itself (lib.identifier_readings)."""

from jaring.channels.lapor_flow import guess_party
from jaring.reports.validation import normalise_party

SPELLED = "nol delapan satu dua tiga empat lima enam tujuh delapan sembilan nol"


def test_whatsapp_takes_a_spelled_out_number_for_a_phone():
    assert guess_party(SPELLED) == {"kind": "phone", "value": SPELLED}
    assert guess_party("08l2-5566-7788")["kind"] == "phone"
    assert guess_party("Budi satu dua")["kind"] == "person"


def test_lapor_matches_an_evasive_party_with_the_plain_number():
    assert normalise_party("phone", SPELLED) == normalise_party("phone", "0812-3456-7890") == "+6281234567890"
    assert normalise_party("phone", "08l2-5566-7788") == "+6281255667788"
    assert normalise_party("phone", "08x2-5566-7788") == ""  # no valid reading: nothing, not +6255667788
    assert normalise_party("handle", "@loker . kamboja") == normalise_party("handle", "@loker.kamboja")
