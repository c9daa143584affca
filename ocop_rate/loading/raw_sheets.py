"""One door to a sheet file's cells, whatever wrote it: CSV (and Excel's text exports), XLSX
and the old ``.xls``. Kept apart from the readers so that each reader imports only the
shared pieces of :mod:`ocop_rate.loading.sheet_files`, never the dispatch (no circle)."""

from __future__ import annotations

from pathlib import Path

from ocop_rate.errors import InputFileError, Location, Problem
from ocop_rate.loading.dossiers import SHEET_SUFFIXES
from ocop_rate.loading.old_workbooks import read_old_workbook
from ocop_rate.loading.sheet_files import RawSheet
from ocop_rate.loading.sheet_files import _read_csv as read_csv
from ocop_rate.loading.sheet_files import _read_xlsx as read_xlsx


def read_raw(path: Path, max_rows: int | None = None) -> list[RawSheet]:
    """The cells of a CSV file, or of each score sheet of an XLSX workbook: its first sheet
    and every other whose header row names a product id column (a workbook may hold one
    sheet per product set; guide sheets are skipped). ``max_rows``: data rows a sheet may
    hold (a round's product list, a roster), refused past it (CSV and XLSX before the rows
    are built; an old ``.xls``/``.ods`` once read, within its own caps)."""
    suffix = path.suffix.lower()
    assert suffix in SHEET_SUFFIXES
    if suffix == ".xlsx":
        return read_xlsx(path, max_rows)
    if suffix in (".xls", ".ods"):
        sheets = read_old_workbook(path)
        for sheet in sheets:
            if max_rows is not None and len(sheet.frame) > max_rows:
                raise InputFileError(Problem.of(
                    "safety.csv_too_long", Location(str(path), max_rows + 2),
                    line=max_rows + 2, limit=f"{max_rows:,}"))
        return sheets
    return [read_csv(path, max_rows)]
