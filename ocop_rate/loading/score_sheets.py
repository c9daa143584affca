"""Read council score sheets (CSV, XLSX): one row per product and member, one column per
criterion holding the option code (CONTRACT.md), validated column-wise into arrays.

Validation is vectorised: each column's distinct values are looked up once and the cells
are mapped with numpy; only the bad cells are visited one by one, to be reported with file,
row, column and header (XLSX: also the sheet and the cell). A bad product becomes a
:class:`BadProduct`; the others are rated. Headers are matched ignoring case, diacritics,
spaces, ``_`` and ``-``, and may be Vietnamese (:data:`ALIASES`). A score sheet carries no
facts, so every criterion of the product's rubric needs a code.

pandas and openpyxl are imported inside the functions, so the CLI starts without them.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ocop_rate.engine.columns import CouncilColumns
from ocop_rate.engine.fit import unknown_option
from ocop_rate.errors import InputFileError, Location, Problem
from ocop_rate.loading.caps import (
    MAX_PROBLEMS_PER_COLUMN,
    MAX_PROBLEMS_PER_FILE,
    MAX_SHEET_CELLS,
    MAX_SHEET_COLUMNS,
    MAX_SHEET_OPTIONS,
    MAX_SHEET_ROWS,
    ProblemCaps,
)
from ocop_rate.loading.dossiers import SHEET_SUFFIXES
from ocop_rate.loading.rubrics import RubricLibrary, unknown_rubric
from ocop_rate.loading.source import read_bytes, text_encoding
from ocop_rate.loading.text_safety import clean_breaks, hostile_char, printable
from ocop_rate.models.names import id_key, invisible_in_id, member_key
from ocop_rate.models.rubric import NONE, Rubric

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

MAX_SHEET_BYTES = 256 * 1024 * 1024   # a 100,000-product council sheet is ~40 MB of CSV
MAX_XLSX_UNPACKED = 1024 * 1024 * 1024  # zip bombs: refuse before unpacking
MAX_CELL_CHARS = 1000
CSV_CHUNK_ROWS = 50_000
IDENTITY = ("product_id", "product_name", "rubric", "member")
REQUIRED = ("product_id", "rubric", "member")
ALIASES: dict[str, str] = {
    "product id": "product_id", "ma san pham": "product_id", "ma sp": "product_id",
    "id san pham": "product_id",
    "product name": "product_name", "ten san pham": "product_name", "ten sp": "product_name",
    "rubric": "rubric", "phieu": "rubric", "phieu danh gia": "rubric",
    "bo san pham": "rubric", "bo tieu chi": "rubric",
    "member": "member", "thanh vien": "member", "thanh vien hoi dong": "member",
    "nguoi cham": "member", "giam khao": "member",
}


def header_key(text: str) -> str:
    """``'Mã  SP'`` -> ``'ma sp'``: case, diacritics (đ too) and separators ignored."""
    folded = unicodedata.normalize("NFD", text.strip().casefold()).replace("đ", "d")
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.sub(r"[\s_\-]+", " ", plain).strip()


@dataclass(frozen=True)
class RawSheet:
    """A sheet's cells as text ("" for blank), before any meaning is given to them."""

    file: str
    sheet: str | None      # worksheet name (XLSX)
    headers: list[str]
    frame: Any             # pandas.DataFrame of str, columns 0..k-1
    first_row: int = 2     # the sheet row of the first record (headers are row 1)


@dataclass(frozen=True)
class BadProduct:
    """A product (or a row without one) that cannot be rated, and why."""

    product_id: str | None
    rubric: str | None
    problems: list[Problem]


@dataclass(frozen=True)
class SheetContent:
    blocks: list[CouncilColumns] = field(default_factory=list)
    bad: list[BadProduct] = field(default_factory=list)


