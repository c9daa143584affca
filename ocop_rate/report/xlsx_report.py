"""Results as an Excel workbook: one sheet of results, one per product set with each
criterion's points, and one of members' totals. Text cells that a spreadsheet would run as a
formula are neutralised. openpyxl is imported inside :func:`render`."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult, Rating
from ocop_rate.models.rubric import PART_ORDER
from ocop_rate.report.outcome_words import outcome_word
from ocop_rate.report.rows import rows
from ocop_rate.report.safety import cell_text, neutralise

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

RESULT_HEADER = ["product_id", "product_name", "rubric", *PART_ORDER, "total", "stars",
                 "recognised", "outcome", "outcome_label", "authority", "outcome_note",
                 "spread", "discuss", "gates", "errors", "file"]
MEMBER_HEADER = ["product_id", "product_name", "rubric", "member", *PART_ORDER, "total",
                 "spread", "discuss"]
SHEET_NAMES = {"results": ("Kết quả", "Results"), "members": ("Thành viên", "Members")}
_BAD_TITLE = re.compile(r"[\\/*?:\[\]]")


def sheet_title(text: str) -> str:
    """A valid Excel sheet name: no ``\\ / * ? : [ ]``, at most 31 characters."""
    return _BAD_TITLE.sub("-", cell_text(text))[:31] or "-"


def _name(key: str, lang: Lang) -> str:
    vi, en = SHEET_NAMES[key]
    return vi if lang == "vi" else en


def render(result: BatchResult, lang: Lang) -> bytes:
    """The workbook's bytes (write them with :func:`~ocop_rate.report.output.write_atomic`)."""
    from openpyxl import Workbook

    book = Workbook()
    results = book.active
    assert results is not None
    results.title = _name("results", lang)
    _append(results, RESULT_HEADER)
    for item, row in zip(result.items, rows(result, lang), strict=True):
        d = item.disagreement if isinstance(item, Rating) else None
        _append(results, [
            row.product_id, row.product_name, row.rubric, *[row.parts[p] for p in PART_ORDER],
            row.total, row.stars, None if row.errors else row.recognised,
            row.outcome, outcome_word(row.outcome, lang), row.authority, row.note,
            None if d is None else d.spread, None if d is None else d.flagged,
            " | ".join(row.gates), " | ".join(row.errors), row.file or ""])
    for rubric_id in dict.fromkeys(r.rubric for r in result.ratings):
        _product_set_sheet(book.create_sheet(sheet_title(rubric_id)),
                           [r for r in result.ratings if r.rubric == rubric_id], lang)
    members = book.create_sheet(_name("members", lang))
    _append(members, MEMBER_HEADER)
    for r in result.ratings:
        d = r.disagreement
        for m in r.members:
            _append(members, [r.product_id, r.product_name.get(lang), r.rubric, m.member,
                              *[m.parts.get(p) for p in PART_ORDER], m.total,
                              None if d is None else d.spread,
                              None if d is None else d.flagged])
    for sheet in book.worksheets:
        _style(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _product_set_sheet(sheet: Worksheet, ratings: list[Rating], lang: Lang) -> None:
    """Each product's council points on every criterion of its product set."""
    ids = [c.id for c in ratings[0].criteria]
    _append(sheet, ["product_id", "product_name", *ids, *PART_ORDER, "total", "stars"])
    for r in ratings:
        by_id = {c.id: c.points for c in r.criteria}
        _append(sheet, [r.product_id, r.product_name.get(lang), *[by_id.get(i) for i in ids],
                        *[r.part_points(p) for p in PART_ORDER], r.total, r.stars])


def _append(sheet: Worksheet, cells: Sequence[object]) -> None:
    sheet.append([neutralise(c) for c in cells])


def _style(sheet: Worksheet) -> None:
    from openpyxl.styles import Font

    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "C2"
    from openpyxl.utils import get_column_letter

    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        width = max((len(str(c.value)) for c in column if c.value is not None), default=6)
        sheet.column_dimensions[letter].width = min(max(width + 2, 6), 48)
