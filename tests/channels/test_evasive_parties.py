"""Lapor and WhatsApp read a party typed to dodge filters as the number itself (lib.identifier_readings)."""

import pytest

from jaring.channels.lapor_flow import guess_party
from jaring.reports.models import Report
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


@pytest.mark.django_db
def test_whatsapp_asks_again_for_a_party_that_does_not_read(chat) -> None:
    chat.send("halo")
    chat.send("2")
    chat.send("3")
    chat.send("Ada perekrut yang menawari adik saya kerja di Kamboja pakai visa turis.")
    assert "Siapa saja yang terlibat" in chat.send("Batu Aji, Batam")
    answer = chat.send("😀😀\n08l2-3456-7890")
    assert "Baris 1: Nama orang tidak terbaca" in answer and "kirim lagi daftarnya" in answer
    assert "KIRIM" in chat.send("Bu Rina\n08l2-3456-7890")
    chat.send("KIRIM")
    parties = {(p.kind, p.normalized) for p in Report.objects.get().parties.all()}
    assert parties == {("person", "rina"), ("phone", "+6281234567890")}