def read_raw(path: Path) -> list[RawSheet]:
    """The cells of a CSV file, or of each score sheet of an XLSX workbook: its first sheet
    and every other whose header row names a product id column (a workbook may hold one
    sheet per product set; guide sheets are skipped)."""
    assert path.suffix.lower() in SHEET_SUFFIXES
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path)
    return [_read_csv(path)]


def _read_csv(path: Path) -> RawSheet:
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
    raw = trim_trailing_blank_fields(raw)
    _refuse_wide_records(raw, name)
    try:
        frame = _parse_in_chunks(pd.read_csv(
            io.BytesIO(raw), encoding=codec, header=None, dtype=str, keep_default_na=False,
            na_filter=False, skip_blank_lines=True, chunksize=CSV_CHUNK_ROWS))
    except pd.errors.ParserError as exc:
        raise InputFileError(_csv_problem(str(exc), name)) from None
    except (UnicodeError, ValueError):
        raise InputFileError(Problem.of("sheet.cannot_read_csv", Location(name))) from None
    del raw
    headers = ["" if pd.isna(h) else str(h) for h in frame.iloc[0].tolist()]
    body = frame.iloc[1:].reset_index(drop=True)
    body.columns = range(len(headers))
    return RawSheet(name, None, headers, body)


_TRAILING_COMMAS = re.compile(rb",+(?=\r?\n|\r?\Z)")


def trim_trailing_blank_fields(raw: bytes) -> bytes:
    """Drop the empty fields that end each record (``a,b,,,,,\n`` -> ``a,b\n``): a sheet
    saved with 200,000 blank trailing columns costs no more than one without. Commas inside
    a quoted field (after an odd number of quotes) are kept."""
    if _TRAILING_COMMAS.search(raw) is None:
        return raw
    if b'"' not in raw:
        return _TRAILING_COMMAS.sub(b"", raw)
    out: list[bytes] = []
    last = pos = quotes = 0
    for found in _TRAILING_COMMAS.finditer(raw):
        quotes += raw.count(b'"', pos, found.start())
        pos = found.start()
        if quotes % 2 == 0:
            out.append(raw[last:found.start()])
            last = found.end()
    out.append(raw[last:])
    return b"".join(out)


def _refuse_wide_records(raw: bytes, name: str) -> None:
    """A record of more than MAX_SHEET_COLUMNS fields is refused before pandas builds one
    column per field. Counting commas per line is an upper bound (quoted commas count
    too); only when it is over, the csv module counts exactly."""
    if max((line.count(b",") for line in raw.split(b"\n")), default=0) < MAX_SHEET_COLUMNS:
        return
    import csv
    import io

    reader = csv.reader(io.StringIO(raw.decode("utf-8-sig", "replace"), newline=""))
    for record in reader:
        if len(record) > MAX_SHEET_COLUMNS:
            raise InputFileError(Problem.of(
                "safety.csv_too_wide", Location(name, reader.line_num),
                line=reader.line_num, fields=len(record), limit=MAX_SHEET_COLUMNS))


def _parse_in_chunks(chunks: Any) -> Any:
    """The CSV as categorical columns, parsed a chunk of rows at a time: each chunk's cells
    become small integer codes at once, so the whole sheet is never held as Python strings
    (a 100,000-product council sheet would take several hundred MB that way)."""
    import numpy as np
    import pandas as pd

    codes: dict[int, list[Any]] = {}
    seen: dict[int, dict[str, int]] = {}
    done = 0
    for chunk in chunks:
        for col in chunk.columns:
            local, distinct = pd.factorize(chunk[col].to_numpy(dtype=object))
            known = seen.setdefault(col, {})
            if col not in codes:  # a column that starts late (short rows before it)
                codes[col] = [np.full(done, -1, dtype=np.int32)]
            mapping = np.array([known.setdefault(str(v), len(known)) for v in distinct]
                               + [-1], dtype=np.int32)
            codes[col].append(mapping[local])
        done += len(chunk)
    if not codes:
        return pd.DataFrame()
    return pd.DataFrame({col: pd.Categorical.from_codes(np.concatenate(parts),
                                                        pd.Index(list(seen[col])))
                         for col, parts in codes.items()})


