"""Any :class:`~ocop_rate.models.document.Document` as rich renderables for the terminal: the
title and section headings in bold, a table per :class:`~ocop_rate.models.document.Table`,
a line per paragraph and note.

Every text is a rich ``Text`` built from the string as it is (never parsed as markup: a name
``[bold]`` prints as typed) with control characters shown as escapes (:func:`cell_text`);
the CLI's console filters them again on the way out. At 80 columns a table wraps the
columns whose cells have words (names, places, actions) and keeps the others (ids, dates,
numbers) whole. Rich is imported when drawing: the module is on light commands' paths.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_rate.models.document import Block, Document, Notes, Paragraph, Table
from ocop_rate.render.safety import cell_text

if TYPE_CHECKING:
    from rich.console import JustifyMethod, RenderableType

WRAP_MIN = 10
"""A column that wraps is never narrower than this (a name stays legible)."""


def draw(document: Document) -> list[RenderableType]:
    """The blocks to print, in reading order."""
    from rich.text import Text

    out: list[RenderableType] = []
    if document.title:
        out.append(Text(cell_text(document.title), style="bold"))
    for part in document.sections:
        if part.title:
            out.append(Text(cell_text(part.title), style="bold"))
        for block in part.blocks:
            out += _block(block)
    return out


def _block(block: Block) -> list[RenderableType]:
    from rich.text import Text

    if isinstance(block, Table):
        return [table(block)]
    if isinstance(block, Paragraph):
        line = Text()
        if block.label:
            line.append(cell_text(block.label) + ": ", style="bold")
        line.append(cell_text(block.text), style="bold" if block.strong else "")
        return [line]
    return _notes(block)


def _notes(block: Notes) -> list[RenderableType]:
    from rich.text import Text

    if not block.items:
        return []
    out: list[RenderableType] = []
    if block.title:
        out.append(Text(cell_text(block.title) + ":", style="bold"))
    for lead, said in block.items:
        line = Text("• ")
        if lead:
            line.append(cell_text(lead), style="bold")
            line.append(": ")
        line.append(cell_text(said))
        out.append(line)
    return out


def table(block: Table) -> RenderableType:
    """A rich table of plain-text cells: a column whose cells have no space (an id, a date,
    a number) is kept as wide as its widest cell, so a narrow terminal wraps the names
    instead of cutting a date; no column is narrower than the longest word of its head. (A
    head longer than its cells wraps: rich narrows only the columns that may wrap.)"""
    from rich.table import Table as RichTable
    from rich.text import Text

    rows = [tuple(cell_text(c) for c in row) for row in block.rows]
    multiline = any("\n" in c for row in rows for c in row)
    drawn = RichTable(header_style="bold", show_lines=multiline)  # rows of lines: ruled
    for index, head in enumerate(block.head):
        cells = [row[index] for row in rows]
        wraps = any(" " in c or "\n" in c for c in cells)
        widest = max((len(c) for c in cells), default=0)
        word = max((len(w) for w in head.split()), default=0)  # a head wraps between words
        drawn.add_column(Text(cell_text(head), no_wrap=False), justify=_justify(block, index),
                         overflow="fold", no_wrap=not wraps and len(head) <= widest,
                         min_width=max(word, min(WRAP_MIN, widest) if wraps else widest)
                         or None)
    for row in rows:
        drawn.add_row(*(Text(c) for c in row))
    return drawn


def _justify(block: Table, column: int) -> JustifyMethod:
    found = block.alignment(column)
    return "right" if found == "right" else "center" if found == "center" else "left"
