"""Read a score sheet's cells (CSV, XLSX) as text, within the safety limits, before any
meaning is given to them: :func:`ocop_rate.loading.raw_sheets.read_raw` gives one
:class:`RawSheet` per sheet.

XLSX cells are read straight from the sheet XML (not openpyxl's ``iter_rows``), so blank
cells cost nothing and a cell beyond the limits is refused at its cell; CSV is parsed by
pandas in chunks. Either way the cells are held as a :class:`Grid` (numpy codes per column),
so a workbook is read without pandas. Headers are matched ignoring case, diacritics, spaces,
``_`` and ``-``, and may be Vietnamese (:data:`ALIASES`). pandas and openpyxl are imported
inside the functions, so the CLI starts without them.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocop_rate.errors import InputFileError, Location, Problem
from ocop_rate.loading.caps import MAX_SHEET_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS
from ocop_rate.loading.file_text import read_bytes, text_encoding
from ocop_rate.models.names import folded

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

MAX_SHEET_BYTES = 256 * 1024 * 1024   # a 100,000-product council sheet is ~40 MB of CSV
MAX_XLSX_UNPACKED = 1024 * 1024 * 1024  # zip bombs: refuse before unpacking
MAX_CELL_CHARS = 1000
CSV_CHUNK_ROWS = 50_000
ALIASES: dict[str, str] = {
    "product id": "product_id", "ma san pham": "product_id", "ma sp": "product_id",
    "id san pham": "product_id",
    "product name": "product_name", "ten san pham": "product_name", "ten sp": "product_name",
    "rubric": "rubric", "phieu": "rubric", "phieu danh gia": "rubric",
    "bo san pham": "rubric", "bo tieu chi": "rubric",
    "member": "member", "thanh vien": "member", "thanh vien hoi dong": "member",
    "nguoi cham": "member", "giam khao": "member",
}
ROUND_COLUMNS: dict[str, str] = {
    "pass": "pass", "luot": "pass", "luot cham": "pass", "lan cham": "pass", "vong": "pass",
    "date": "date", "ngay": "date", "ngay cham": "date", "ngay danh gia": "date",
    "comment": "comment", "y kien": "comment", "nhan xet": "comment",
    "y kien cua nguoi danh gia": "comment", "y kien nguoi danh gia": "comment",
}
"""Columns only a council round's member sheet has (re-scoring pass, scoring date, the
member's comment): a loose score sheet holding them is a round's sheet rated on its own."""


def header_key(text: str) -> str:
    """``'Mã  SP'`` -> ``'ma sp'``: case, diacritics (đ too) and separators ignored."""
    return folded(text)


def criterion_key(key: str, known: Mapping[str, str]) -> str | None:
    """The criterion a header names (its :func:`header_key`; ``known``: casefolded ids):
    its id alone (``a1.1``, ``a 1.1``) or its id then its name, as a person labels a
    column (``a1.1 nguon nguyen lieu``), in a loose score sheet as in a round's."""
    if key.replace(" ", "") in known:
        return key.replace(" ", "")
    first = key.split(" ", 1)[0]
    return first if first in known else None


@dataclass(frozen=True)
class Grid:
    """A sheet's cells column by column: each column's distinct texts and one code per row
    into them (-1: no cell, where a short CSV row ends). Cells are held as small integers,
    never as one Python string each (a 100,000-product council sheet would take several
    hundred MB that way), and a workbook is read without importing pandas."""

    rows: int
    codes: list[NDArray[np.int32]]   # one per column 0..k-1, ``rows`` codes each
    values: list[list[str]]          # one per column: its distinct texts

    def __len__(self) -> int:
        return self.rows

    @property
    def empty(self) -> bool:
        """No cell at all (no row, or no column)."""
        return self.rows == 0 or not self.codes

    def texts(self, col: int) -> NDArray[np.object_]:
        """Column ``col`` as an object array of text, a missing cell blank."""
        import numpy as np

        return np.array([*self.values[col], ""], dtype=object)[self.codes[col]]

    def row(self, index: int) -> list[str]:
        """Row ``index`` as text, a missing cell blank."""
        return [v[c] if (c := int(codes[index])) >= 0 else ""
                for codes, v in zip(self.codes, self.values, strict=True)]

    def records(self) -> Iterator[list[str]]:
        """Every row as a list of text, a missing cell blank."""
        columns = [self.texts(col).tolist() for col in range(len(self.codes))]
        for record in zip(*columns, strict=True):
            yield list(record)

    def below(self, first: int) -> Grid:
        """The rows from ``first`` on (a column keeps its distinct texts)."""
        return Grid(max(self.rows - first, 0), [c[first:] for c in self.codes], self.values)


