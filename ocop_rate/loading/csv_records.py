"""A CSV table read one record at a time with the standard library's ``csv`` module, for a
table whose rows are checked one by one as text (the register's import): no pandas, which
alone costs such a command more than its work. Score sheets keep the pandas reader
(:mod:`ocop_rate.loading.sheet_files`: chunks of categorical columns, for 100,000 products
of codes).

The file is checked as that reader checks it, with the same errors: the size cap
(:data:`MAX_SHEET_BYTES`), a folder, a missing or special file, the encoding (UTF-8, BOM
allowed, or UTF-16 with a BOM; anything else located at its first bad byte), the separator
sniffed from the header line (``,`` ``;`` or tab), empty trailing fields dropped, blank
lines skipped, a record wider than its header or than :data:`MAX_SHEET_COLUMNS` refused at
its line. Besides, more than ``max_rows`` records are refused at the first one past it, and
a field the ``csv`` module will not hold (over its field size limit) at its line. A
record's line is the file's line where it starts (a quoted cell may span lines).
"""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocop_rate.errors import InputFileError, Location, Problem
from ocop_rate.loading.caps import MAX_SHEET_COLUMNS
from ocop_rate.loading.file_text import read_bytes, text_encoding
from ocop_rate.loading.sheet_files import (
    MAX_CELL_CHARS,
    MAX_SHEET_BYTES,
    SNIFF_BYTES,
    sniff_separator,
)

Record = tuple[int, list[str]]
"""A record's first line in the file, and its cells (trailing empty ones dropped)."""


@dataclass(frozen=True)
class RecordTable:
    """A table's header row and, read lazily, its records (blank ones skipped), each with
    its line; ``sheet``: the worksheet, for a workbook."""

    file: str
    headers: list[str]
    header_line: int
    records: Iterator[Record]
    sheet: str | None = None


WORKBOOK_SUFFIXES = (".xlsx", ".xls", ".ods")


def table_records(path: Path, max_rows: int | None) -> RecordTable:
    """A table read row by row as text (a round's product list or roster, the register's
    import): a CSV, or another text export, by :func:`read_csv_records`; a workbook's first
    sheet (its others are guides or notes) by the score-sheet reader
    (:func:`~ocop_rate.loading.raw_sheets.read_raw`), its rows at their sheet rows."""
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return read_csv_records(path, sys.maxsize if max_rows is None else max_rows)
    from ocop_rate.loading.raw_sheets import read_raw

    raw = read_raw(path, max_rows)[0]
    return RecordTable(raw.file, raw.headers, raw.first_row - 1,
                       ((raw.line_of(i), values) for i, values in enumerate(raw.frame.records())),
                       raw.sheet)


def read_csv_records(path: Path, max_rows: int) -> RecordTable:
    """The header of the CSV at ``path`` and an iterator of its records; every check that
    needs the whole file (size, encoding) is made before the first record is read."""
    name = str(path)
    raw = read_bytes(path, MAX_SHEET_BYTES)
    codec = text_encoding(raw, name)
    if not raw.strip():
        raise InputFileError(Problem.of("input.empty", Location(name, 1, 1)))
    stream: io.TextIOBase
    if codec == "utf-16":
        try:
            text = raw.decode("utf-16")
        except UnicodeError:
            raise InputFileError(Problem.of("sheet.cannot_read_csv", Location(name))) from None
        head = text[:SNIFF_BYTES].encode("utf-8")
        stream = io.StringIO(text, newline="")
    else:
        head = raw[:SNIFF_BYTES].removeprefix(codecs.BOM_UTF8)
        stream = io.TextIOWrapper(io.BytesIO(raw), "utf-8-sig", newline="")
    reader = csv.reader(stream, delimiter=sniff_separator(head).decode())
    records = _records(reader, name, max_rows)
    first = next(records, None)
    if first is None:   # nothing but separators
        raise InputFileError(Problem.of("input.empty", Location(name, 1, 1)))
    return RecordTable(name, first[1], first[0], records)


def _records(reader: Any, name: str, max_rows: int) -> Iterator[Record]:
    """The header, then each non-blank record, with the line it starts on and its
    trailing empty fields dropped. A record wider than any sheet may be, wider than the
    header, past ``max_rows``, or holding a field too long to hold, stops the reading."""
    line, width, count = 1, MAX_SHEET_COLUMNS, -1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if record and record[-1] == "":
                while record and record[-1] == "":
                    record.pop()
                if not record:
                    continue
            elif not record:
                continue
            count += 1
            if len(record) > width:
                if count == 0:
                    raise InputFileError(Problem.of(
                        "safety.csv_too_wide", Location(name, start), line=start,
                        fields=len(record), limit=MAX_SHEET_COLUMNS))
                raise InputFileError(Problem.of("sheet.ragged", Location(name, start),
                                                expected=str(width), line=str(start),
                                                saw=str(len(record))))
            if count > max_rows:
                raise InputFileError(Problem.of("safety.csv_too_long", Location(name, start),
                                                line=start, limit=f"{max_rows:,}"))
            if count == 0:
                width = len(record)
            yield start, record
    except csv.Error as exc:
        where = Location(name, reader.line_num)
        if "field larger than field limit" in str(exc):
            raise InputFileError(Problem.of("sheet.cell_too_long", where, line=where.line,
                                            limit=MAX_CELL_CHARS)) from None
        raise InputFileError(Problem.of("sheet.not_table", where)) from None
