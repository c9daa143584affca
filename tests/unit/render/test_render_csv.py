"""The CSV renderer: every table as rows a spreadsheet reads as text, never as a formula."""

from __future__ import annotations

import csv
import io

from ocop_rate.models.document import Document
from ocop_rate.render.csv import draw
from tests.unit.render.hostile_doc import FORMULA, MARKUP, NAME_NFC, SCRIPT


def _tables(document: Document) -> list[list[list[str]]]:
    text = draw(document)
    assert "\r\n" in text
    found: list[list[list[str]]] = [[]]
    for row in csv.reader(io.StringIO(text, newline="")):
        if row:
            found[-1].append(row)
        else:
            found.append([])
    return found


def test_each_table_is_its_head_then_its_rows(document: Document) -> None:
    first, second = _tables(document)
    assert first[0] == ["Mã", "Tên sản phẩm", "Hạn", "Điểm"]
    assert [r[0] for r in first[1:]] == ["QN-0001", "QN-0002", "QN-0003", "QN-0004",
                                         "QN-0005"]
    assert all(len(r) == 4 for r in first)
    assert second == [["Xã", "Số"], [NAME_NFC, "3"]]


def test_no_cell_starts_a_formula(document: Document) -> None:
    for table in _tables(document):
        for row in table:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    first = _tables(document)[0]
    assert first[3][1] == "'" + FORMULA
    assert first[3][3] == "'-3"  # a text cell, shown as written


def test_text_is_kept_and_escapes_are_shown(document: Document) -> None:
    text = draw(document)
    assert MARKUP in text and NAME_NFC in text
    rows = _tables(document)[0]
    assert rows[2][1] == SCRIPT
    assert "\x1b" not in text and "\\x1b" in rows[4][1]


def test_titles_and_notes_stay_out_of_the_data(document: Document) -> None:
    text = draw(document)
    assert "Ghi chú" not in text and "Sổ đăng ký" not in text