Chunk = tuple[int, dict[int, tuple[Any, Any]]]
"""Some rows of a sheet: their count, and per column (0-based) one code per row (-1: no
cell) into that column's distinct values of the chunk."""


def rows_chunk(rows: list[list[str]], width: int) -> Chunk:
    """Rows of text (a short one padded blank to ``width``) as a :data:`Chunk`."""
    import numpy as np

    columns: dict[int, tuple[Any, Any]] = {}
    padded = [r + [""] * (width - len(r)) for r in rows]
    for col, cells in enumerate(zip(*padded, strict=True)):
        seen: dict[str, int] = {}
        codes = np.fromiter((seen.setdefault(v, len(seen)) for v in cells), dtype=np.intp,
                            count=len(rows))
        columns[col] = (codes, list(seen))
    return len(rows), columns


@dataclass(frozen=True)
class RawSheet:
    """A sheet's cells as text ("" for blank), before any meaning is given to them."""

    file: str
    sheet: str | None      # worksheet name (XLSX)
    headers: list[str]
    frame: Grid            # the records below the header row, columns 0..k-1
    first_row: int = 2     # the sheet row of the first record (headers are row 1)
    record_lines: NDArray[np.int64] | None = None
    """The file line each record starts on (the header's first), where a CSV's blank lines
    or cells of several lines make it differ from ``first_row + row``."""

    def line_of(self, row: int) -> int:
        """The sheet line of data row ``row`` (0: the first row below the headers)."""
        if self.record_lines is None:
            return self.first_row + row
        return int(self.record_lines[row + 1])

    def lines_of(self, rows: NDArray[np.int64]) -> NDArray[np.int64]:
        """:meth:`line_of` for many rows at once."""
        if self.record_lines is None:
            return rows + self.first_row
        return self.record_lines[rows + 1]


def _read_csv(path: Path, max_rows: int | None = None) -> RawSheet:
    import io

    import pandas as pd

    name = str(path)
    raw = read_bytes(path, MAX_SHEET_BYTES)
    codec = text_encoding(raw, name)
    if not raw.strip():
        raise InputFileError(Problem.of("input.empty", Location(name, 1, 1)))
    if codec == "utf-16":  # one byte per ASCII separator from here on
        try:
            raw, codec = raw.decode("utf-16").encode("utf-8"), "utf-8"
        except UnicodeError:
            raise InputFileError(Problem("not valid UTF-16 text", Location(name))) from None
    if codec == "utf-8-sig":  # pandas reads plain UTF-8 natively (-sig goes through a codec)
        raw, codec = raw.removeprefix(codecs.BOM_UTF8), "utf-8"
    sep = sniff_separator(raw)
    raw = trim_trailing_blank_fields(raw, sep)
    _refuse_wide_records(raw, name, sep)
    if max_rows is not None:
        _refuse_long(raw, name, max_rows)
    # dtype=object: every cell is read as text all the same (no type is guessed, no NA),
    # without pandas 3's conversion to its string dtype
    try:
        frame = _parse_in_chunks(
            (len(chunk), {int(col): pd.factorize(chunk[col].to_numpy(dtype=object))
                          for col in chunk.columns})
            for chunk in pd.read_csv(
                io.BytesIO(raw), sep=sep.decode(), encoding=codec, header=None,
                dtype=object, keep_default_na=False, na_filter=False,
                skip_blank_lines=True, chunksize=CSV_CHUNK_ROWS))
    except pd.errors.ParserError as exc:
        raise InputFileError(_csv_problem(str(exc), name)) from None
    except (UnicodeError, ValueError):
        raise InputFileError(Problem.of("sheet.cannot_read_csv", Location(name))) from None
    lines = _record_lines(raw, sep, len(frame))
    del raw
    return RawSheet(name, None, frame.row(0), frame.below(1), record_lines=lines)


