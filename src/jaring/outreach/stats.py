"""Knowledge gain: difference of mean scores after vs before, with Welch's t interval.

Pre and post answers are anonymous and cannot be paired, so they are two independent samples with possibly
different variances: Welch (1947), Satterthwaite degrees of freedom. scipy is not a dependency; the Student t
distribution function is computed from the regularised incomplete beta function (continued fraction, as in
Numerical Recipes 6.4) and inverted by bisection, which is exact to far more digits than a score needs.
"""

import math
import statistics
from dataclasses import dataclass


def _betacf(a: float, b: float, x: float) -> float:
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    ln_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(ln_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with `df` (possibly fractional) degrees of freedom."""
    tail = 0.5 * _betainc(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


def _t_pdf(t: float, df: float) -> float:
    log_norm = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    return math.exp(log_norm - (df + 1) / 2 * math.log1p(t * t / df))


def t_quantile(p: float, df: float) -> float:
    """The t with P(T <= t) = p: Newton's method from the Cornish-Fisher expansion around the normal quantile,
    with bisection on t_cdf (monotone) as the fallback for very small df."""
    if not 0.0 < p < 1.0:
        raise ValueError("p must be in (0, 1)")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    z = statistics.NormalDist().inv_cdf(p)
    t = (
        z
        + (z**3 + z) / (4 * df)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
    )
    for _ in range(30):
        step = (t_cdf(t, df) - p) / _t_pdf(t, df)
        t -= step
        if t <= 0 or not math.isfinite(t):
            break
        if abs(step) < 1e-12 * max(1.0, t):
            return t
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        high *= 2.0
    for _ in range(200):
        mid = (low + high) / 2.0
        if t_cdf(mid, df) < p:
            low = mid
        else:
            high = mid
        if high - low < 1e-12:
            break
    return (low + high) / 2.0


@dataclass(frozen=True)
class Gain:
    n_pre: int
    n_post: int
    mean_pre: float | None
    mean_post: float | None
    difference: float | None
    low: float | None  # bounds of the confidence interval; None when a sample is too small
    high: float | None
    df: float | None

    @property
    def has_interval(self) -> bool:
        return self.low is not None


@dataclass(frozen=True)
class Moments:
    """n, sum and sum of squares of a sample: enough for its mean and variance, and additive across events."""

    n: int = 0
    total: float = 0.0
    squares: float = 0.0

    def __add__(self, other: "Moments") -> "Moments":
        return Moments(self.n + other.n, self.total + other.total, self.squares + other.squares)

    @classmethod
    def of(cls, values: list[float]) -> "Moments":
        return cls(len(values), math.fsum(values), math.fsum(x * x for x in values))

    @property
    def mean(self) -> float | None:
        return self.total / self.n if self.n else None

    @property
    def variance(self) -> float:
        # Scores are 0-100, so the textbook shortcut loses nothing measurable; clamp rounding below zero.
        return max(0.0, (self.squares - self.total * self.total / self.n) / (self.n - 1))


def welch_interval(pre: list[float], post: list[float], *, confidence: float = 0.95) -> Gain:
    """Mean(post) - mean(pre) with its Welch t interval. Needs two values per sample for an interval."""
    return welch_from_moments(Moments.of(pre), Moments.of(post), confidence=confidence)


def welch_from_moments(pre: Moments, post: Moments, *, confidence: float = 0.95) -> Gain:
    n1, n2, m1, m2 = pre.n, post.n, pre.mean, post.mean
    diff = m2 - m1 if m1 is not None and m2 is not None else None
    if n1 < 2 or n2 < 2 or diff is None:
        return Gain(n1, n2, m1, m2, diff, None, None, None)
    v1, v2 = pre.variance / n1, post.variance / n2
    se = math.sqrt(v1 + v2)
    if se < 1e-9:
        # Every answer identical within each phase: no spread, the difference is exact.
        return Gain(n1, n2, m1, m2, diff, diff, diff, float(n1 + n2 - 2))
    df = (v1 + v2) ** 2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))
    half = t_quantile(1.0 - (1.0 - confidence) / 2.0, df) * se
    return Gain(n1, n2, m1, m2, diff, diff - half, diff + half, df)
