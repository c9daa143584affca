"""A round's tables (product list, members' sheets) as located rows of text.

Read as the register's import reads a table (:func:`table_records`: a workbook's first
worksheet by the score-sheet reader, with its size caps and zip-bomb guard; a CSV record by
record, with the same caps, encodings and messages, without pandas); headers are matched as
score sheets match them (:func:`header_key`: case, diacritics and separators ignored). Every
cell keeps its place, so a problem found later (an unknown option, a fact of the wrong type)
points at the cell.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from unicodedata import normalize

from ocop_rate.errors import Location
from ocop_rate.loading.csv_records import table_records
from ocop_rate.loading.sheet_files import (
    MAX_CELL_CHARS,
    column_letter,
    criterion_key,
    header_key,
)

__all__ = ["MAX_CELL_CHARS", "Row", "Table", "header_key", "read_table"]


@dataclass(frozen=True)
class Row:
    """One data row: canonical key -> cell text (blank cells left out)."""

    file: str
    line: int
    cells: dict[str, str]
    columns: dict[str, int]   # canonical key -> 0-based column, for locations
    headers: dict[str, str]   # canonical key -> header as written
    sheet: str | None = None

    def at(self, key: str | None = None) -> Location:
        """Where the row (or its cell ``key``) is: file, line, column and header; in a
        workbook the field also names the cell (``sheet!H4``)."""
        col = self.columns.get(key) if key is not None else None
        if key is None or col is None:
            return Location(self.file, self.line, None, key)
        field = self.headers.get(key, key)
        if self.sheet is not None:
            field += f" [{self.sheet}!{column_letter(col)}{self.line}]"
        return Location(self.file, self.line, col + 1, field)


@dataclass(frozen=True)
class Table:
    file: str
    rows: list[Row]
    unknown: list[tuple[str, Location]]  # headers that mean nothing here
    missing_header: list[Location]       # columns with data but no header


def read_table(path: Path, aliases: Mapping[str, str], extra: set[str] | None = None,
               keep_unknown: bool = False, max_rows: int | None = None) -> Table:
    """Rows of a CSV or XLSX table. A header is canonical when ``aliases`` knows its
    :func:`header_key`, or when it names one of ``extra`` (criterion ids, kept as written
    in ``extra``) as a score sheet's header does (:func:`criterion_key`: the id, or the id
    then the criterion's name). Other headers are ``unknown``, or kept under their own
    text with ``keep_unknown`` (facts of a product list)."""
    table = table_records(path, max_rows)
    file, sheet = table.file, table.sheet
    records = list(table.records)
    folded = {e.casefold(): e for e in (extra or set())}
    mapping: dict[int, str] = {}
    unknown: list[tuple[str, Location]] = []
    missing: list[Location] = []
    headers: dict[str, str] = {}
    columns: dict[str, int] = {}
    for col, header in enumerate(table.headers):
        text = header.strip()
        key = header_key(text)
        criterion = None if key in aliases else criterion_key(key, folded)
        canonical = aliases.get(key) or (None if criterion is None else folded[criterion])
        if canonical is None and keep_unknown and text:
            canonical = text
        if not text:
            if any(len(values) > col and values[col].strip() for _, values in records):
                missing.append(Location(file, 1, col + 1))
            continue
        if canonical is None or canonical in columns:
            unknown.append((text, Location(file, 1, col + 1, text)))
            continue
        mapping[col] = canonical
        headers[canonical] = text
        columns[canonical] = col
    rows: list[Row] = []
    for line, values in records:
        cells = {mapping[c]: text for c, v in enumerate(values)
                 if c in mapping and (text := _clean(v))}
        if cells:
            rows.append(Row(file, line, cells, columns, headers, sheet))
    return Table(file, rows, unknown, missing)


def _clean(text: str) -> str:
    return normalize("NFC", text.strip())