def _record_lines(raw: bytes, sep: bytes, records: int) -> NDArray[np.int64] | None:
    """The line each of a CSV's ``records`` starts on, where that is not simply its index
    plus one: the parser skips blank lines, and a quoted cell may hold line breaks (a line
    with an odd number of quotes). None for the usual file, which has neither."""
    import csv
    import io

    import numpy as np

    blank = raw.startswith((b"\n", b"\r\n")) or b"\n\n" in raw or b"\n\r\n" in raw
    if not blank and not (b'"' in raw and any(line.count(b'"') % 2
                                              for line in raw.split(b"\n"))):
        return None
    reader = csv.reader(io.StringIO(raw.decode("utf-8", "replace"), newline=""),
                        delimiter=sep.decode())
    starts: list[int] = []
    read = 0
    try:
        for record in reader:
            if record:  # a blank line: skipped by the parser, counted here
                starts.append(read + 1)
            read = reader.line_num
    except csv.Error:
        return None
    return np.array(starts, dtype=np.int64) if len(starts) == records else None


SEPARATORS = (b",", b";", b"\t")
SNIFF_BYTES = 64 * 1024


def sniff_separator(raw: bytes) -> bytes:
    """The field separator of a UTF-8 CSV: the one of ``,`` ``;`` and tab that the header
    line (its first non-blank line, within SNIFF_BYTES) holds most often outside quotes.

    Why: Excel writes "CSV" with the list separator of the computer's region, which is
    ``;`` in Vietnamese (and most comma-decimal) settings, and its "Unicode Text" with tabs;
    a header line is plain names, so its most frequent separator is the file's. A line
    with none of them (a one-column sheet) is read with commas."""
    head = raw[:SNIFF_BYTES].lstrip(b"\r\n")
    line = head.split(b"\n", 1)[0]
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for byte in line:
        char = bytes((byte,))
        if char == b'"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(SEPARATORS, key=lambda s: counts[s])  # ties keep the earlier: ',' first
    return best if counts[best] else b","


_TRAILING = {sep: re.compile(re.escape(sep) + rb"+(?=\r?\n|\r?\Z)") for sep in SEPARATORS}


def trim_trailing_blank_fields(raw: bytes, sep: bytes = b",") -> bytes:
    """Drop the empty fields that end each record (``a,b,,,,,\n`` -> ``a,b\n``): a sheet
    saved with 200,000 blank trailing columns costs no more than one without. Separators
    inside a quoted field (after an odd number of quotes) are kept."""
    if not (sep + b"\n" in raw or sep + b"\r" in raw or raw.endswith(sep)):
        return raw  # the usual sheet: a plain byte search, not the regex at every comma
    trailing = _TRAILING[sep]
    if b'"' not in raw:
        return trailing.sub(b"", raw)
    out: list[bytes] = []
    last = pos = quotes = 0
    for found in trailing.finditer(raw):
        quotes += raw.count(b'"', pos, found.start())
        pos = found.start()
        if quotes % 2 == 0:
            out.append(raw[last:found.start()])
            last = found.end()
    out.append(raw[last:])
    return b"".join(out)


def _refuse_wide_records(raw: bytes, name: str, sep: bytes = b",") -> None:
    """A record of more than MAX_SHEET_COLUMNS fields is refused before pandas builds one
    column per field. Counting separators per line is an upper bound (quoted ones count
    too); only when it is over, the csv module counts exactly."""
    if _longest_line(raw) < MAX_SHEET_COLUMNS:  # a line has fewer separators than bytes
        return
    if max((line.count(sep) for line in raw.split(b"\n")), default=0) < MAX_SHEET_COLUMNS:
        return
    import csv
    import io

    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig", "replace"), newline=""),
                        delimiter=sep.decode())
    for record in reader:
        if len(record) > MAX_SHEET_COLUMNS:
            raise InputFileError(Problem.of(
                "safety.csv_too_wide", Location(name, reader.line_num),
                line=reader.line_num, fields=len(record), limit=MAX_SHEET_COLUMNS))


