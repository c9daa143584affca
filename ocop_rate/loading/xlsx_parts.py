"""Bounds on an XLSX workbook's parts, checked straight from the zip before openpyxl
builds anything: the number of sheets, the number of shared strings, and the size of any
one value. The unpacked-size cap alone lets through a 220 KB workbook of 5,000,000 shared
strings, one 1,000 MB string, or 10,001 small sheets; each is refused here, with the
part and the limit, reading the parts a chunk at a time (README, "Safety limits").
"""

from __future__ import annotations

import re
import zipfile

from ocop_rate.errors import InputFileError, Location, Problem

MAX_XLSX_SHEETS = 255
"""Sheets of one workbook: a score workbook holds one per product set (the decision has
26) and a guide; 10,001 sheets is no score sheet."""
MAX_SHARED_STRINGS = 1_000_000
"""Distinct texts of a workbook: a 100,000-product sheet has some 200,000 (ids, names)."""
MAX_XML_RUN = 1024 * 1024
"""Bytes between two tags of a part (one value or one tag's attributes): Excel holds at
most 32,767 characters in a cell, under 200 KB even with every character escaped."""
MAX_SHEET_EXTRAS = 100_000
"""Elements of one worksheet besides its cells (merged ranges, hyperlinks, validations,
conditional formats, column widths, page breaks): openpyxl builds each as an object, all
at once; a score sheet has a handful, a workbook made by a script a few thousand."""
MAX_STYLE_ELEMENTS = 1_000_000
"""Elements of ``styles.xml`` (Excel itself allows 64,000 cell formats), all built by
openpyxl when it opens the workbook."""
MAX_WORKBOOK_PART = 16 * 1024 * 1024
CHUNK = 4 * 1024 * 1024
_SHARED_ITEM = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")
_SHEET = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sheet[\s>/]")
_EXTRA_NAMES = (b"mergeCell", b"hyperlink", b"dataValidation", b"cfRule", b"col", b"brk",
                b"protectedRange", b"ignoredError", b"cellWatch", b"customSheetView")
_EXTRA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:" + b"|".join(_EXTRA_NAMES) + rb")[\s>/]")
_ELEMENT = re.compile(rb"<[A-Za-z_]")


def check_parts(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse, located by part, a workbook whose parts exceed the bounds above; reads
    every part once, a chunk at a time (memory stays a few megabytes)."""
    for info in archive.infolist():
        if info.is_dir():
            continue
        part = info.filename
        if part.endswith("workbook.xml") and info.file_size > MAX_WORKBOOK_PART:
            raise _refuse("safety.xlsx_part_too_big", name, part=part,
                          size=f"{info.file_size:,}", limit=f"{MAX_WORKBOOK_PART:,}")
        counted, limit, message_id = _BOUNDED.get(_kind(part), (None, 0, ""))
        count, longest = _scan(archive, info, counted, limit,
                               _EXTRA_NAMES if counted is _EXTRA else ())
        if longest > MAX_XML_RUN:
            raise _refuse("safety.xlsx_value_too_big", name, part=part,
                          limit=f"{MAX_XML_RUN:,}")
        if counted is not None and count > limit:
            raise _refuse(message_id, name, part=part, limit=f"{limit:,}")


_BOUNDED: dict[str, tuple[re.Pattern[bytes], int, str]] = {
    "strings": (_SHARED_ITEM, MAX_SHARED_STRINGS, "safety.xlsx_too_many_strings"),
    "workbook": (_SHEET, MAX_XLSX_SHEETS, "safety.xlsx_too_many_sheets"),
    "worksheet": (_EXTRA, MAX_SHEET_EXTRAS, "safety.xlsx_too_many_extras"),
    "styles": (_ELEMENT, MAX_STYLE_ELEMENTS, "safety.xlsx_too_many_styles"),
}


def _kind(part: str) -> str:
    """Which bound a part of the zip has, by its name."""
    if part.endswith("sharedStrings.xml"):
        return "strings"
    if part.endswith("workbook.xml"):
        return "workbook"
    if part.endswith("styles.xml"):
        return "styles"
    if "worksheets/" in part and part.endswith(".xml"):
        return "worksheet"
    return ""


def _scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo, counted: re.Pattern[bytes] | None,
          stop: int, names: tuple[bytes, ...] = ()) -> tuple[int, int]:
    """(elements ``counted`` matched, longest run of bytes without ``<``) in one part;
    stops early once either is over its bound. A tag split between two chunks is found
    by keeping the last few bytes of each chunk. ``names``: words every match contains;
    text holding none of them has no match, and is not searched (a worksheet's cells hold
    none: the pattern tried at each of its ``<`` was most of a workbook's check)."""
    import numpy as np

    count = longest = run = 0
    tail = b""
    with archive.open(info) as source:
        while chunk := source.read(CHUNK):
            marks = np.flatnonzero(np.frombuffer(chunk, dtype=np.uint8) == ord("<"))
            if not len(marks):
                run += len(chunk)
            else:
                longest = max(longest, run + int(marks[0]),
                              int(np.diff(marks).max()) - 1 if len(marks) > 1 else 0)
                run = len(chunk) - int(marks[-1]) - 1
            longest = max(longest, run)
            if counted is not None:
                # a match inside the tail was counted with the chunk before
                count += _count(counted, tail + chunk, names) - _count(counted, tail, names)
                tail = chunk[-64:]
            if longest > MAX_XML_RUN or count > stop:
                break
    return count, longest


def _count(counted: re.Pattern[bytes], text: bytes, names: tuple[bytes, ...]) -> int:
    """Matches of ``counted`` in ``text``; none without one of ``names`` (if given)."""
    if names and not any(name in text for name in names):
        return 0
    return len(counted.findall(text))


def _refuse(message_id: str, name: str, **params: object) -> InputFileError:
    return InputFileError(Problem.of(message_id, Location(name), **params))
