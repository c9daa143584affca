"""A blank council score sheet for one or several product sets, as an Excel workbook.

One sheet per product set with the CONTRACT layout (``product_id``, ``product_name``,
``rubric``, ``member``, then one column per criterion id) and a drop-down of option codes
in every criterion column, down the whole column (as many rows as the round has: roster ×
products); then a guide sheet that says exactly what the reader accepts and lists each
criterion's options with points and star marks, in vi and en. The reader
(``ocop_rate.loading.score_sheets``) reads every sheet whose header names a product id.
openpyxl is imported inside :func:`render`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ocop_rate.messages import text
from ocop_rate.models.rubric import Criterion, Rubric
from ocop_rate.render.safety import cell_text, neutralise
from ocop_rate.report.labels import citation

if TYPE_CHECKING:
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

SHEET_TITLE = "Phiếu chấm"
GUIDE_TITLE = "Hướng dẫn - Guide"  # Excel forbids '/' in sheet names
ID_COLUMNS = ["product_id", "product_name", "rubric", "member"]
GUIDE_HEADER = ["criterion", "part", "number", "name_vi", "name_en", "option", "points",
                "star_mark", "option_vi", "option_en", "derived_from_facts"]
LAST_ROW = 1_048_576  # Excel's last row: drop-downs reach every row a round can have


def header(rubric: Rubric) -> list[str]:
    """The score sheet's columns, as CONTRACT.md fixes them."""
    return [*ID_COLUMNS, *(c.id for c in rubric.criteria)]


def render(rubrics: Rubric | Sequence[Rubric]) -> bytes:
    """The workbook's bytes: one score sheet per rubric (product set), then the guide."""
    from openpyxl import Workbook

    chosen = [rubrics] if isinstance(rubrics, Rubric) else list(rubrics)
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for rubric in chosen:
        title = SHEET_TITLE if len(chosen) == 1 else sheet_title(rubric.id)
        _score_sheet(book.create_sheet(title), rubric)
    _guide(book.create_sheet(GUIDE_TITLE), chosen)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sheet_title(text: str) -> str:
    """A valid Excel sheet name: no ``\\ / * ? : [ ]``, at most 31 characters."""
    return re.sub(r"[\\/*?:\[\]]", "-", text)[:31] or "-"


def _score_sheet(sheet: Worksheet, rubric: Rubric) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet.append(header(rubric))
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = fill
    sheet.freeze_panes = "E2"
    last = LAST_ROW
    for width, letter in zip((14, 28, 24, 22), "ABCD", strict=True):
        sheet.column_dimensions[letter].width = width
    only_rubric = DataValidation(type="list", formula1=f'"{rubric.id}"', allow_blank=True)
    only_rubric.add(f"C2:C{last}")
    sheet.add_data_validation(only_rubric)
    for index, crit in enumerate(rubric.criteria, start=len(ID_COLUMNS) + 1):
        letter = get_column_letter(index)
        check = option_check(crit)
        check.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(check)
        head = sheet.cell(row=1, column=index)
        head.comment = Comment(criterion_comment(rubric, crit.id), "ocop-rate")
        head.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[letter].width = max(7, len(crit.id) + 3)


def option_check(crit: Criterion) -> DataValidation:
    """A drop-down of ``crit``'s option codes, with its name and points as the prompt
    (the score-sheet template and a round's member workbooks share it)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    codes = [o.code for o in crit.options]
    choices = ", ".join(f"{o.code}={o.points:g}" for o in crit.options)
    return DataValidation(
        type="list", formula1='"' + ",".join(codes) + '"', allow_blank=True,
        showErrorMessage=True, errorTitle=crit.id[:32],
        error=f"{crit.id}: {', '.join(codes)}",
        showInputMessage=True, promptTitle=crit.id[:32],
        prompt=f"{crit.name.vi[:150]} ({choices})"[:255])


def criterion_comment(rubric: Rubric, cid: str) -> str:
    """The header cell's comment: the criterion and its options, safe for a cell."""
    return cell_text(_comment(rubric, cid))


def write_guide(sheet: Worksheet, rubric: Rubric | Sequence[Rubric]) -> None:
    """The guide sheet for one rubric or several."""
    _guide(sheet, [rubric] if isinstance(rubric, Rubric) else list(rubric))


def _comment(rubric: Rubric, cid: str) -> str:
    crit = rubric.criteria_by_id[cid]
    lines = [f"{crit.id} {crit.name.vi}"]
    for opt in crit.options:
        mark = f" [{'*' * opt.min_star}]" if opt.min_star else ""
        lines.append(f"{opt.code} = {opt.points:g}: {opt.label.vi}{mark}")
    return "\n".join(lines)


def _guide(sheet: Worksheet, rubrics: list[Rubric]) -> None:
    from openpyxl.styles import Alignment, Font

    intro: list[str] = []
    for rubric in rubrics:
        product_set = rubric.product_set or rubric.name
        intro += [f"{rubric.id}: {product_set.vi} / {product_set.en or product_set.vi}",
                  f"{citation(rubric.source.render(), 'vi')} / {rubric.source.render()}"]
    for key in ("template.guide_rows", "template.guide_codes", "template.guide_blank",
                "template.guide_headers", "template.guide_sheets", "template.guide_marks"):
        intro += [text(key, "vi"), text(key, "en")]
    intro.append("")
    for line in intro:
        sheet.append([neutralise(line)])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append(GUIDE_HEADER)
    for cell in sheet[len(intro) + 1]:
        cell.font = Font(bold=True)
    for rubric in rubrics:
        for crit in rubric.criteria:
            facts = ", ".join(sorted({f for d in crit.derive for f in d.when.facts()}))
            for opt in crit.options:
                sheet.append([neutralise(v) for v in (
                    crit.id, crit.part, crit.number or "", crit.name.vi, crit.name.en or "",
                    opt.code, opt.points, "*" * opt.min_star if opt.min_star else "",
                    opt.label.vi, opt.label.en or "", facts)])
    widths = {"A": 10, "B": 6, "C": 8, "D": 40, "E": 40, "F": 8, "G": 8, "H": 10, "I": 60,
              "J": 60, "K": 24}
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=len(intro) + 2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