def _refuse_long(raw: bytes, name: str, max_rows: int) -> None:
    """More than ``max_rows`` records after the header is refused before pandas parses
    them. Line breaks are an upper bound (a quoted cell may hold one, blank lines are
    skipped); only when it is over, the csv module counts records exactly, building none."""
    if raw.count(b"\n") <= max_rows + 1:
        return
    import csv
    import io

    reader = csv.reader(io.TextIOWrapper(io.BytesIO(raw), "utf-8", "replace", newline=""))
    records = 0
    for record in reader:
        records += any(record)
        if records > max_rows + 1:
            raise InputFileError(Problem.of(
                "safety.csv_too_long", Location(name, reader.line_num),
                line=reader.line_num, limit=f"{max_rows:,}"))


def _longest_line(raw: bytes) -> int:
    """The length of the longest line of ``raw`` (without its ``\n``), found with numpy."""
    import numpy as np

    breaks = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) == ord("\n"))
    return int(np.diff(np.r_[-1, breaks, len(raw)]).max()) - 1


def _parse_in_chunks(chunks: Iterable[Chunk]) -> Grid:
    """A sheet as a :class:`Grid`, parsed a chunk of rows at a time: each chunk's cells
    become small integer codes at once, so the whole sheet is never held as Python strings
    (a 100,000-product council sheet would take several hundred MB that way)."""
    import numpy as np

    codes: dict[int, list[Any]] = {}
    seen: dict[int, dict[str, int]] = {}
    done = 0
    for rows, columns in chunks:
        for col, (local, distinct) in columns.items():
            known = seen.setdefault(col, {})
            if col not in codes:  # a column that starts late (short rows before it)
                codes[col] = [np.full(done, -1, dtype=np.int32)]
            mapping = np.array([known.setdefault(str(v), len(known)) for v in distinct]
                               + [-1], dtype=np.int32)
            codes[col].append(mapping[local])
        done += rows
    width = max(codes, default=-1) + 1
    whole = [np.concatenate(codes.get(col, [])) if col in codes else
             np.full(done, -1, dtype=np.int32) for col in range(width)]
    whole = [c if len(c) == done else np.r_[c, np.full(done - len(c), -1, dtype=np.int32)]
             for c in whole]  # a column that ends early (short rows after it)
    return Grid(done, whole, [list(seen.get(col, {})) for col in range(width)])


def _read_xlsx(path: Path, max_rows: int | None = None) -> list[RawSheet]:
    import zipfile  # here: a CSV's reader (loading.csv_records) starts without it
    import zlib

    name = str(path)
    read_bytes(path, MAX_SHEET_BYTES)  # size cap, folder, missing file
    from ocop_rate.loading.xlsx_parts import check_parts

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > MAX_XLSX_UNPACKED:
                raise InputFileError(Problem.of("sheet.unpacks_to", Location(name),
                                                size=unpacked, limit=MAX_XLSX_UNPACKED))
            check_parts(archive, name)  # sheets, shared strings, one value's size
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error):
        raise InputFileError(Problem.of("sheet.not_xlsx", Location(name))) from None
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged workbook
        raise InputFileError(Problem.of("sheet.damaged", Location(name))) from None
    found: list[RawSheet] = []
    try:
        with damaged_workbook(name):
            for index, sheet in enumerate(book.worksheets):
                title = str(sheet.title)
                frame = _parse_in_chunks(_xlsx_chunks(book, sheet, name, title, max_rows))
                scores = workbook_sheet(name, index, title, frame)
                if scores and getattr(sheet, "sheet_state", "visible") != "visible":
                    # Excel shows no hidden (or very hidden) sheet: its scores count unseen
                    raise InputFileError(Problem.of(
                        "safety.xlsx_hidden_sheet", Location(name, 1, 1), sheet=title,
                        state=str(sheet.sheet_state)))
                found += scores
    finally:
        book.close()
    return found


