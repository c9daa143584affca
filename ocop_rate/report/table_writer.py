"""A rich table drawn without laying out a rich table per row.

Rich lays out a table at about 1.5 ms a row (the 60 rubrics of ``rubrics list``: a third of
the command's time; a 100,000-product results table: minutes). Here rich still decides
everything it decides for a table: the column widths (:meth:`TableShape.widths`, from each
column's widest word and line, rich's own measure) and the title, top edge and header (an
empty rich table with those widths). The body is drawn by :func:`body`: each cell wrapped
to its column as rich wraps it (by :mod:`~ocop_rate.report.plain_wrap` when its characters
are one cell wide, else by ``Text.wrap``), padded one space each side, bordered as rich
borders it. tests/test_table_pieces.py holds the result to the bytes of one rich table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ocop_rate.report import plain_wrap

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from rich.segment import Segment
    from rich.table import Table
    from rich.text import Text


class Plain(str):
    """A cell's text to be drawn as it is: no markup, no highlighting (a plain ``str`` cell
    is read as rich reads one, through ``console.render_str``)."""

    __slots__ = ()


Column = tuple[str, dict[str, Any]]
"""A column's header and its rich layout (``Table.add_column`` keywords)."""


@dataclass(frozen=True)
class TableShape:
    """What a table is, apart from its rows: columns, title, lines between rows."""

    columns: Sequence[Column]
    title: str | None = None
    show_lines: bool = False

    def table(self, rows: Iterable[Sequence[Text | str]] = (),
              widths: Sequence[int] | None = None) -> Table:
        """The rich table; with ``widths`` (padding included, as rich measures them) every
        column is that wide, whatever its rows hold."""
        from rich.table import Table

        table = Table(title=self.title, show_lines=self.show_lines, header_style="bold")
        fixed = iter(widths or [])
        for header, layout in self.columns:
            layout = dict(layout)
            if widths is not None:
                for key in ("ratio", "min_width", "max_width"):
                    layout.pop(key, None)
                layout["width"] = next(fixed) - 2  # padding (0, 1): one space each side
            table.add_column(header, **layout)
        for row in rows:
            table.add_row(*row)
        return table

    def widths(self, console: Console, options: ConsoleOptions,
               rows: Iterable[Sequence[Text | str]]) -> list[int]:
        """Rich's column widths for a table of ``rows`` on this console. Rich measures a
        column by the widest word (its minimum) and the widest line (its maximum) of any
        cell: those two figures per column are taken from the cells' text, and rich lays
        out a table of the headers and one cell per column that measures exactly so."""
        from rich.cells import cell_len
        from rich.text import Text

        count = len(self.columns)
        least, most = [0] * count, [0] * count
        for row in rows:
            for i, cell in enumerate(row):
                plain = _plain_of(console, cell)
                size = len if plain_wrap.narrow(plain) else cell_len
                lines = plain.splitlines()
                widest = max(map(size, lines)) if lines else 0
                words = plain.split()
                least[i] = max(least[i], max(map(size, words)) if words else widest)
                most[i] = max(most[i], widest)
        probe = self.table([[Text(_measuring_as(lo, hi)) for lo, hi in zip(least, most,
                                                                            strict=True)]])
        inner = options.update_width(options.max_width - probe._extra_width)
        return probe._calculate_column_widths(console, inner)

    def head(self, console: Console, options: ConsoleOptions,
             widths: Sequence[int]) -> Iterator[Segment]:
        """Title, top edge, header and the line under it, as rich draws them."""
        from rich.segment import Segment

        lines = list(Segment.split_lines(console.render(self.table(widths=widths), options)))
        for line in lines[:-1]:  # an empty table ends with its bottom edge: the body's
            yield from line
            yield Segment.line()


def _measuring_as(least: int, most: int) -> str:
    """A text whose widest word is ``least`` cells and widest line ``most``."""
    if least == 0:
        return " " * most
    out = "x" * least
    while len(out) < most:
        out += " " + "x" * min(least, most - len(out) - 1)
    return out