def _read_xlsx(path: Path) -> list[RawSheet]:
    import pandas as pd

    name = str(path)
    read_bytes(path, MAX_SHEET_BYTES)  # size cap, folder, missing file
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise InputFileError(Problem.of("sheet.not_xlsx", Location(name))) from None
    if unpacked > MAX_XLSX_UNPACKED:
        raise InputFileError(Problem.of("sheet.unpacks_to", Location(name), size=unpacked,
                                        limit=MAX_XLSX_UNPACKED))
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged workbook
        raise InputFileError(Problem.of("sheet.damaged", Location(name))) from None
    found: list[RawSheet] = []
    try:
        for index, sheet in enumerate(book.worksheets):
            title = str(sheet.title)
            frame = _parse_in_chunks(_xlsx_chunks(book, sheet, name, title))
            if index == 0 and frame.empty:
                raise InputFileError(Problem.of("sheet.first_empty", Location(name, 1, 1)))
            if frame.empty:
                continue
            headers = ["" if pd.isna(h) else str(h) for h in frame.iloc[0].tolist()]
            if index > 0 and not any(ALIASES.get(header_key(h)) == "product_id"
                                     for h in headers):
                continue  # a guide or notes sheet
            body = frame.iloc[1:].reset_index(drop=True)
            body.columns = range(len(headers))
            found.append(RawSheet(name, title, headers, body))
    except InputFileError:
        raise
    except Exception:
        raise InputFileError(Problem.of("sheet.damaged", Location(name))) from None
    finally:
        book.close()
    return found


def _criterion_key(key: str, known: Mapping[str, str]) -> str | None:
    """The criterion a header names (folded key): its id alone (``a1.1``, ``a 1.1``) or
    its id then its name, as a person labels a column (``a1.1 nguon nguyen lieu``)."""
    if key.replace(" ", "") in known:
        return key.replace(" ", "")
    first = key.split(" ", 1)[0]
    return first if first in known else None


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


def _xlsx_chunks(book: Any, sheet: Any, name: str, title: str) -> Any:
    """The sheet's rows as DataFrames of CSV_CHUNK_ROWS rows, read straight from the XML.

    Why not ``iter_rows``: it pads every row to the ``<dimension>`` the file declares (or
    to its widest row), so one blank cell at XFD1048576 costs a million rows of 16,384
    cells. Here blank cells cost nothing, rows stop at the last non-empty cell, and a
    non-empty cell beyond MAX_SHEET_COLUMNS or MAX_SHEET_ROWS, or a used range over
    MAX_SHEET_CELLS, is refused with its cell. Missing rows are blank rows, so row numbers
    in errors stay the sheet's."""
    import pandas as pd
    from openpyxl.worksheet._reader import WorkSheetParser

    pending: list[list[str]] = []
    width = 0
    next_row = 1  # the sheet row the next pending row stands for

    def refuse(message_id: str, row: int, col: int, **params: object) -> InputFileError:
        cell = f"{column_letter(col - 1)}{row}"
        return InputFileError(Problem.of(message_id, Location(name, row, col),
                                         sheet=title, cell=cell, **params))

    def flush() -> Any:
        frame = pd.DataFrame([r + [""] * (width - len(r)) for r in pending],
                             columns=range(width), dtype=object)
        pending.clear()
        return frame

    with book._archive.open(sheet._worksheet_path) as source:
        parser = WorkSheetParser(source, book.shared_strings, data_only=True,
                                 epoch=book.epoch, date_formats=book._date_formats,
                                 timedelta_formats=book._timedelta_formats)
        for row, cells in parser.parse():
            values = {c["column"]: text for c in cells
                      if (text := _cell_text(c["value"])) != ""}
            if not values:
                continue
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