@contextlib.contextmanager
def damaged_workbook(name: str) -> Iterator[None]:
    """A workbook library's error while reading ``name`` as our "cannot read the workbook"
    (the libraries raise many kinds on a damaged file, in their own words); our own located
    errors pass through."""
    try:
        yield
    except InputFileError:
        raise
    except Exception:
        raise InputFileError(Problem.of("sheet.damaged", Location(name))) from None


def workbook_sheet(name: str, index: int, title: str, frame: Grid) -> list[RawSheet]:
    """Worksheet ``index`` of a workbook as a score sheet (a one-item list), or none: the
    first sheet must hold cells; a later one counts only when its header row names a
    product id column (a guide or notes sheet does not)."""
    if index == 0 and frame.empty:
        raise InputFileError(Problem.of("sheet.first_empty", Location(name, 1, 1)))
    if frame.empty:
        return []
    headers = frame.row(0)
    if index > 0 and not any(ALIASES.get(header_key(h)) == "product_id" for h in headers):
        return []
    return [RawSheet(name, title, headers, frame.below(1))]


def _csv_problem(said: str, name: str) -> Problem:
    """pandas' complaint about a ragged CSV as our message (its wording is not ours)."""
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", said)
    if found:
        expected, line, saw = (int(g) for g in found.groups())
        return Problem.of("sheet.ragged", Location(name, line), expected=str(expected),
                          line=str(line), saw=str(saw))
    line_no = re.search(r"line (\d+)", said)
    return Problem.of("sheet.not_table",
                      Location(name, int(line_no.group(1)) if line_no else None))


def _xlsx_chunks(book: Any, sheet: Any, name: str, title: str,
                 max_rows: int | None = None) -> Iterator[Chunk]:
    """The sheet's rows as chunks of CSV_CHUNK_ROWS rows, read straight from the XML.

    Why not ``iter_rows``: it pads every row to the ``<dimension>`` the file declares (or
    to its widest row), so one blank cell at XFD1048576 costs a million rows of 16,384
    cells. Here blank cells cost nothing, rows stop at the last non-empty cell, and a
    non-empty cell beyond MAX_SHEET_COLUMNS or MAX_SHEET_ROWS, or a used range over
    MAX_SHEET_CELLS, is refused with its cell. Missing rows are blank rows, so row numbers
    in errors stay the sheet's."""
    pending: list[list[str]] = []
    width = 0
    next_row = 1  # the sheet row the next pending row stands for

    def refuse(message_id: str, row: int, col: int, **params: object) -> InputFileError:
        cell = f"{column_letter(col - 1)}{row}"
        return InputFileError(Problem.of(message_id, Location(name, row, col),
                                         sheet=title, cell=cell, **params))

    def flush() -> Chunk:
        chunk = rows_chunk(pending, width)
        pending.clear()
        return chunk

    with book._archive.open(sheet._worksheet_path) as source:
        parser = _sheet_parser()(source, book.shared_strings, data_only=True,
                                 epoch=book.epoch, date_formats=book._date_formats,
                                 timedelta_formats=book._timedelta_formats)
        for row, cells in parser.parse():
            values = {c["column"]: text for c in cells
                      if (text := _cell_text(c["value"])) != ""}
            if not values:
                continue
            _refuse_hidden(parser, row, values, refuse)
            if max_rows is not None and row > max_rows + 1:  # the header is row 1
                raise refuse("safety.table_too_long", row, min(values), line=row,
                             limit=f"{max_rows:,}")
            last = max(values)
            if last > MAX_SHEET_COLUMNS:
                raise refuse("safety.sheet_too_wide", row, last, column=column_letter(
                    last - 1), limit=MAX_SHEET_COLUMNS)
            if row > MAX_SHEET_ROWS:
                raise refuse("safety.sheet_too_long", row, last, line=row,
                             limit=MAX_SHEET_ROWS)
            width = max(width, last)
            if row * width > MAX_SHEET_CELLS:
                raise refuse("safety.sheet_too_many_cells", row, width,
                             range=f"A1:{column_letter(width - 1)}{row}",
                             cells=row * width, limit=MAX_SHEET_CELLS)
            while next_row < row:  # blank rows in between keep their numbers
                pending.append([])
                next_row += 1
                if len(pending) >= CSV_CHUNK_ROWS:
                    yield flush()
            line = [""] * last
            for col, text in values.items():
                line[col - 1] = text
            pending.append(line)
            next_row = row + 1
            if len(pending) >= CSV_CHUNK_ROWS:
                yield flush()
    if pending:
        yield flush()


