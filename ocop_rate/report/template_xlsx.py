"""A blank council score sheet for one product set, as an Excel workbook.

Sheet 1 has the CONTRACT layout (``product_id``, ``product_name``, ``rubric``, ``member``,
then one column per criterion id) with a drop-down of option codes in every criterion
column; sheet 2 lists each criterion's options with points and star marks, in vi and en.
openpyxl is imported inside :func:`render`.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ocop_rate.models.rubric import Rubric
from ocop_rate.report.safety import cell_text, neutralise

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SHEET_TITLE = "Phiếu chấm"
GUIDE_TITLE = "Hướng dẫn - Guide"  # Excel forbids '/' in sheet names
ID_COLUMNS = ["product_id", "product_name", "rubric", "member"]
GUIDE_HEADER = ["criterion", "part", "number", "name_vi", "name_en", "option", "points",
                "star_mark", "option_vi", "option_en", "derived_from_facts"]
DEFAULT_ROWS = 200


def header(rubric: Rubric) -> list[str]:
    """The score sheet's columns, as CONTRACT.md fixes them."""
    return [*ID_COLUMNS, *(c.id for c in rubric.criteria)]


def render(rubric: Rubric, rows: int = DEFAULT_ROWS) -> bytes:
    """The workbook's bytes, drop-downs ready for ``rows`` lines (product × member)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET_TITLE
    sheet.append(header(rubric))
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = fill
    sheet.freeze_panes = "E2"
    last = rows + 1
    for width, letter in zip((14, 28, 24, 22), "ABCD", strict=True):
        sheet.column_dimensions[letter].width = width
    only_rubric = DataValidation(type="list", formula1=f'"{rubric.id}"', allow_blank=True)
    only_rubric.add(f"C2:C{last}")
    sheet.add_data_validation(only_rubric)
    for index, crit in enumerate(rubric.criteria, start=len(ID_COLUMNS) + 1):
        letter = get_column_letter(index)
        codes = [o.code for o in crit.options]
        choices = ", ".join(f"{o.code}={o.points:g}" for o in crit.options)
        check = DataValidation(
            type="list", formula1='"' + ",".join(codes) + '"', allow_blank=True,
            showErrorMessage=True, errorTitle=crit.id[:32],
            error=f"{crit.id}: {', '.join(codes)}",
            showInputMessage=True, promptTitle=crit.id[:32],
            prompt=f"{crit.name.vi[:150]} ({choices})"[:255])
        check.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(check)
        head = sheet.cell(row=1, column=index)
        head.comment = Comment(cell_text(_comment(rubric, crit.id)), "ocop-rate")
        head.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[letter].width = max(7, len(crit.id) + 3)
    _guide(book.create_sheet(GUIDE_TITLE), rubric)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _comment(rubric: Rubric, cid: str) -> str:
    crit = rubric.criteria_by_id[cid]
    lines = [f"{crit.id} {crit.name.vi}"]
    for opt in crit.options:
        mark = f" [{'*' * opt.min_star}]" if opt.min_star else ""
        lines.append(f"{opt.code} = {opt.points:g}: {opt.label.vi}{mark}")
    return "\n".join(lines)


def _guide(sheet: Worksheet, rubric: Rubric) -> None:
    from openpyxl.styles import Alignment, Font

    product_set = rubric.product_set or rubric.name
    intro = [
        f"{rubric.id}: {product_set.vi} / {product_set.en or product_set.vi}",
        rubric.source.render(),
        "Mỗi dòng của phiếu chấm là một sản phẩm và một thành viên; chọn mã phương án ở mỗi "
        "cột tiêu chí. Ô trống chỉ được phép ở tiêu chí suy ra từ dữ kiện.",
        "Each row of the score sheet is one product and one member; pick an option code in "
        "every criterion column. Blank cells are allowed only where a criterion is derived "
        "from facts.",
        "*** / **** / *****: phương án tối thiểu để đạt 3 / 4 / 5 sao — lowest option a "
        "product needs for 3 / 4 / 5 stars",
        "",
    ]
    for line in intro:
        sheet.append([neutralise(line)])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append(GUIDE_HEADER)
    for cell in sheet[len(intro) + 1]:
        cell.font = Font(bold=True)
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