def _cell_text(value: object) -> str:
    """An XLSX cell as the text a person sees: 3.0 -> '3', dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def column_letter(index: int) -> str:
    """0 -> A, 26 -> AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _text(column: Any) -> Any:
    """A column as an object array of text, missing cells blank."""
    return column.astype(object).fillna("").to_numpy(dtype=object)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", clean_breaks(text.strip()))


def _factor(column: Any) -> tuple[NDArray[np.int64], list[str]]:
    """Codes and distinct values of a text column (a pandas Series), values trimmed and
    NFC-normalised; a missing cell (a short CSV row) is blank."""
    import numpy as np
    import pandas as pd

    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        uniques = [*column.cat.categories.tolist(), ""]
        codes = np.where(codes < 0, len(uniques) - 1, codes)
    else:
        codes, uniques = pd.factorize(column.to_numpy(dtype=object))
    cleaned = [_clean(str(u)) for u in uniques]
    merged, distinct = pd.factorize(np.array(cleaned, dtype=object))
    if len(distinct) == len(cleaned):
        return codes.astype(np.int64), cleaned
    return merged.astype(np.int64)[codes], [str(d) for d in distinct]


class _Sheet:
    """One sheet being validated: columns resolved, problems gathered per product."""

    def __init__(self, raw: RawSheet, library: RubricLibrary) -> None:
        self.raw = raw
        self.library = library
        self.columns: dict[str, int] = {}
        self.criteria: dict[str, int] = {}  # criterion id (casefolded) -> column
        self._map_headers()

    def where(self, row: int | None, col: int | None, message_id: str,
              **params: object) -> Problem:
        """Message ``message_id`` at data row ``row`` (0-based; None: the header row) and
        column (in a workbook, the sheet and cell are said too)."""
        line = 1 if row is None else self.raw.first_row + row
        header = self.raw.headers[col] if col is not None else None
        if self.raw.sheet is not None and col is not None:
            params = {**params, "_sheet": self.raw.sheet, "_cell": f"{column_letter(col)}{line}"}
        return Problem.of(message_id, Location(self.raw.file, line,
                                               None if col is None else col + 1, header),
                          **params)

    def where_of(self, row: int, col: int | None, message_id: str,
                 params: dict[str, object]) -> Problem:
        """:meth:`where` with the parameters as one mapping."""
        return self.where(row, col, message_id, **params)

    def _map_headers(self) -> None:
        known = {c.id.casefold(): c.id for r in self.library.rubrics.values()
                 for c in r.criteria}
        problems: list[Problem] = []
        for col, header in enumerate(self.raw.headers):
            key = header_key(header)
            canonical = ALIASES.get(key)
            if not key:
                if (_text(self.raw.frame[col]) != "").any():
                    problems.append(self.where(None, col, "sheet.no_header"))
                continue
            criterion = _criterion_key(key, known)
            if canonical is None and criterion is not None:
                key = criterion
                target = self.criteria
                canonical = key
            elif canonical is not None:
                target = self.columns
            else:
                problems.append(self.where(None, col, "sheet.unknown_column", header=header,
                                           identity=", ".join(IDENTITY)))
                continue
            if canonical in target:
                first = self.raw.headers[target[canonical]]
                problems.append(self.where(None, col, "sheet.repeated_column", header=header,
                                           first=first))
                continue
            target[canonical] = col
        for need in REQUIRED:
            if need not in self.columns:
                problems.append(Problem.of("sheet.missing_column",
                                           Location(self.raw.file, 1, None, need), column=need))
        if problems:
            raise InputFileError(problems)

    def identity(self, name: str) -> tuple[NDArray[np.int64], list[str]]:
        import numpy as np

        col = self.columns.get(name)
        if col is None:
            return np.zeros(len(self.raw.frame), dtype=np.int64), [""]
        return _factor(self.raw.frame[col])


