"""The XLSX renderer: a sheet per table with a bold frozen header, typed dates, and no
cell a spreadsheet would run."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from ocop_rate.models.document import Document, Section, Table
from ocop_rate.render.xlsx import draw
from tests.unit.render.hostile_doc import FORMULA, MARKUP, NAME_NFC, SCRIPT


def _book(document: Document) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(draw(document)))


def test_a_sheet_per_table_with_a_bold_frozen_header(document: Document) -> None:
    book = _book(document)
    assert len(book.sheetnames) == 2
    first, second = (book[n] for n in book.sheetnames)
    assert [c.value for c in first[1]] == ["Mã", "Tên sản phẩm", "Hạn", "Điểm"]
    assert all(c.font.bold for c in first[1])
    assert first.freeze_panes == "B2"  # keys=1: the id stays in view
    assert second.freeze_panes == "A2"
    assert [c.value for c in second[2]] == [NAME_NFC, "3"]
    for name in book.sheetnames:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\")


def test_typed_values_are_typed_cells(document: Document) -> None:
    sheet = _book(document).worksheets[0]
    assert sheet["C2"].value == dt.datetime(2026, 2, 5)
    assert sheet["C2"].number_format == "DD/MM/YYYY"
    assert sheet["D2"].value == 74.0
    assert sheet["D4"].value == -3.0  # a negative number is data


def test_no_text_cell_is_a_formula_and_text_survives(document: Document) -> None:
    sheet = _book(document).worksheets[0]
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
    assert sheet["B4"].value == "'" + FORMULA
    assert sheet["B2"].value == MARKUP
    assert sheet["B3"].value == SCRIPT
    assert "\x1b" not in str(sheet["B5"].value) and "\\x1b" in str(sheet["B5"].value)


def test_text_rows_are_used_without_values_and_names_stay_unique() -> None:
    same = Table(("A",), [("=1+1",)], name="Danh sách")
    book = _book(Document("Tài liệu", [Section([same]), Section([same])], lang="en"))
    assert book.sheetnames[0] != book.sheetnames[1]
    assert book.worksheets[0]["A2"].value == "'=1+1"


def test_a_document_without_tables_is_one_empty_sheet() -> None:
    book = _book(Document("Không có bảng"))
    assert book.sheetnames == ["Không có bảng"]
