"""k = 11 suppression: no shown number lets a reader work a suppressed one back out."""

from itertools import product

from jaring.insights.kanon import SUPPRESSED, suppress_group


def texts(values):
    cells, total = suppress_group(values)
    return [c.text for c in cells], total.text


def test_cells_under_eleven_are_suppressed_and_eleven_is_shown():
    assert texts([11, 12, 40]) == (["11", "12", "40"], "63")
    assert texts([10, 12, 40])[0][0] == SUPPRESSED


def test_five_and_six_make_eleven_and_neither_can_be_recovered():
    cells, total = texts([5, 6, 0])
    assert cells == [SUPPRESSED, SUPPRESSED, "0"]
    assert total == "11"  # only the sum is known: 5+6, 4+7, 1+10 ... all fit


def test_a_single_small_cell_takes_a_partner_with_it():
    cells, total = texts([5, 30, 40])
    assert cells == [SUPPRESSED, SUPPRESSED, "40"] and total == "75"


def test_two_ones_are_not_enough_protection():
    cells, total = texts([1, 1, 25, 30])
    assert cells == [SUPPRESSED, SUPPRESSED, SUPPRESSED, "30"] and total == "57"


def test_a_small_total_is_suppressed_with_its_cells():
    assert texts([4, 0, 3]) == ([SUPPRESSED, "0", SUPPRESSED], SUPPRESSED)


def test_when_no_partner_is_left_the_total_goes():
    assert texts([7, 0, 0, 20])[1] == "27" and texts([7, 0, 0, 20])[0] == [SUPPRESSED, "0", "0", SUPPRESSED]
    assert texts([3, 9, 0]) == ([SUPPRESSED, SUPPRESSED, "0"], "12")


def test_no_group_ever_discloses_a_suppressed_cell():
    """Exhaustively: whatever is shown, every suppressed cell has at least two possible values."""
    for values in product([0, 1, 2, 5, 6, 10, 11, 30], repeat=4):
        cells, total = suppress_group(list(values))
        hidden = [i for i, c in enumerate(cells) if not c.shown]
        if not hidden or not total.shown:
            continue
        rest = total.value - sum(c.value for c in cells if c.shown)
        for i in hidden:
            others = len(hidden) - 1
            # the smallest and largest the cell could be, given each other hidden cell is 1..max
            low = max(1, rest - sum(max(values[j], 10) for j in hidden if j != i))
            high = rest - others
            assert high > low or values[i] >= 11, (values, i)
