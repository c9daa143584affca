"""Results as an Excel workbook for people, with a plain machine sheet beside it.

Sheets: the results in the user's language (headers, outcome words, product-set names, yes /
no in words, numbers as ``0.00``, frozen header row, column widths); one per product set
(named by the product set) with each criterion's council points; the members' totals; and
``data``, the same results under the CONTRACT field names with raw values, for scripts.
Text cells that a spreadsheet would run as a formula are neutralised. openpyxl is imported
inside :func:`render`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult
from ocop_rate.models.rubric import PART_ORDER
from ocop_rate.render.safety import cell_text, neutralise
from ocop_rate.report.labels import outcome_words, star_label, word
from ocop_rate.report.rows import rows
from ocop_rate.report.shown import Shown, rated, shown_products

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

RESULT_HEADER = ["product_id", "product_name", "rubric", *PART_ORDER, "total", "stars",
                 "recognised", "outcome", "authority", "outcome_note", "spread", "discuss",
                 "gates", "errors", "file"]
"""The machine sheet's columns: CONTRACT field names."""
MACHINE_SHEET = "data"
NUMBER_FORMAT = "0.00"
_BAD_TITLE = re.compile(r"[\\/*?:\[\]]")


def sheet_title(text: str, taken: Sequence[str] = ()) -> str:
    """A valid Excel sheet name: no ``\\ / * ? : [ ]``, at most 31 characters, unique
    among ``taken``."""
    base = _BAD_TITLE.sub("-", cell_text(text))[:31].strip() or "-"
    title, n = base, 2
    while title.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({n})"
        title, n = base[:31 - len(suffix)] + suffix, n + 1
    return title


def _yes_no(value: bool | None, lang: Lang) -> str:
    return "" if value is None else word("yes" if value else "no", lang)


def render(result: BatchResult, lang: Lang) -> bytes:
    """The workbook's bytes (write them with :func:`~ocop_rate.report.output.write_atomic`).
    Score-sheet products are read off their columns, never expanded into ratings."""
    from openpyxl import Workbook

    book = Workbook()
    people = book.active
    assert people is not None
    people.title = word("results", lang)
    machine = book.create_sheet(MACHINE_SHEET)
    _append(people, [word(k, lang) for k in ("product_id", "product_name", "product_set")]
            + [*PART_ORDER] + [word(k, lang) for k in (
                "total", "class", "outcome")] + [text("rules.authority_short", lang)]
            + [word(k, lang) for k in ("spread", "discuss", "reasons", "error", "file")])
    _append(machine, RESULT_HEADER)
    for row, shown in zip(rows(result, lang), shown_products(result, lang), strict=True):
        spread = None if shown is None else shown.spread
        flagged = None if shown is None else shown.flagged
        _append(people, [
            row.product_id, row.product_name, row.rubric_name or row.rubric,
            *[row.parts[p] for p in PART_ORDER], row.total,
            None if row.stars is None else star_label(row.stars, lang),
            outcome_words(row.outcome, row.unchecked, lang),
            "\n".join(x for x in (row.authority, row.note) if x), spread,
            _yes_no(flagged, lang),
            "\n".join(row.gates), "\n".join(row.errors), row.file or ""])
        _append(machine, [
            row.product_id, row.product_name, row.rubric, *[row.parts[p] for p in PART_ORDER],
            row.total, row.stars, None if row.stars is None else row.recognised, row.outcome,
            row.authority, row.note, spread, flagged, " | ".join(row.gates),
            " | ".join(row.errors), row.file or ""])
    for rubric_id in dict.fromkeys(s.rubric for s in rated(result, lang)):
        chosen = (s for s in rated(result, lang) if s.rubric == rubric_id)
        first = next(chosen)
        title = sheet_title(first.rubric_name, book.sheetnames)
        _product_set_sheet(book.create_sheet(title), first.criteria, [first, *chosen], lang)
    members = book.create_sheet(sheet_title(word("members", lang), book.sheetnames))
    _append(members, [word(k, lang) for k in ("product_id", "product_name", "product_set",
                                                "member")]
            + [*PART_ORDER, word("total", lang), word("spread", lang), word("discuss", lang)])
    for s in rated(result, lang):
        for member, parts, total in s.members:
            _append(members, [s.product_id, s.name, s.rubric_name, member, *parts, total,
                              s.spread, _yes_no(s.flagged, lang)])
    book.move_sheet(machine, offset=len(book.sheetnames) - 1)
    for sheet in book.worksheets:
        _style(sheet, people=sheet is not machine)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _product_set_sheet(sheet: Worksheet, ids: Sequence[str], products: Iterable[Shown],
                       lang: Lang) -> None:
    """Each product's council points on every criterion of its product set."""
    _append(sheet, [word("product_id", lang), word("product_name", lang), *ids, *PART_ORDER,
                    word("total", lang), word("class", lang)])
    for s in products:
        _append(sheet, [s.product_id, s.name, *s.points, *s.parts, s.total,
                        star_label(s.stars, lang)])


def _append(sheet: Worksheet, cells: Sequence[object]) -> None:
    sheet.append([neutralise(c) for c in cells])


def _style(sheet: Worksheet, people: bool) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = Font(bold=True)
        if people:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2" if people else "A2"
    for index, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        width = max((min(len(line), 60) for c in column if c.value is not None
                     for line in str(c.value).splitlines() or [""]), default=6)
        sheet.column_dimensions[letter].width = min(max(width + 2, 7), 48)
        if not people:
            continue
        for cell in column[1:]:
            if isinstance(cell.value, float):
                cell.number_format = NUMBER_FORMAT
            elif isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
