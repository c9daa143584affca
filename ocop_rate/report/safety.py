"""Keep exported cells inert: spreadsheets run text that starts like a formula."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """Prefix text that a spreadsheet would read as a formula with an apostrophe.

    Numbers pass untouched (a negative number is data, not a formula).
    """
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell
