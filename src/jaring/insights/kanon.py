"""Small-cell suppression for published counts (k = 11, as CTDC publishes HTCDS aggregates).

Primary: a count from 1 to k-1 is shown as "< 11". Complementary: in every group published with its total,
the suppressed cells together must hold at least k and be at least two, otherwise a reader subtracts the shown
cells from the total and gets a suppressed one back (one cell of 5: total - rest = 5; two cells of 1: total -
rest = 2, so both are 1). While that fails, the smallest shown non-zero cell is suppressed too; when no cell is
left to suppress, the total is. A total under k is itself suppressed. Zero is shown: it describes nobody.
"""

from dataclasses import dataclass

K = 11
SUPPRESSED = f"< {K}"


@dataclass(frozen=True)
class Cell:
    value: int
    shown: bool

    @property
    def text(self) -> str:
        return str(self.value) if self.shown else SUPPRESSED

    @property
    def public(self) -> int | str:
        """What open data publishes: the number, or the marker string."""
        return self.value if self.shown else SUPPRESSED


def suppress_group(values: list[int], k: int = K) -> tuple[list[Cell], Cell]:
    """Cells and total of one group (e.g. the months of one measure)."""
    total = sum(values)
    hidden = {i for i, v in enumerate(values) if 0 < v < k}
    total_shown = not (0 < total < k)
    while total_shown and hidden and (len(hidden) < 2 or sum(values[i] for i in hidden) < k):
        candidates = [i for i, v in enumerate(values) if v > 0 and i not in hidden]
        if not candidates:
            total_shown = False
            break
        hidden.add(min(candidates, key=lambda i: (values[i], i)))
    cells = [Cell(v, i not in hidden) for i, v in enumerate(values)]
    return cells, Cell(total, total_shown)
