"""Near-identical company and person names (typos, spacing): link proposals with a similarity score.

Exact linking never uses these; an officer confirms or rejects each proposal. Names are blocked on their
first three letters (spaces removed) so that the comparison stays near-linear, then scored with rapidfuzz.
"""

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

THRESHOLD = 94.0  # benchmarks/eval_network.py: precision 0.96 at 94, 0.83 at 92, 0.66 at 90
MAX_BLOCK = 2000  # a block larger than this is a common prefix, compared in slices to bound the work


def squash(value: str) -> str:
    return value.replace(" ", "")


def similar_pairs(values: Iterable[str], threshold: float = THRESHOLD) -> list[tuple[str, str, float]]:
    """(a, b, score) for distinct normalised names whose space-free forms score >= threshold (0-100)."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for value in set(values):
        squashed = squash(value)
        if len(squashed) >= 4:
            blocks[squashed[:3]].append(value)
    pairs = []
    for names in blocks.values():
        names.sort()
        for start in range(0, len(names), MAX_BLOCK):
            chunk = names[start : start + MAX_BLOCK]
            squashed = [squash(n) for n in chunk]
            for i, name in enumerate(squashed[:-1]):
                later = squashed[i + 1 :]
                for _match, score, j in process.extract_iter(
                    name, later, scorer=fuzz.ratio, score_cutoff=threshold
                ):
                    pairs.append((chunk[i], chunk[i + 1 + j], round(float(score), 1)))
    return pairs


def best_match(value: str, candidates: list[str], threshold: float = THRESHOLD) -> list[tuple[str, float]]:
    """Candidates near `value` (for one new record in the application), best first."""
    squashed = squash(value)
    found = process.extract(
        squashed,
        {c: squash(c) for c in candidates if c != value},
        scorer=fuzz.ratio,
        score_cutoff=threshold,
        limit=20,
    )
    return [(key, round(score, 1)) for _squashed, score, key in found]
