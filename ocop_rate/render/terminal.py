"""Any :class:`~ocop_rate.models.document.Document` as rich renderables for the terminal: the
title and section headings in bold, a table per :class:`~ocop_rate.models.document.Table`,
a line per paragraph and note.

Every text is a rich ``Text`` built from the string as it is (never parsed as markup: a name
``[bold]`` prints as typed) with control characters shown as escapes
(:func:`~ocop_rate.text_safety.printable`: ESC, bidirectional controls); the CLI's console
filters them again on the way out. At 80 columns a table wraps the columns whose cells
have words (names, places, actions) and keeps the others (ids, dates, numbers) whole. Rich
is imported when drawing: the module is on light commands' paths.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ocop_rate.models.document import Block, Document, Notes, Paragraph, Table
from ocop_rate.text_safety import printable

if TYPE_CHECKING:
    from rich.console import (
        Console,
        ConsoleOptions,
        JustifyMethod,
        RenderableType,
        RenderResult,
    )

WRAP_MIN = 10
"""A column of words is at least this wide where the screen has room (a name stays legible)."""
WORD_MAX = 16
"""... and as wide as its longest word up to this length: a date in a sentence
(``(05/02/2026);``) stays whole; a longer word (a link) may fold."""


def draw(document: Document) -> list[RenderableType]:
    """The blocks to print, in reading order."""
    from rich.text import Text

    out: list[RenderableType] = []
    if document.title:
        out.append(Text(printable(document.title), style="bold"))
    for part in document.sections:
        if part.title:
            out.append(Text(printable(part.title), style="bold"))
        for block in part.blocks:
            out += _block(block)
    return out


def _block(block: Block) -> list[RenderableType]:
    from rich.text import Text

    if isinstance(block, Table):
        return _stacked(block) if block.stacked else [table(block)]
    if isinstance(block, Paragraph):
        line = Text()
        if block.label:
            line.append(printable(block.label) + ": ", style="bold")
        line.append(printable(block.text), style="bold" if block.strong else "")
        return [line]
    return _notes(block)


def _notes(block: Notes) -> list[RenderableType]:
    from rich.text import Span, Text

    if not block.items:
        return []
    out: list[RenderableType] = []
    if block.title:
        out.append(Text(printable(block.title) + ":", style="bold"))
    colour = "red" if block.mark == "✗" else ""
    for lead, said in block.items:  # one Text a line, its lead styled by a span: fast
        lead = printable(lead)      # for the thousands of lines under a national batch
        start = len(block.mark) + 1
        line = f"{block.mark} {lead}: " if lead else f"{block.mark} "
        spans = [Span(start, start + len(lead), "bold")] if lead else []
        out.append(Text(line + printable(said), style=colour, spans=spans))
    return out


def _stacked(block: Table) -> list[RenderableType]:
    """The title, then one block per row after a blank line: the first cell's first line in
    bold and its other lines indented, then the row's other cells on one indented line,
    ``·`` between them, a number said after its column's head (``Tổng 52,50``), an empty
    cell left out."""
    from rich.text import Text

    out: list[RenderableType] = [Text(printable(block.title), style="bold")] \
        if block.title else []
    for row in block.rows:
        first, *rest = printable(row[0]).split("\n") if row else [""]
        drawn = Text("\n")
        drawn.append(first, style="bold")
        for line in rest:
            drawn.append(f"\n  {line}")
        said = [f"{printable(head)} {printable(cell)}"
                if block.alignment(i) == "right" else printable(cell)
                for i, (head, cell) in enumerate(zip(block.head, row, strict=True))
                if i and cell]
        if said:
            drawn.append("\n  " + " · ".join(said))
        out.append(drawn)
    return out


def table(block: Table) -> RenderableType:
    """A rich table of plain-text cells, laid out when the console's width is known."""
    return Fitted(block)


