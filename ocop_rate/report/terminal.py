"""The batch's view for the terminal (its table is report.results_table): a table, or one
block per product on a narrow screen, then the summary, the reasons and every error.

Rich is known only in report/ and render/. Colour is decoration: every verdict is also in
words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text as RichText

from ocop_rate.messages import text
from ocop_rate.report.labels import word
from ocop_rate.report.results_table import ResultsTable, stacked

if TYPE_CHECKING:
    from ocop_rate.models.common import Lang
    from ocop_rate.models.rating import BatchResult

WIDE = 110
"""From this width the table shows the product set and the parts A, B, C in columns."""
STACKED = 60
"""Below this width each product is a block of lines instead of a table row."""


def batch_view(result: BatchResult, lang: Lang, width: int = 120) -> list[RenderableType]:
    """The results, laid out for a terminal ``width`` columns wide: a table (parts and the
    product set in columns from :data:`WIDE`, under the product's name below it), or one
    block per product below :data:`STACKED`. Text wraps; numbers are never cut. Then one
    summary line, the unchecked legend, the reasons and every error, located.

    Print the lines after the table with ``soft_wrap`` so file paths are never broken.
    """
    from ocop_rate.report.rows import rows, summary_line

    all_rows = rows(result, lang)
    sharing: dict[str, list[str]] = {}  # a note -> the products it is said of
    for row in all_rows:
        if row.note:
            sharing.setdefault(row.note, []).append(row.product_id)
    problems: list[RenderableType] = []
    for row in all_rows:
        problems += [RichText(f"✗ {err}", style="red") for err in row.errors]
        ids = sharing.get(row.note or "", [])
        if len(ids) == 1:
            problems.append(RichText(f"• {row.product_id}: {row.note}"))
        elif ids and ids[0] == row.product_id:  # said once, with every product it is of
            problems.append(RichText(f"• {row.note}: {', '.join(ids)}"))
        problems += [RichText(f"• {row.product_id}: {gate}", style="dim") for gate in row.gates]
    title = f"OCOP — {result.count} {word('products', lang)}"
    body: list[RenderableType] = (
        [RichText(title, style="bold"), *stacked(all_rows, lang)] if width < STACKED
        else [ResultsTable(all_rows, lang, title, wide=width >= WIDE)])
    parts: list[RenderableType] = [*body, RichText(summary_line(result, lang), style="bold")]
    unchecked = sum(1 for row in all_rows if row.unchecked)
    if unchecked:
        parts.append(RichText(f"* {text('outcome.unchecked', lang)}: {unchecked} "
                              f"{word('products', lang)}", style="yellow"))
    if problems:
        parts.append(RichText(""))
        parts += problems
    return parts
