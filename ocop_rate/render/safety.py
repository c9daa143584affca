"""Keep exported cells inert: spreadsheets run text that starts like a formula, and XLSX
(XML 1.0) cannot hold most control characters or lone surrogates at all."""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NOT_IN_CELLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def cell_text(text: str) -> str:
    """``text`` with every character a workbook cannot hold (or that would act when
    printed) shown as an escape such as ``\\x1b``: the file opens and nothing is lost."""
    def shown(found: re.Match[str]) -> str:
        code = ord(found.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _NOT_IN_CELLS.sub(shown, text)


def neutralise(cell: object) -> object:
    """Prefix text that a spreadsheet would read as a formula with an apostrophe, and
    escape characters a workbook cannot hold. Numbers pass untouched (a negative number is
    data, not a formula)."""
    if not isinstance(cell, str):
        return cell
    cell = cell_text(cell)
    if cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def neutralise_texts(values: list[str]) -> list[str]:
    """:func:`neutralise` of every value of a column; one search of their concatenation
    when none holds a character a workbook cannot take (the usual case: a 100,000-product
    sheet's ids are then checked for a formula start only)."""
    if _NOT_IN_CELLS.search("".join(values)) is None:
        return ["'" + v if v.startswith(FORMULA_STARTS) else v for v in values]
    return [str(neutralise(v)) for v in values]
