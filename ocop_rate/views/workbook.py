"""A batch's results as a workbook's :class:`~ocop_rate.models.document.Document`, drawn by
:mod:`ocop_rate.render.xlsx` (a round adds its own sheet in front:
:mod:`ocop_rate.views.round`).

Tables, each a sheet: the results in the user's language (headers, outcome words,
product-set names, yes / no in words); one per product set with each criterion's council
points; the members' totals; and ``data``, the same results under the CONTRACT field names
with raw values, for scripts. Score-sheet products are read off their columns
(:mod:`ocop_rate.report.shown`), never expanded into ratings.
"""

from __future__ import annotations

from collections.abc import Sequence

from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.document import Table
from ocop_rate.models.rating import BatchResult
from ocop_rate.models.rubric import PART_ORDER

RESULT_HEADER = ("product_id", "product_name", "rubric", *PART_ORDER, "total", "stars",
                 "recognised", "outcome", "authority", "outcome_note", "spread", "discuss",
                 "gates", "errors", "file")
"""The machine sheet's columns: CONTRACT field names."""
MACHINE_SHEET = "data"


def _table(head: Sequence[str], values: list[tuple[object, ...]], name: str,
           keys: int) -> Table:
    """A sheet's table: typed ``values``, and the same as text for any other format."""
    shown = [tuple("" if v is None else str(v) for v in row) for row in values]
    return Table(tuple(head), shown, values=values, name=name, keys=keys)


def _yes_no(value: bool | None, lang: Lang) -> str:
    from ocop_rate.report.labels import word

    return "" if value is None else word("yes" if value else "no", lang)


def tables(result: BatchResult, lang: Lang) -> list[Table]:
    """The workbook's tables, in sheet order (the machine sheet last)."""
    from ocop_rate.report.labels import outcome_words, star_label, word
    from ocop_rate.report.rows import rows
    from ocop_rate.report.shown import rated, shown_products

    people: list[tuple[object, ...]] = []
    machine: list[tuple[object, ...]] = []
    for row, shown in zip(rows(result, lang), shown_products(result, lang), strict=True):
        spread = None if shown is None else shown.spread
        flagged = None if shown is None else shown.flagged
        people.append((
            row.product_id, row.product_name, row.rubric_name or row.rubric,
            *[row.parts[p] for p in PART_ORDER], row.total,
            None if row.stars is None else star_label(row.stars, lang),
            outcome_words(row.outcome, row.unchecked, lang),
            "\n".join(x for x in (row.authority, row.note) if x), spread,
            _yes_no(flagged, lang), "\n".join(row.gates), "\n".join(row.errors),
            row.file or ""))
        machine.append((
            row.product_id, row.product_name, row.rubric, *[row.parts[p] for p in PART_ORDER],
            row.total, row.stars, None if row.stars is None else row.recognised, row.outcome,
            row.authority, row.note, spread, flagged, " | ".join(row.gates),
            " | ".join(row.errors), row.file or ""))
    head = ([word(k, lang) for k in ("product_id", "product_name", "product_set")]
            + [*PART_ORDER] + [word(k, lang) for k in ("total", "class", "outcome")]
            + [text("rules.authority_short", lang)]
            + [word(k, lang) for k in ("spread", "discuss", "reasons", "error", "file")])
    out = [_table(head, people, word("results", lang), 2)]
    products = list(rated(result, lang))
    for rubric_id in dict.fromkeys(s.rubric for s in products):
        chosen = [s for s in products if s.rubric == rubric_id]
        out.append(_table(
            [word("product_id", lang), word("product_name", lang), *chosen[0].criteria,
             *PART_ORDER, word("total", lang), word("class", lang)],
            [(s.product_id, s.name, *s.points, *s.parts, s.total, star_label(s.stars, lang))
             for s in chosen], chosen[0].rubric_name, 2))
    out.append(_table(
        [word(k, lang) for k in ("product_id", "product_name", "product_set", "member")]
        + [*PART_ORDER, word("total", lang), word("spread", lang), word("discuss", lang)],
        [(s.product_id, s.name, s.rubric_name, member, *parts, total, s.spread,
          _yes_no(s.flagged, lang)) for s in products for member, parts, total in s.members],
        word("members", lang), 2))
    out.append(_table(RESULT_HEADER, machine, MACHINE_SHEET, 0))
    return out