class Fitted:
    """A column whose cells have no space (an id, a date, a number) is kept as wide as its
    widest cell, so a narrow terminal wraps the names instead of cutting a date; a column
    of words is kept whole when no wider than :data:`WORD_MAX` (``★★★☆☆ 3 sao``), else as
    wide as its longest word (up to :data:`WORD_MAX`) and :data:`WRAP_MIN`, or when the
    screen has no room for that, its longest word, or else what is left: a word may fold,
    but nothing is cropped. No column is narrower than the longest word of its head (a
    head longer than its cells wraps), nor a key column (``Table.keys``) than its head."""

    def __init__(self, block: Table) -> None:
        self.block = block  # its cells made printable when drawn (a file may skip that)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.cells import cell_len  # a wide character takes two columns
        from rich.table import Table as RichTable
        from rich.text import Text

        block = self.block
        rows = [tuple(printable(c) for c in row) for row in block.rows]
        foot = tuple(printable(c) for c in block.foot)
        columns = [[row[i] for row in [*rows, foot] if i < len(row)]
                   for i in range(len(block.head))]
        heads = [cell_len(h) if i < block.keys else max(map(cell_len, h.split()), default=0)
                 for i, h in enumerate(block.head)]  # a key column's head stays whole
        widest = [max((cell_len(line) for c in cells for line in c.split("\n")), default=0)
                  for cells in columns]
        wraps = [any(" " in c or "\n" in c for c in cells) for cells in columns]
        words = [min(WORD_MAX, max((cell_len(w) for c in cells for w in c.split()), default=0))
                 for cells in columns]
        room = options.max_width - 3 * len(columns) - 1  # rules and padding
        legible = [c if c <= WORD_MAX else max(w, WRAP_MIN)  # a short phrase kept whole
                   for w, c in zip(words, widest, strict=True)]
        for choice in (legible, words, [0] * len(columns)):
            least = [max(h, c if wrap else w) for h, c, wrap, w in
                     zip(heads, choice, wraps, widest, strict=True)]
            if sum(least) <= room:
                break
        whole = [max(w, cell_len(h)) for w, h in zip(widest, block.head, strict=True)]
        named = [whole[0], *(max(h, w) for h, w in zip(heads[1:-1], widest[1:-1],
                                                      strict=True)), whole[-1]]
        if block.numbered and len(whole) > 2 and sum(named) > room:  # a name would break
            yield Text(printable(block.numbered) + ": " + " · ".join(
                f"{n} {printable(h)}" for n, h in enumerate(block.head[1:-1], 1)))
            yield Fitted(replace(block, numbered="", head=(
                block.head[0], *map(str, range(1, len(block.head) - 1)), block.head[-1])))
            return
        natural = whole
        widths = _shared(least, natural, room) if sum(natural) > room else None
        multiline = any("\n" in c for row in rows for c in row)
        title = Text(printable(block.title), style="table.title") if block.title else None
        drawn = RichTable(title=title, header_style="bold", show_lines=multiline,  # ruled
                          show_footer=bool(foot), footer_style="bold")
        for index, head in enumerate(block.head):
            drawn.add_column(Text(printable(head), no_wrap=False),
                             justify=_justify(block, index), overflow="fold",
                             no_wrap=not wraps[index] and cell_len(head) <= widest[index],
                             min_width=least[index] or None,
                             width=None if widths is None else widths[index],
                             footer=Text(foot[index]) if index < len(foot) else "")
        for row in rows:
            drawn.add_row(*(Text(c) for c in row))
        yield drawn


def _shared(least: list[int], natural: list[int], room: int) -> list[int] | None:
    """Each column's width when the natural widths do not fit in ``room``: its least, and
    of what is left a share in proportion to what it lacks (rich's own narrowing can end
    wider than the screen once least widths are applied; these widths cannot)."""
    extra = room - sum(least)
    lack = [max(n - m, 0) for n, m in zip(natural, least, strict=True)]
    if extra < 0 or not sum(lack):
        return None
    given = [m + extra * k // sum(lack) for m, k in zip(least, lack, strict=True)]
    for i in sorted(range(len(lack)), key=lambda i: -lack[i])[:room - sum(given)]:
        given[i] += 1
    return given


def _justify(block: Table, column: int) -> JustifyMethod:
    found = block.alignment(column)
    return "right" if found == "right" else "center" if found == "center" else "left"
