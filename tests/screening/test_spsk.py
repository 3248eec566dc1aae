"""SPSK, the one lawful route for domestic work in Saudi Arabia (a company, the syarikah, employs the worker through
an appointed placement company), is neither the banned placement with individual employers nor a G to G programme."""

import pytest

from jaring.screening.engine import screen

SPSK_VACANCY = (
    "Lowongan penata laksana rumah tangga ke Arab Saudi melalui SPSK (Sistem Penempatan Satu Kanal), "
    "dikontrak syarikah, lewat perusahaan penempatan yang ditunjuk."
)


def codes(items):
    return {item["code"] for item in items}


def test_an_spsk_vacancy_is_not_flagged_as_domestic_work_for_an_individual_employer():
    result = screen(SPSK_VACANCY, language="id")
    assert "restricted_destination" not in codes(result["flags"])
    assert "spsk_programme" in codes(result["positive_signals"])
    assert "g2g_programme" not in codes(result["positive_signals"])  # SPSK is not government to government


def test_the_same_job_for_an_individual_employer_is_flagged():
    result = screen("Dibutuhkan ART untuk majikan di Riyadh, Arab Saudi, gaji 7 juta.", language="id")
    assert "restricted_destination" in codes(result["flags"])


@pytest.mark.parametrize(
    "text", ["Lowongan ART ke Arab Saudi lewat SPSK, berangkat pakai visa umrah, biaya 5 juta."]
)
def test_naming_spsk_does_not_hide_other_red_flags(text):
    result = screen(text, language="id")
    assert {"tourist_visa_for_work", "fee_or_debt"} <= codes(result["flags"])
    assert result["risk_level"] == "tinggi"
