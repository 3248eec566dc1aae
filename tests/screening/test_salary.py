"""Salaries: amounts in IDR/USD/MYR/RM/SGD and chat forms normalised to rupiah per month, judged by job and place."""

import pytest

from jaring.screening.engine import screen


def salary(text: str) -> dict:
    found = screen(text)["entities"]["salaries"]
    assert found, text
    return found[0]


@pytest.mark.parametrize(
    ("text", "currency", "per_month"),
    [
        ("gaji 15jt", "IDR", 15_000_000),
        ("Gaji Rp 4.500.000 per bulan", "IDR", 4_500_000),
        ("gaji 4,5 juta/bln", "IDR", 4_500_000),
        ("gaji $1000/bln", "USD", 16_000_000),
        ("salary USD 1,200 per month", "USD", 19_200_000),
        ("gaji RM 3.500 sebulan", "MYR", 12_600_000),
        ("gaji 2000 ringgit", "MYR", 7_200_000),
        ("gaji MYR 1800", "MYR", 6_480_000),
        ("gaji SGD 800 per month", "SGD", 9_600_000),
        ("gaji S$ 1.000", "SGD", 12_000_000),
        ("komisi 500rb/hari", "IDR", 13_000_000),
        ("gaji 8-12 jt", "IDR", 12_000_000),
    ],
)
def test_salary_is_normalised_to_rupiah_per_month(text, currency, per_month):
    found = salary(text)
    assert found["currency"] == currency
    assert found["idr_per_month"] == per_month


def test_fee_amount_is_not_a_salary():
    assert screen("Lowongan kerja, biaya admin 500rb")["entities"]["salaries"] == []


def test_currency_as_written_is_kept():
    assert salary("gaji RM 3.500 sebulan")["currency_text"] == "RM"


def codes(text: str) -> list[str]:
    return [flag["code"] for flag in screen(text, model=None)["flags"]]


def test_same_pay_is_plausible_in_korea_but_not_for_admin_in_cambodia():
    assert "unrealistic_salary" not in codes(
        "Lowongan operator pabrik di Korea, gaji Rp 25.000.000 per bulan."
    )
    assert "unrealistic_salary" in codes("Lowongan admin di Kamboja, gaji Rp 12.000.000 per bulan.")


def test_factory_pay_in_malaysia_is_judged_against_malaysia():
    assert "unrealistic_salary" not in codes("Lowongan operator kilang di Malaysia, gaji RM 1.800 sebulan.")
    assert "unrealistic_salary" in codes("Lowongan operator kilang di Malaysia, gaji RM 6.000 sebulan.")


def test_salary_explanation_names_job_and_place():
    result = screen("Lowongan admin di Malaysia, gaji RM 9.000 sebulan.")
    flag = next(f for f in result["flags"] if f["code"] == "unrealistic_salary")
    assert "admin" in flag["explanation"] and "Malaysia" in flag["explanation"]


def test_salary_note_never_suggests_a_going_rate_where_no_placement_exists():
    result = screen("Lowongan admin di Sihanoukville, gaji Rp 12.000.000 per bulan.")
    flag = next(f for f in result["flags"] if f["code"] == "unrealistic_salary")
    assert "Sihanoukville" in flag["explanation"] and "umpan" in flag["explanation"]
    assert "batas wajar" not in flag["explanation"] and "Rp8.000.000" not in flag["explanation"]
