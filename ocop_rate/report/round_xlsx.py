"""One council member's workbook for a round: every product row pre-filled (id, name,
rubric, the member's name, pass 1), an option drop-down in every criterion cell of the
row's rubric, and a guide sheet per rubric. Built from the score-sheet template's pieces
(:mod:`ocop_rate.report.template_xlsx`), so both workbooks read and look alike.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from ocop_rate.models.round import RoundProduct
from ocop_rate.models.rubric import Rubric
from ocop_rate.render.safety import neutralise
from ocop_rate.report.template_xlsx import (
    GUIDE_TITLE,
    SHEET_TITLE,
    criterion_comment,
    option_check,
    write_guide,
)

ID_COLUMNS = ["product_id", "product_name", "rubric", "member", "pass", "date"]
COMMENT_COLUMN = "comment"
COMMENT_HINT = "Ý kiến của người đánh giá / evaluator's comment"


def columns(rubrics: Sequence[Rubric]) -> list[str]:
    """Identity columns, every criterion of the round's rubrics (first seen order), then
    the member's comment."""
    seen: dict[str, None] = {}
    for rubric in rubrics:
        seen.update(dict.fromkeys(c.id for c in rubric.criteria))
    return [*ID_COLUMNS, *seen, COMMENT_COLUMN]


def render(member: str, products: Sequence[RoundProduct], rubrics: Mapping[str, Rubric]
           ) -> bytes:
    """The workbook's bytes. Products are listed grouped by rubric, in list order."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    used = list(dict.fromkeys(p.rubric for p in products))
    ordered = [p for rid in used for p in products if p.rubric == rid]
    head = columns([rubrics[r] for r in used])
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET_TITLE
    sheet.append(head)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    grey = PatternFill("solid", fgColor="D9D9D9")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
    sheet.freeze_panes = "G2"
    for product in ordered:
        sheet.append([neutralise(v) for v in (product.id, product.name.vi, product.rubric,
                                               member, 1, "")])
    where = {cid: i for i, cid in enumerate(head, start=1)}
    sheet.cell(row=1, column=where[COMMENT_COLUMN]).comment = Comment(COMMENT_HINT,
                                                                      "ocop-rate")
    sheet.column_dimensions[get_column_letter(where[COMMENT_COLUMN])].width = 40
    for letter, width in zip("ABCDEF", (14, 28, 24, 22, 6, 12), strict=True):
        sheet.column_dimensions[letter].width = width
    first = 2
    for rid in used:
        rubric = rubrics[rid]
        count = sum(1 for p in ordered if p.rubric == rid)
        last = first + count - 1
        own = {c.id for c in rubric.criteria}
        for crit in rubric.criteria:
            col = where[crit.id]
            letter = get_column_letter(col)
            check = option_check(crit)
            check.add(f"{letter}{first}:{letter}{last}")
            sheet.add_data_validation(check)
            head_cell = sheet.cell(row=1, column=col)
            if head_cell.comment is None:
                head_cell.comment = Comment(criterion_comment(rubric, crit.id), "ocop-rate")
            sheet.column_dimensions[letter].width = max(7, len(crit.id) + 3)
        for cid, col in where.items():
            if cid in own or cid in ID_COLUMNS or cid == COMMENT_COLUMN:
                continue
            for row in range(first, last + 1):
                sheet.cell(row=row, column=col).fill = grey  # not on this product's rubric
        first = last + 1
    for i, rid in enumerate(used):
        title = GUIDE_TITLE if len(used) == 1 else f"{i + 1} {rid}"[:31]
        write_guide(book.create_sheet(title), rubrics[rid])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
