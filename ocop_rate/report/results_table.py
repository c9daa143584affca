"""The results table for a terminal, a file or a pipe: its columns and cells, the stacked
layout of a narrow screen, and a long table drawn in pieces (rich lays out the first; a row
writer draws the rest with the whole table's widths, so memory stays flat)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text as RichText

from ocop_rate.messages import text
from ocop_rate.report.labels import star_glyphs, star_label, word

if TYPE_CHECKING:
    from ocop_rate.models.common import Lang
    from ocop_rate.report.rows import Row

STAR_STYLE = {5: "bold yellow", 4: "yellow", 3: "green", 2: "red", 1: "red"}
OUTCOME_STYLE = {"recognised": "green", "proposed-5-star": "bold yellow",
                 "not-recognised": "red", "rejected": "bold red", "not-rated": "bold red"}


def outcome_text(row: Row, lang: Lang) -> RichText:
    """The outcome in words; a product rated without its rejection facts is marked ``*``
    (the legend under the table says what was not checked)."""
    said = RichText(text(f"outcome.{row.outcome}", lang),
                    style=OUTCOME_STYLE.get(row.outcome, ""))
    if row.unchecked:
        said.append("*", style="bold yellow")
    return said


TABLE_PIECE = 500
"""Rows per piece of a longer results table: each piece is laid out and written on its
own (with the whole table's column widths), so a 100,000-product table is never one rich
table rendered in memory, and a pipe or file receives rows as they are laid out."""

_BOTTOM_TO_SEPARATOR = str.maketrans("└┴┘", "├┼┤")


@dataclass
class _Pieces:
    """What the pieces of one long table share: its rows and, once the first piece is
    drawn, the column widths rich gives the whole table on that console."""

    rows: list[Row]
    lang: Lang
    title: str
    wide: bool
    widths: list[int] | None = None

    def column_widths(self, console: Console, options: ConsoleOptions) -> list[int]:
        """Rich's widths for the whole table, measured once. Rich measures a column by the
        widest word (its minimum) and the widest line (its maximum) of any cell: those two
        figures per column are taken here from the cells' text, and rich lays out a table
        of the headers and one cell per column that measures exactly so."""
        if self.widths is None:
            from rich.cells import cell_len

            count = len(_columns(self.lang, self.wide))
            least, most = [0] * count, [0] * count
            for row in self.rows:
                for i, cell in enumerate(_cells(row, self.lang, self.wide)):
                    plain = cell.plain
                    lines = plain.splitlines()
                    widest = max(map(cell_len, lines)) if lines else 0
                    words = plain.split()
                    least[i] = max(least[i], max(map(cell_len, words)) if words else widest)
                    most[i] = max(most[i], widest)
            probe = _results_table([], self.lang, self.title, self.wide)
            probe.add_row(*[RichText(_measuring_as(lo, hi)) for lo, hi in zip(least, most,
                                                                             strict=True)])
            inner = options.update_width(options.max_width - probe._extra_width)
            self.widths = probe._calculate_column_widths(console, inner)
        return self.widths


def _measuring_as(least: int, most: int) -> str:
    """A text whose widest word is ``least`` cells and widest line ``most``."""
    if least == 0:
        return " " * most
    out = "x" * least
    while len(out) < most:
        out += " " + "x" * min(least, most - len(out) - 1)
    return out


@dataclass
class _TablePiece:
    """Rows ``lo``..``hi`` of a long table: the first piece keeps the title, top edge and
    header, the last the bottom edge; in between, a piece's bottom edge becomes the row
    separator, so the pieces printed one after another are the whole table, line for
    line (tests/test_table_pieces.py)."""

    shared: _Pieces
    lo: int
    hi: int

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment

        first, last = self.lo == 0, self.hi == len(self.shared.rows)
        widths = self.shared.column_widths(console, options)
        if not first:  # the body only: rows drawn straight, as the table would draw them
            yield from _written_rows(console, self.shared.rows[self.lo:self.hi],
                                     self.shared.lang, self.shared.wide, widths, last)
            return
        table = _results_table(self.shared.rows[self.lo:self.hi], self.shared.lang,
                               self.shared.title, self.shared.wide, widths=widths)
        lines = list(Segment.split_lines(console.render(table, options)))
        if not last:
            lines[-1] = [Segment(seg.text.translate(_BOTTOM_TO_SEPARATOR), seg.style)
                         for seg in lines[-1]]
        for line in lines:
            yield from line
            yield Segment.line()


def results_pieces(all_rows: list[Row], lang: Lang, title: str, wide: bool
                    ) -> list[RenderableType]:
    """The results table: one rich table up to :data:`TABLE_PIECE` rows, else pieces."""
    if len(all_rows) <= TABLE_PIECE:
        return [_results_table(all_rows, lang, title, wide)]
    shared = _Pieces(all_rows, lang, title, wide)
    return [_TablePiece(shared, lo, min(lo + TABLE_PIECE, len(all_rows)))
            for lo in range(0, len(all_rows), TABLE_PIECE)]


def _columns(lang: Lang, wide: bool) -> list[tuple[str, dict[str, Any]]]:
    """The results table's columns: header and rich layout, for the table and the row
    writer alike."""
    from ocop_rate.models.rubric import PART_ORDER

    out: list[tuple[str, dict[str, Any]]] = [
        (word("product", lang), {"overflow": "fold", "ratio": 3, "min_width": 12})]
    if wide:
        out.append((word("product_set", lang), {"overflow": "fold", "ratio": 2,
                                                "min_width": 10}))
        out += [(part, {"justify": "right", "no_wrap": True, "min_width": 5})
                for part in PART_ORDER]
    out += [(word("total", lang), {"justify": "right", "no_wrap": True, "min_width": 6}),
            (word("class", lang), {"min_width": 5}),
            (word("outcome", lang), {"overflow": "fold", "min_width": 9, "max_width": 16})]
    return out


def _cells(row: Row, lang: Lang, wide: bool) -> list[RichText]:
    """One product's cells, in the order of :func:`_columns`."""
    from ocop_rate.models.rubric import PART_ORDER
    from ocop_rate.report.rows import fmt

    name = RichText(row.product_id, style="bold")
    if row.product_name:
        name.append("\n" + row.product_name, style="")
    if not wide and row.rubric_name:
        name.append("\n" + row.rubric_name, style="dim")
    stars = RichText(star_label(row.stars, lang) if row.errors == [] else "",
                     style=STAR_STYLE.get(row.stars or 1, ""))
    if wide and not row.errors:
        stars = RichText(f"{star_glyphs(row.stars)} ", style=STAR_STYLE.get(
            row.stars or 1, "")).append(stars)
    cells = [name]
    if wide:
        cells += [RichText(row.rubric_name or row.rubric),
                  *[RichText(fmt(row.parts[p])) for p in PART_ORDER]]
    cells += [RichText(fmt(row.total), style="bold"), stars, outcome_text(row, lang)]
    return cells


def _results_table(all_rows: list[Row], lang: Lang, title: str | None, wide: bool,
                   widths: list[int] | None = None) -> Table:
    """The results table; with ``widths`` (padding included, as rich measures them) every
    column is that wide, whatever its rows hold (a piece of a longer table)."""
    table = Table(title=title, show_lines=True, header_style="bold")
    fixed = iter(widths or [])
    for header, layout in _columns(lang, wide):
        layout = dict(layout)
        if widths is not None:
            for key in ("ratio", "min_width", "max_width"):
                layout.pop(key, None)
            layout["width"] = next(fixed) - 2  # padding (0, 1): one space each side
        table.add_column(header, **layout)
    for row in all_rows:
        table.add_row(*_cells(row, lang, wide))
    return table


def _written_rows(console: Console, rows_: list[Row], lang: Lang, wide: bool,
                  widths: list[int], last: bool) -> RenderResult:
    """Rows of a long table's later pieces, drawn as rich draws a table's body (each cell
    wrapped by rich's own ``Text.wrap`` to its column, padded one space each side, rows
    between lines), without building a table: laying out a rich table costs about 1.5 ms a
    row, this a fifth of it. tests/test_table_pieces.py holds it to the bytes of one table."""
    from rich.cells import set_cell_size
    from rich.segment import Segment

    layouts = [layout for _, layout in _columns(lang, wide)]
    inner = [w - 2 for w in widths]
    between = Segment("├" + "┼".join("─" * w for w in widths) + "┤")
    bottom = Segment("└" + "┴".join("─" * w for w in widths) + "┘")
    plain = console.color_system is None  # a file or a pipe: one segment per line
    bar, space = Segment("│"), Segment(" ")
    for index, row in enumerate(rows_):
        columns = []
        for cell, layout, width in zip(_cells(row, lang, wide), layouts, inner, strict=True):
            lines = cell.wrap(console, width, justify=layout.get("justify", "left"),
                              overflow=layout.get("overflow", "ellipsis"),
                              no_wrap=layout.get("no_wrap", False))
            columns.append(lines)
        height = max(len(c) for c in columns)
        for n in range(height):
            if plain:
                yield Segment("│" + "│".join(
                    f" {set_cell_size(lines[n].plain if n < len(lines) else '', width)} "
                    for lines, width in zip(columns, inner, strict=True)) + "│")
                yield Segment.line()
                continue
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
        if index < len(rows_) - 1 or not last:
            yield between
            yield Segment.line()
    if last:
        yield bottom
        yield Segment.line()



def stacked(all_rows: list[Row], lang: Lang) -> list[RenderableType]:
    """One block per product: id and name, the product set, then the figures."""
    from ocop_rate.models.rubric import PART_ORDER
    from ocop_rate.report.rows import fmt

    out: list[RenderableType] = []
    for row in all_rows:
        block = RichText("\n")
        block.append(row.product_id, style="bold")
        if row.product_name:
            block.append(f"  {row.product_name}")
        if row.rubric_name:
            block.append(f"\n  {row.rubric_name}", style="dim")
        block.append("\n  ")
        if not row.errors:
            block.append(" · ".join(f"{p} {fmt(row.parts[p])}" for p in PART_ORDER
                                    if row.parts[p] is not None) + " · ")
            block.append(f"{word('total', lang)} {fmt(row.total)}", style="bold")
            block.append(" · ")
            block.append(star_label(row.stars, lang), style=STAR_STYLE.get(row.stars or 1, ""))
            block.append(" · ")
        block.append(outcome_text(row, lang))
        out.append(block)
    return out
