"""Hostile workbooks and CSV files, made small on disk and huge when naively read; used by
tests/acceptance/test_safety_sheets.py and written once into tests/bad_inputs/sheets/."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

HEADER = ["product_id", "product_name", "rubric", "member", "A1", "B1", "C1"]
GOOD_ROW = ["S-1", "Chè", "tiny", "M1", "h", "c", "c"]


def workbook(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def patch_sheet(data: bytes, extra_rows: str, dimension: str | None = None) -> bytes:
    """The workbook with raw ``<row>`` XML appended to its first sheet (and its declared
    ``<dimension>`` changed): what a hostile tool, not Excel, would write."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = body.decode("utf-8")
                if dimension is not None:
                    text = re.sub(r'<dimension ref="[^"]*"\s*/>',
                                  f'<dimension ref="{dimension}"/>', text)
                text = text.replace("</sheetData>", extra_rows + "</sheetData>")
                body = text.encode("utf-8")
            dst.writestr(info, body)
    return out.getvalue()


def dimension_bomb() -> bytes:
    """One blank cell at XFD1048576, the range declared A1:XFD1048576."""
    return patch_sheet(workbook([HEADER, GOOD_ROW]),
                       '<row r="1048576"><c r="XFD1048576"/></row>', "A1:XFD1048576")


def blank_far_cells(rows: int = 2000) -> bytes:
    """A blank (styled) cell at XFD in each of many rows: each row padded would be 16,384
    cells."""
    xml = "".join(f'<row r="{r}"><c r="XFD{r}" s="0"/></row>' for r in range(3, 3 + rows))
    return patch_sheet(workbook([HEADER, GOOD_ROW]), xml, f"A1:XFD{rows + 2}")


def value_far_right() -> bytes:
    return patch_sheet(workbook([HEADER, GOOD_ROW]),
                       '<row r="3"><c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row>')


def value_far_down() -> bytes:
    return patch_sheet(workbook([HEADER, GOOD_ROW]),
                       '<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is>'
                       '</c></row>')


def huge_used_range() -> bytes:
    """Values at column AMJ (1,024) and row 1,000,000: each allowed alone, together a
    range of a billion cells."""
    return patch_sheet(workbook([HEADER, GOOD_ROW]),
                       '<row r="3"><c r="AMJ3" t="inlineStr"><is><t>x</t></is></c></row>'
                       '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is>'
                       '</c></row>')


def wide_blank_csv(columns: int = 200_000, rows: int = 5) -> bytes:
    tail = "," * columns
    lines = [",".join(HEADER) + tail] + [",".join([f"W-{i}", *GOOD_ROW[1:]]) + tail
                                        for i in range(rows)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_corpus(folder: Path) -> None:
    """The small ones, stored in the corpus (run this module to refresh them)."""
    (folder / "dimension-bomb.xlsx").write_bytes(dimension_bomb())
    (folder / "value-beyond-last-column.xlsx").write_bytes(value_far_right())
    (folder / "wide-blank.csv").write_bytes(wide_blank_csv(20_000, 3))


if __name__ == "__main__":
    write_corpus(Path(__file__).parent / "bad_inputs" / "sheets")