def read_score_sheet(path: Path, library: RubricLibrary,
                     used: Mapping[str, str] | None = None) -> SheetContent:
    """Read and validate one score sheet. Raises :class:`InputFileError` when the file as a
    whole cannot be used; bad products are returned in ``bad``, the rest in ``blocks``.

    ``used`` maps product ids already rated in this batch to their file: a repeat is an
    error, never a silent overwrite.
    """
    used = dict(used or {})
    content = SheetContent()
    for raw in read_raw(path):
        part = validate_sheet(raw, library, used)
        content.blocks.extend(part.blocks)
        content.bad.extend(part.bad)
        for block in part.blocks:  # one product on two sheets is a repeat, not a merge
            used.update(dict.fromkeys(block.product_id, f"{raw.file} ({raw.sheet})"))
    return content


def validate_sheet(raw: RawSheet, library: RubricLibrary,
                   used: Mapping[str, str]) -> SheetContent:
    import numpy as np
    import pandas as pd

    sheet = _Sheet(raw, library)
    n_rows = len(raw.frame)
    if n_rows == 0:
        raise InputFileError(Problem.of("sheet.no_rows", Location(raw.file, 2)))
    pid, pids = sheet.identity("product_id")
    rub, rubs = sheet.identity("rubric")
    mem, mems = sheet.identity("member")
    nam, names = sheet.identity("product_name")
    c_pid, c_rub, c_mem = (sheet.columns[k] for k in REQUIRED)

    blank_pid = np.array([p == "" for p in pids])[pid]
    if blank_pid.any():  # fully blank rows are skipped; others must name their product
        ids = [sheet.criteria[k] for k in sheet.criteria] + [c_rub, c_mem]
        filled = np.zeros(int(blank_pid.sum()), dtype=bool)
        for col in ids:
            filled |= _text(raw.frame[col])[blank_pid] != ""
        orphan = np.flatnonzero(blank_pid)[filled]
    else:
        orphan = np.zeros(0, dtype=np.int64)
    caps = ProblemCaps()
    bad: list[BadProduct] = [
        BadProduct(None, rubs[rub[r]] or None,
                   [sheet.where(int(r), c_pid, "sheet.blank_product_id")]) for r in orphan
        if caps.take(c_pid + 1, raw.headers[c_pid])]

    keep = ~blank_pid
    if not keep.any():
        if bad:
            return SheetContent([], [*bad, *([BadProduct(None, None, caps.notes(raw.file))]
                                              if caps.dropped else [])])
        raise InputFileError(Problem.of("sheet.no_rows", Location(raw.file, 2)))
    rows = np.flatnonzero(keep)
    order = rows[np.argsort(pid[rows], kind="stable")]  # grouped by product, sheet order
    prod = pid[order]
    firsts = np.flatnonzero(np.r_[True, prod[1:] != prod[:-1]])
    starts = np.r_[firsts, len(order)].astype(np.int64)
    product = prod[firsts]  # index into pids, per product
    n_prod = len(product)
    problems: dict[int, list[Problem]] = {}
    silenced = np.zeros(n_prod, dtype=bool)  # failed, their problems over the caps

    def add(p: int, problem: Problem) -> None:
        """List a product's problem, or (over the caps) only count it and fail the
        product: a sheet of 100,000 bad rows lists the first ones and a count."""
        where = problem.location.field or "?"
        if caps.take(problem.location.column or where, where):
            problems.setdefault(p, []).append(problem)
        else:
            silenced[p] = True

    row_product = np.empty(n_rows, dtype=np.int64)
    row_product[order] = np.repeat(np.arange(n_prod), np.diff(starts))

    # identity checks, per product: one rubric, one name, members named once
    def disagree(codes: NDArray[np.int64]) -> NDArray[np.bool_]:
        s = codes[order]
        lo = np.minimum.reduceat(s, starts[:-1])
        hi = np.maximum.reduceat(s, starts[:-1])
        return np.asarray(lo != hi)

    for p in np.flatnonzero(disagree(rub)).tolist():
        group = order[starts[p]:starts[p + 1]]
        seen = sorted({rubs[rub[i]] for i in group})
        add(int(p), sheet.where(int(group[0]), c_rub, "sheet.rubrics_differ",
                                product=pids[product[p]],
                                seen=", ".join(repr(s) for s in seen)))
    name_code = np.where(np.array([n == "" for n in names])[nam], -1, nam)
    if "product_name" in sheet.columns:
        s = name_code[order]
        hi = np.maximum.reduceat(s, starts[:-1])
        lo = np.minimum.reduceat(np.where(s < 0, np.iinfo(np.int64).max, s), starts[:-1])
        for p in np.flatnonzero((hi >= 0) & (lo != hi)).tolist():
            add(int(p), sheet.where(int(order[starts[p]]), sheet.columns["product_name"],
                                    "sheet.names_differ", product=pids[product[p]]))
    product_name = [names[c] if c >= 0 else "" for c in
                    np.maximum.reduceat(name_code[order], starts[:-1])] if n_prod else []
    blank_mem = np.array([m == "" for m in mems])[mem]
    for r in np.flatnonzero(blank_mem & keep).tolist():
        add(int(row_product[r]), sheet.where(r, c_mem, "sheet.blank_member"))
    # "Lan", "LAN" and "Lan\u00a0" are one member (models.names.member_key)
    mem_same, _ = pd.factorize(np.array([member_key(m) for m in mems], dtype=object))
    pair = pd.Series(row_product * (len(mems) + 1) + mem_same[mem])
    dup = pair.duplicated(keep="first").to_numpy() & keep & ~blank_mem
    _, first_of, pair_group = np.unique(pair.to_numpy(), return_index=True,
                                        return_inverse=True)
    for r in np.flatnonzero(dup).tolist():
        p = int(row_product[r])
        first = int(first_of[pair_group[r]])
        add(p, sheet.where(int(r), c_mem, "sheet.member_twice", member=mems[mem[r]],
                           product=pids[product[p]], first=str(raw.first_row + first),
                           again=str(raw.first_row + int(r))))
    bad_id = [i for i, p in enumerate(pids) if p and (len(p) > MAX_CELL_CHARS
                                                      or re.search(r"\s", p))]
    if bad_id:
        bad_set = set(bad_id)
        for p in range(n_prod):
            if int(product[p]) in bad_set:
                add(p, sheet.where(int(order[starts[p]]), c_pid, "sheet.id_one_word",
                                   limit=MAX_CELL_CHARS))
    seen_key: dict[str, int] = {}
    for p in range(n_prod):  # one product spelled two ways ('QN-01', 'qn‑01') in this sheet
        key = id_key(pids[product[p]])
        other = seen_key.setdefault(key, p)
        if other != p:
            add(p, sheet.where(int(order[starts[p]]), c_pid, "safety.id_spelled_twice",
                               pid=pids[product[p]], other=pids[product[other]],
                               holder=raw.file))
    hostile = [i for i, v in enumerate(pids) if v and (hostile_char(v) or invisible_in_id(v))]
    if hostile:
        hostile_set = set(hostile)
        for p in range(n_prod):
            if int(product[p]) in hostile_set:
                value = pids[product[p]]
                add(p, sheet.where(int(order[starts[p]]), c_pid, "safety.invisible_in_id",
                                   shown=printable(value).encode(
                                       "ascii", "backslashreplace").decode(),
                                   code=hostile_char(value) or invisible_in_id(value)))
    for codes, spot, values in ((nam, sheet.columns.get("product_name"), names),
                                (mem, c_mem, mems)):
        bad_text = [i for i, v in enumerate(values) if hostile_char(v)]
        # rows of a product only: a row without a product id is skipped or an orphan
        for r in (np.flatnonzero(np.isin(codes, bad_text) & keep).tolist() if bad_text
                  else []):
            add(int(row_product[r]), sheet.where(r, spot, "safety.control_char",
                                                 code=hostile_char(values[codes[r]])))
    if used:
        for p in range(n_prod):
            holder = used.get(id_key(pids[product[p]]))
            if holder is not None:
                add(p, sheet.where(int(order[starts[p]]), c_pid, "rating.id_used",
                                   id=pids[product[p]], other=holder))
    long = [i for i, v in enumerate(names) if len(v) > MAX_CELL_CHARS]
    long_m = [i for i, v in enumerate(mems) if len(v) > MAX_CELL_CHARS]
    for codes, spot, what, which in ((nam, sheet.columns.get("product_name"),
                                       "product_name", long), (mem, c_mem, "member", long_m)):
        for r in np.flatnonzero(np.isin(codes, which) & keep).tolist() if which else []:
            add(int(row_product[r]), sheet.where(r, spot, "sheet.too_long", what=what,
                                                 limit=MAX_CELL_CHARS))

    # per rubric: codes -> option indices, unknown and blank cells located
    prod_rubric = rub[order[starts[:-1]]] if n_prod else np.zeros(0, dtype=np.int64)
    columns: dict[int, tuple[NDArray[np.int64], list[str]]] = {}
    pending: list[tuple[Rubric, NDArray[np.int64], NDArray[np.int8]]] = []
    for code in np.unique(prod_rubric).tolist():
        members = np.flatnonzero(prod_rubric == code)
        rubric = library.rubrics.get(rubs[code])
        if rubric is None:
            for p in members.tolist():
                spot = int(order[starts[p]])
                message_id, params = (("sheet.blank_rubric", {}) if not rubs[code] else
                                      unknown_rubric(rubs[code], list(library.rubrics)))
                add(p, sheet.where(spot, c_rub, message_id, **params))
            continue
        wide = [c for c in rubric.criteria if len(c.options) > MAX_SHEET_OPTIONS]
        if wide:
            for p in members.tolist():
                add(p, sheet.where(int(order[starts[p]]), c_rub, "safety.too_many_options",
                                   criterion=wide[0].id, count=f"{len(wide[0].options):,}",
                                   limit=MAX_SHEET_OPTIONS))
            continue
        in_rubric = np.zeros(n_prod, dtype=bool)
        in_rubric[members] = True
        sel = order[np.repeat(in_rubric, np.diff(starts))]
        option = np.empty((len(sel), len(rubric.criteria)), dtype=np.int8)
        own = {c.id.casefold() for c in rubric.criteria}
        for key, other in sheet.criteria.items():  # another rubric's criterion: blank
            if key not in own:
                cells = _text(raw.frame[other])[sel]
                for r in sel[np.flatnonzero(cells != "")].tolist():
                    add(int(row_product[r]), sheet.where(
                        r, other, "sheet.foreign_criterion", criterion=raw.headers[other],
                        rubric=rubric.id))
        for k, crit in enumerate(rubric.criteria):
            found = sheet.criteria.get(crit.id.casefold())
            if found is None:
                for p in members.tolist():
                    add(p, Problem.of("sheet.missing_criterion",
                                      Location(raw.file, 1, None, crit.id),
                                      criterion=crit.id, rubric=rubric.id))
                option[:, k] = 0
                continue
            col = found
            if col not in columns:
                columns[col] = _factor(raw.frame[col])
            codes, uniques = columns[col]
            lookup = np.array([_option_index(rubric, k, u) for u in uniques], dtype=np.int8)
            option[:, k] = lookup[codes[sel]]
            for r in sel[np.flatnonzero(option[:, k] < 0)].tolist():
                text = uniques[codes[r]]
                if text == "":
                    add(int(row_product[r]), sheet.where(r, col, "sheet.blank_option",
                                                         criterion=crit.id))
                else:
                    message_id, params = unknown_option(crit, printable(text))
                    add(int(row_product[r]), sheet.where(r, col, message_id, **params))
        _case_mixes(rubric, sheet, sel, option, row_product, add,
                    lambda r: str(mems[mem[r]]))
        pending.append((rubric, members, option))

    blocks: list[CouncilColumns] = []
    failed = silenced.copy()
    failed[list(problems)] = True
    pid_text = np.array(pids, dtype=object)
    mem_text = np.array(mems, dtype=object)
    name_text = np.array(product_name, dtype=object)
    for rubric, members, option in pending:
        sizes = np.diff(starts)[members]
        good = ~failed[members]
        if not good.any():
            continue
        row_good = np.repeat(good, sizes)
        chosen = members[good]
        kept = np.zeros(n_prod, dtype=bool)
        kept[chosen] = True
        rows_sel = order[np.repeat(kept, np.diff(starts))]
        blocks.append(CouncilColumns(
            rubric=rubric, file=raw.file,
            product_id=pid_text[product[chosen]].tolist(),
            product_name=name_text[chosen].tolist(),
            starts=np.r_[0, np.cumsum(sizes[good])].astype(np.int64),
            member=mem_text[mem[rows_sel]].tolist(),
            option=np.ascontiguousarray(option[row_good]),
        ))
    for p in sorted(problems):
        listed = sorted(problems[p], key=lambda x: (x.location.line or 0,
                                                   x.location.column or 0))
        rubric_id = rubs[prod_rubric[p]] or None
        bad.append(BadProduct(pids[product[p]], rubric_id, listed))
    unlisted = int((silenced & ~np.isin(np.arange(n_prod), list(problems))).sum())
    notes = caps.notes(raw.file)
    if unlisted:
        notes.insert(0, Problem.of("safety.more_products", Location(raw.file),
                                   count=unlisted, limit=MAX_PROBLEMS_PER_FILE,
                                   per_column=MAX_PROBLEMS_PER_COLUMN))
    if notes:
        bad.append(BadProduct(None, None, notes))
    return SheetContent(blocks, bad)


