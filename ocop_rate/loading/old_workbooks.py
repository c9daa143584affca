"""Workbooks other than XLSX: Excel 97-2003 ``.xls`` is read; OpenDocument ``.ods`` is refused
with how to save it as ``.xlsx``.

Why read ``.xls``: offices keep Excel 97-2003 templates and files for years, and "Save as
.xlsx" is one more step a secretary may not know. It is read with xlrd, as bounded as the
XLSX reader: the file is capped at MAX_XLS_BYTES before xlrd sees it (a BIFF record holds
at least one cell in a few bytes, so the size bounds the cells xlrd builds); rows are read
ragged (``ragged_rows``), so one cell at IV65536 does not pad every row to 256 cells; the
format itself stops at 65,536 rows and 256 columns; and the used range is checked against
the same caps (:mod:`ocop_rate.loading.caps`) before any table is built.

Why refuse ``.ods``: the only reader pandas offers (odfpy) builds the whole document tree in
memory and expands repeated cells (``number-columns-repeated="16384"``), so a tiny file can
cost gigabytes; bounding it would mean a streaming reader of our own, for a format few
offices use (LibreOffice saves ``.xlsx`` in one step, which the message says how).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ocop_rate.errors import InputFileError, Location, Problem
from ocop_rate.loading.caps import MAX_SHEET_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS
from ocop_rate.loading.file_text import read_bytes
from ocop_rate.loading.sheet_files import (
    CSV_CHUNK_ROWS,
    Chunk,
    RawSheet,
    _cell_text,
    _parse_in_chunks,
    column_letter,
    damaged_workbook,
    rows_chunk,
    workbook_sheet,
)

MAX_XLS_BYTES = 32 * 1024 * 1024  # a council's .xls of 1,000 products is about 1 MB
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file every .xls is
ZIP_MAGIC = b"PK\x03\x04"


def read_old_workbook(path: Path) -> list[RawSheet]:
    """The score sheets of an ``.xls`` workbook (as ``raw_sheets.read_raw`` gives an
    XLSX's); an
    ``.ods`` file, or a file that is no such workbook, is refused with what to do."""
    name = str(path)
    if path.suffix.lower() == ".ods":
        if not path.is_file():
            read_bytes(path, MAX_XLS_BYTES)  # says why: missing, a folder, unreadable
        raise InputFileError(Problem.of("sheet.ods_save_as_xlsx", Location(name)))
    raw = read_bytes(path, MAX_XLS_BYTES)
    if raw.startswith(ZIP_MAGIC):  # an .xlsx renamed .xls: say so rather than "damaged"
        raise InputFileError(Problem.of("sheet.xls_is_zip", Location(name)))
    if not raw.startswith(OLE_MAGIC):
        raise InputFileError(Problem.of("sheet.not_xls", Location(name)))
    import xlrd

    with damaged_workbook(name):
        # formatting_info: the rows and columns Excel hides (class 3 of the safety rules)
        book = xlrd.open_workbook(file_contents=raw, on_demand=True, ragged_rows=True,
                                  formatting_info=True, logfile=_Silent())
    del raw
    found: list[RawSheet] = []
    try:
        with damaged_workbook(name):
            for index in range(book.nsheets):
                sheet = book.sheet_by_index(index)
                title = str(sheet.name)
                _check_size(sheet, name, title)
                frame = _parse_in_chunks(_xls_chunks(book, sheet, name, title))
                scores = workbook_sheet(name, index, title, frame)
                if scores and sheet.visibility:
                    # as in an XLSX: a hidden sheet's scores would count unseen
                    raise InputFileError(Problem.of(
                        "safety.xlsx_hidden_sheet", Location(name, 1, 1), sheet=title,
                        state=_VISIBILITY.get(int(sheet.visibility), "hidden")))
                found += scores
                book.unload_sheet(index)
    finally:
        book.release_resources()
    return found


def _check_size(sheet: Any, name: str, title: str) -> None:
    """The sheet's used range within the XLSX reader's caps, refused at its last cell."""
    rows = int(sheet.nrows)
    width = max((sheet.row_len(r) for r in range(rows)), default=0)
    where = Location(name, rows, width)
    if width > MAX_SHEET_COLUMNS:
        raise InputFileError(Problem.of("safety.sheet_too_wide", where, sheet=title,
                                        cell=f"{column_letter(width - 1)}1",
                                        column=column_letter(width - 1),
                                        limit=MAX_SHEET_COLUMNS))
    if rows > MAX_SHEET_ROWS:
        raise InputFileError(Problem.of("safety.sheet_too_long", where, sheet=title,
                                        cell=f"A{rows}", line=rows, limit=MAX_SHEET_ROWS))
    if rows * width > MAX_SHEET_CELLS:
        corner = f"A1:{column_letter(width - 1)}{rows}"
        raise InputFileError(Problem.of("safety.sheet_too_many_cells", where, sheet=title,
                                        cell=corner, range=corner, cells=rows * width,
                                        limit=MAX_SHEET_CELLS))


_VISIBILITY = {1: "hidden", 2: "veryHidden"}  # xlrd's sheet visibility, as XLSX names it


def _hidden_cell(sheet: Any, row: int, line: list[str]) -> tuple[str, int] | None:
    """The first value of ``row`` that Excel does not show (its row hidden or of height 0,
    or its column hidden or of width 0), as (message id, column index); None when every
    value shows."""
    filled = [c for c, text in enumerate(line) if text]
    if not filled:
        return None
    info = sheet.rowinfo_map.get(row)
    if info is not None and (info.hidden or info.height == 0):
        return "safety.xlsx_hidden_row", filled[0]
    for col in filled:
        info = sheet.colinfo_map.get(col)
        if info is not None and (info.hidden or info.width == 0):
            return "safety.xlsx_hidden_column", col
    return None


def _xls_chunks(book: Any, sheet: Any, name: str, title: str) -> Iterator[Chunk]:
    """The sheet's rows as chunks of CSV_CHUNK_ROWS rows of text, as the XLSX reader
    gives them: numbers as a person sees them (3.0 -> '3'), dates in ISO form, error cells
    blank; trailing blank cells dropped. A value in a row or column Excel hides is refused
    at its cell, as the XLSX reader does."""
    import xlrd

    pending: list[list[str]] = []
    width = 0

    def flush() -> Chunk:
        chunk = rows_chunk(pending, width)
        pending.clear()
        return chunk

    for r in range(sheet.nrows):
        line = []
        for kind, value in zip(sheet.row_types(r), sheet.row_values(r), strict=True):
            if kind == xlrd.XL_CELL_DATE:
                # a number formatted as a date it cannot be is kept as the number
                with contextlib.suppress(ValueError, OverflowError, xlrd.xldate.XLDateError):
                    value = xlrd.xldate_as_datetime(value, book.datemode)
            elif kind == xlrd.XL_CELL_BOOLEAN:
                value = bool(value)
            elif kind in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                value = None
            line.append(_cell_text(value))
        while line and line[-1] == "":
            line.pop()
        hidden = _hidden_cell(sheet, r, line)
        if hidden is not None:
            message_id, col = hidden
            raise InputFileError(Problem.of(
                message_id, Location(name, r + 1, col + 1), sheet=title,
                cell=f"{column_letter(col)}{r + 1}", line=r + 1, column=column_letter(col)))
        width = max(width, len(line))
        pending.append(line)
        if len(pending) >= CSV_CHUNK_ROWS:
            yield flush()
    if pending:
        yield flush()


class _Silent:
    """xlrd's log (its own English warnings on odd records): never shown."""

    def write(self, _text: str) -> int:
        return 0
