"""The knowledge-gain statistic: Student t quantiles and Welch's interval against published values."""

import math

import pytest

from jaring.outreach.stats import t_cdf, t_quantile, welch_interval


@pytest.mark.parametrize(
    ("df", "expected"),
    # Two-sided 95% critical values from any t table.
    [(1, 12.7062), (2, 4.3027), (5, 2.5706), (10, 2.2281), (30, 2.0423), (120, 1.9799)],
)
def test_t_quantile_matches_the_table(df: int, expected: float) -> None:
    assert t_quantile(0.975, df) == pytest.approx(expected, abs=1e-4)


def test_t_quantile_tends_to_the_normal_quantile() -> None:
    assert t_quantile(0.975, 1e7) == pytest.approx(1.959964, abs=1e-5)


def test_t_cdf_is_symmetric_and_half_at_zero() -> None:
    assert t_cdf(0.0, 7.3) == pytest.approx(0.5)
    assert t_cdf(-1.3, 7.3) == pytest.approx(1 - t_cdf(1.3, 7.3))


def test_welch_reproduces_the_textbook_example() -> None:
    # Welch's t-test example 1 on Wikipedia ("Welch's t-test"): t = -2.46, df = 24.9, p = 0.021.
    a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]
    a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]
    gain = welch_interval(a1, a2)
    assert gain.df == pytest.approx(24.9, abs=0.1)
    se = gain.difference / 2.46
    assert 2 * t_cdf(-abs(gain.difference / se), gain.df) == pytest.approx(0.021, abs=0.001)
    # The 95% interval excludes zero exactly when p < 0.05, and is centred on the difference.
    assert 0 < gain.low < gain.difference < gain.high
    assert (gain.low + gain.high) / 2 == pytest.approx(gain.difference)
    assert gain.difference == pytest.approx(22.9867 - 20.82, abs=1e-3)


def test_interval_half_width_is_t_times_standard_error() -> None:
    pre, post = [40.0, 60.0, 50.0, 50.0], [70.0, 90.0, 80.0, 80.0, 75.0, 85.0]
    gain = welch_interval(pre, post)
    v1 = sum((x - 50) ** 2 for x in pre) / 3 / 4
    v2 = sum((x - 80) ** 2 for x in post) / 5 / 6
    df = (v1 + v2) ** 2 / (v1**2 / 3 + v2**2 / 5)
    assert gain.df == pytest.approx(df)
    assert gain.high - gain.difference == pytest.approx(t_quantile(0.975, df) * math.sqrt(v1 + v2))


def test_no_interval_with_fewer_than_two_answers_in_a_phase() -> None:
    gain = welch_interval([50.0], [75.0, 100.0])
    assert gain.difference == 37.5
    assert not gain.has_interval


def test_no_gain_without_answers_after() -> None:
    gain = welch_interval([50.0, 60.0], [])
    assert gain.difference is None and gain.mean_post is None and gain.n_pre == 2


def test_identical_scores_give_an_exact_difference() -> None:
    gain = welch_interval([50.0, 50.0], [100.0, 100.0, 100.0])
    assert (gain.low, gain.difference, gain.high) == (50.0, 50.0, 50.0)