def _case_mixes(rubric: Rubric, sheet: _Sheet, rows: NDArray[np.int64],
                option: NDArray[np.int8], row_product: NDArray[np.int64], add: Any,
                member_of: Any) -> None:
    """A member who mixes the cases of a case group (tourism 8, 9, 15): located at the
    first cell scored under another case than the row's first case."""
    import numpy as np

    from ocop_rate.clauses import case_mixes

    groups = list(rubric.case_groups)
    if not groups or not len(rows):
        return
    index = {c.id: k for k, c in enumerate(rubric.criteria)}
    for group in groups:
        ks = [index[cid] for cid in group.criteria]
        combos, where = np.unique(option[:, ks], axis=0, return_inverse=True)
        for j, combo in enumerate(combos.tolist()):
            chosen = {cid: rubric.criteria[k].option_at(int(i)).code
                      for cid, k, i in zip(group.criteria, ks, combo, strict=True)}
            for mix in case_mixes(rubric, chosen):
                first = next(iter(mix.picked.values()))
                odd = next(cid for cid, case in mix.picked.items() if case != first)
                col = sheet.criteria.get(odd.casefold())
                for r in rows[np.flatnonzero(where.reshape(-1) == j)].tolist():
                    params: dict[str, object] = {
                        "member": member_of(r), "criteria": ", ".join(group.criteria),
                        "picked": ", ".join(f"{cid}: {chosen[cid]} ({case})"
                                            for cid, case in mix.picked.items())}
                    add(int(row_product[r]), sheet.where_of(r, col, "rules.case_mixed", params))


def _option_index(rubric: Rubric, k: int, text: str) -> int:
    """Index of the option coded ``text`` (case-insensitive); ``none`` (or ``-``: no option
    printed on the sheet applies) is ``len(options)``; -1 unknown, -2 blank."""
    if text == "":
        return -2
    code = text.casefold()
    if code in (NONE, "-"):
        return len(rubric.criteria[k].options)
    for i, opt in enumerate(rubric.criteria[k].options):
        if opt.code == code:
            return i
    return -1