def body(console: Console, shape: TableShape, widths: Sequence[int],
         rows: Iterable[Sequence[Text | str]], *, first: bool, last: bool
         ) -> Iterator[Segment]:
    """Rows of the table drawn as rich draws a table's body: a line between rows when the
    shape says so (and before ``rows`` unless they are the ``first``), the bottom edge
    after the ``last``. A file or a pipe gets one segment per line."""
    from rich.segment import Segment

    layouts = [(layout.get("justify", "left"), layout.get("overflow", "ellipsis"),
                layout.get("no_wrap", False)) for _, layout in shape.columns]
    inner = [w - 2 for w in widths]
    between = Segment("├" + "┼".join("─" * w for w in widths) + "┤")
    plain = console.color_system is None  # a file or a pipe: text only, one segment a line
    bar, space = Segment("│"), Segment(" ")
    for index, row in enumerate(rows):
        if shape.show_lines and (index or not first):
            yield between
            yield Segment.line()
        if plain:
            texts = [_plain_lines(console, cell, width, layout)
                     for cell, layout, width in zip(row, layouts, inner, strict=True)]
            blank = [" " * width for width in inner]
            for n in range(max(len(c) for c in texts)):
                yield Segment("│ " + " │ ".join(
                    lines[n] if n < len(lines) else empty
                    for lines, empty in zip(texts, blank, strict=True)) + " │")
                yield Segment.line()
            continue
        said = [_as_text(console, cell) for cell in row]
        columns = [cell.wrap(console, width, justify=justify, overflow=overflow,
                             no_wrap=no_wrap)
                   for cell, (justify, overflow, no_wrap), width in zip(said, layouts, inner,
                                                                         strict=True)]
        for n in range(max(len(c) for c in columns)):
            yield bar
            for lines, width in zip(columns, inner, strict=True):
                yield space
                if n < len(lines):
                    line = list(lines[n].render(console))
                    yield from line
                    short = width - Segment.get_line_length(line)
                    if short > 0:
                        yield Segment(" " * short)
                else:
                    yield Segment(" " * width)
                yield space
                yield bar
            yield Segment.line()
    if last:
        yield Segment("└" + "┴".join("─" * w for w in widths) + "┘")
        yield Segment.line()


def _as_text(console: Console, cell: Text | str) -> Text:
    """A cell as rich would hold it."""
    from rich.text import Text

    if isinstance(cell, Text):
        return cell
    return Text(cell) if isinstance(cell, Plain) else console.render_str(cell)


def _plain_of(console: Console, cell: Text | str) -> str:
    """A cell's text as rich would print it (a :class:`Plain` cell is that already)."""
    return cell if isinstance(cell, Plain) else _as_text(console, cell).plain


def _plain_lines(console: Console, cell: Text | str, width: int,
                 layout: tuple[str, str, bool]) -> list[str]:
    """The cell's lines as rich wraps them and pads them to ``width`` cells: by
    :mod:`plain_wrap` when every character is one cell wide (most Vietnamese text; its
    left- or right-justified lines are already ``width`` long), else by rich."""
    from rich.cells import set_cell_size

    justify, overflow, no_wrap = layout
    text = _plain_of(console, cell)
    if (justify in _PADDED and overflow in plain_wrap.OVERFLOW and width >= 1
            and plain_wrap.narrow(text)):
        return plain_wrap.wrap(text, width, justify=justify, overflow=overflow,
                               no_wrap=no_wrap)
    return [set_cell_size(line.plain, width) for line in _as_text(console, cell).wrap(
        console, width, justify=justify, overflow=overflow,  # type: ignore[arg-type]
        no_wrap=no_wrap)]


_PADDED = frozenset({"left", "right"})
"""Justifications whose wrapped lines come out exactly the width (rich pads them)."""


@dataclass
class DrawnTable:
    """A whole table as one renderable: rich's head, then the body drawn by :func:`body`."""

    shape: TableShape
    rows: Sequence[Sequence[Text | str]]

    def __rich_console__(self, console: Console, options: ConsoleOptions
                         ) -> Iterator[Segment]:
        widths = self.shape.widths(console, options, self.rows)
        if min(widths, default=3) < 3:  # a column squeezed below its padding: rich's
            yield from console.render(self.shape.table(self.rows), options)  # own call
            return
        yield from self.shape.head(console, options, widths)
        yield from body(console, self.shape, widths, self.rows, first=True, last=True)
