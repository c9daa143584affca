"""Any :class:`~ocop_rate.models.document.Document`'s tables as an Excel workbook, a sheet per
table, and :func:`fill_sheet`, the one way a sheet a person opens in Excel is written: a
bold, frozen header, every text guarded against formulas and characters a workbook cannot
hold (:func:`~ocop_rate.render.safety.neutralise`), dates as date cells shown day first in
Vietnamese. openpyxl is imported when drawing."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from ocop_rate.models.document import Document
from ocop_rate.render.csv import tables
from ocop_rate.render.safety import cell_text, neutralise

SHEET_NAME = 31
"""Excel refuses a sheet name longer than this."""
DECIMALS = "0.00"
"""How a decimal number is shown (the value keeps every digit)."""
_NOT_IN_NAMES = re.compile(r"[\[\]:*?/\\]")


def draw(document: Document) -> bytes:
    """A sheet per table, named after the table (or its section, or the document); a
    document without tables is one empty sheet."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook()
    first = book.active
    assert first is not None
    section_of = {id(b): part.title for part in document.sections for b in part.blocks}
    used: set[str] = set()
    found = tables(document)
    if not found:
        first.title = sheet_name(document.title, used)
    for n, block in enumerate(found):
        sheet = first if n == 0 else book.create_sheet()
        sheet.title = sheet_name(block.name or section_of.get(id(block), "") or document.title
                                 or str(n + 1), used)
        rows: Iterable[Sequence[object]] = (block.body() if block.values is None
                                            else block.values)
        fill_sheet(sheet, block.head, rows, document.lang,
                   freeze=f"{get_column_letter(block.keys + 1)}2")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sheet_name(wanted: str, used: set[str]) -> str:
    """A name Excel takes (no ``[]:*?/\\``, at most 31 characters, not blank), unique in
    the workbook (``used``, updated)."""
    base = (_NOT_IN_NAMES.sub(" ", cell_text(wanted)).strip(" '")[:SHEET_NAME].rstrip(" '")
            or "Sheet")
    name, n = base, 1
    while name.casefold() in used:
        n += 1
        suffix = f" ({n})"
        name = base[:SHEET_NAME - len(suffix)] + suffix
    used.add(name.casefold())
    return name


def fill_sheet(sheet: Any, header: Sequence[str], rows: Iterable[Sequence[object]],
               lang: str, *, freeze: str) -> None:
    """A sheet a person opens in Excel: a bold, frozen header, then the rows with every text
    guarded against formulas, dates as date cells shown day first in Vietnamese, decimals
    with two places, a text of several lines wrapped, and each column as wide as its
    longest line (within bounds)."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append([neutralise(h) for h in header])
    for row in rows:
        sheet.append([neutralise(c) for c in row])
    shown = "DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD"
    wrapped = Alignment(wrap_text=True, vertical="top")
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, date):
                cell.number_format = shown
            elif isinstance(cell.value, float):
                cell.number_format = DECIMALS
            elif isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = wrapped
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = wrapped
    for index, column in enumerate(sheet.columns, start=1):
        longest = max((min(len(line), 60) for c in column if c.value is not None
                       for line in str(c.value).splitlines() or [""]), default=6)
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 7), 48)
    sheet.freeze_panes = freeze