@functools.cache  # one class for every worksheet read
def _sheet_parser() -> Any:
    """openpyxl's worksheet parser, but a cell holding one plain inline string (``<is><t>``,
    as openpyxl itself writes text) is read straight from its element: openpyxl builds a
    rich-text object for each such cell, most of the reading's time. Its value is that
    object's ``content`` all the same, and its place and style are found as openpyxl finds
    them (its own ``coordinate_to_tuple``); rich text (runs, phonetic guides) and a formula
    read as such (not ``data_only``) still go through openpyxl."""
    from openpyxl.utils.cell import coordinate_to_tuple
    from openpyxl.worksheet._reader import INLINE_STRING, WorkSheetParser
    from openpyxl.xml.constants import SHEET_MAIN_NS

    plain_text = f"{{{SHEET_MAIN_NS}}}t"

    class Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> Any:
            if element.get("t") == "inlineStr" and self.data_only:
                inline = element.find(INLINE_STRING)
                if inline is not None and len(inline) == 1 and inline[0].tag == plain_text:
                    style_id = element.get("s", 0)
                    coordinate = element.get("r")
                    if coordinate:
                        row, column = coordinate_to_tuple(coordinate)
                        self.col_counter = column
                    else:
                        self.col_counter += 1
                        row, column = self.row_counter, self.col_counter
                    return {"row": row, "column": column, "value": inline[0].text or "",
                            "data_type": "s", "style_id": int(style_id) if style_id else style_id}
            return super().parse_cell(element)

    return Parser


def _refuse_hidden(parser: Any, row: int, values: dict[int, str], refuse: Any) -> None:
    """A value in a row or column Excel hides (hidden, filtered out, or of height or width
    0) would be scored though nobody sees it: refused at its cell. Column widths come
    before the rows in the sheet XML, so the parser knows every hidden column by the first
    row."""
    hidden = ("1", "true")
    dims = parser.row_dimensions.get(str(row), {})
    if dims.get("hidden") in hidden or _zero(dims.get("ht")):
        raise refuse("safety.xlsx_hidden_row", row, min(values), line=row)
    for dims in parser.column_dimensions.values():
        if dims.get("hidden") in hidden or _zero(dims.get("width")):
            low, high = int(dims.get("min", 0)), int(dims.get("max", dims.get("min", 0)))
            inside = [col for col in values if low <= col <= high]
            if inside:
                raise refuse("safety.xlsx_hidden_column", row, inside[0],
                             column=column_letter(inside[0] - 1))


def _zero(size: object) -> bool:
    """A row height or column width of 0: hidden in Excel as surely as ``hidden="1"``."""
    try:
        return size is not None and float(str(size)) == 0
    except ValueError:
        return False


def _cell_text(value: object) -> str:
    """An XLSX cell as the text a person sees: 3.0 -> '3', dates in ISO form. Text, most
    cells of a sheet, is asked for first."""
    if type(value) is str:
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def said_at(file: str, sheet: str | None, line: int) -> str:
    """``file:line`` of a sheet row (a workbook's sheet named too): how a row is named
    where a rule of the merge by product id (``ocop_rate.merge``) says two places."""
    return f"{file}:{line}" if sheet is None else f"{file} ({sheet}):{line}"


def column_letter(index: int) -> str:
    """0 -> A, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out
