"""The results table for a terminal, a file or a pipe: its columns and cells, the stacked
layout of a narrow screen, and a long table drawn in pieces (rich lays out the first; a row
writer draws the rest with the whole table's widths, so memory stays flat)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.text import Text as RichText

from ocop_rate.messages import text
from ocop_rate.report.labels import star_glyphs, star_label, word
from ocop_rate.report.table_writer import Plain, TableShape, body

if TYPE_CHECKING:
    from ocop_rate.models.common import Lang
    from ocop_rate.report.rows import Row

STAR_STYLE = {5: "bold yellow", 4: "yellow", 3: "green", 2: "red", 1: "red"}
OUTCOME_STYLE = {"recognised": "green", "proposed-5-star": "bold yellow",
                 "not-recognised": "red", "rejected": "bold red", "not-rated": "bold red"}


Spans = list[tuple[str, str]]
"""A cell as text and style: the first piece's style is the whole cell's, each later piece
is appended with its own (as ``Text(first, style=…).append(…)``)."""


def outcome_text(row: Row, lang: Lang) -> RichText:
    """The outcome in words; a product rated without its rejection facts is marked ``*``
    (the legend under the table says what was not checked)."""
    return _styled(_outcome_spans(row, lang))


def _outcome_spans(row: Row, lang: Lang) -> Spans:
    said = [(text(f"outcome.{row.outcome}", lang), OUTCOME_STYLE.get(row.outcome, ""))]
    return [*said, ("*", "bold yellow")] if row.unchecked else said


def _styled(spans: Spans) -> RichText:
    (first, style), *rest = spans
    out = RichText(first, style=style)
    for piece, piece_style in rest:
        out.append(piece, style=piece_style)
    return out


TABLE_PIECE = 500
"""Rows per piece of a longer results table: each piece is drawn and written on its own
(with the whole table's column widths), so a 100,000-product table is never one rich
table rendered in memory, and a pipe or file receives rows as they are drawn."""


@dataclass
class _Pieces:
    """What the pieces of one table share: its rows and, once the first piece is drawn,
    the column widths rich gives the whole table on that console."""

    rows: list[Row]
    lang: Lang
    shape: TableShape
    wide: bool
    widths: list[int] | None = None

    def column_widths(self, console: Console, options: ConsoleOptions) -> list[int]:
        if self.widths is None:
            self.widths = self.shape.widths(console, options, (
                plain_cells(row, self.lang, self.wide) for row in self.rows))
        return self.widths


@dataclass
class _TablePiece:
    """Rows ``lo``..``hi`` of the table: the first piece starts with rich's title, top
    edge and header, the last ends with the bottom edge, so the pieces printed one after
    another are the whole table, line for line (tests/test_table_pieces.py)."""

    shared: _Pieces
    lo: int
    hi: int

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        shared = self.shared
        first, last = self.lo == 0, self.hi == len(shared.rows)
        widths = shared.column_widths(console, options)
        if first:
            yield from shared.shape.head(console, options, widths)
        drawn = plain_cells if console.color_system is None else cells
        yield from body(console, shared.shape, widths,
                        (drawn(row, shared.lang, shared.wide)
                         for row in shared.rows[self.lo:self.hi]), first=first, last=last)


def is_piece(block: object) -> bool:
    """Whether ``block`` is a piece of a results table (its lines are the table's width,
    so a file may receive its segments as they are)."""
    return isinstance(block, _TablePiece)


def results_pieces(all_rows: list[Row], lang: Lang, title: str, wide: bool
                    ) -> list[RenderableType]:
    """The results table, in pieces of :data:`TABLE_PIECE` rows."""
    shared = _Pieces(all_rows, lang, results_shape(lang, title, wide), wide)
    return [_TablePiece(shared, lo, min(lo + TABLE_PIECE, len(all_rows)))
            for lo in range(0, max(len(all_rows), 1), TABLE_PIECE)]


def results_shape(lang: Lang, title: str | None, wide: bool) -> TableShape:
    """The results table's columns, title and lines between products."""
    return TableShape(_columns(lang, wide), title, show_lines=True)


def _columns(lang: Lang, wide: bool) -> list[tuple[str, dict[str, Any]]]:
    """The results table's columns: header and rich layout."""
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


def cells(row: Row, lang: Lang, wide: bool) -> list[RichText]:
    """One product's cells, in the order of :func:`_columns`, styled for a terminal."""
    return [_styled(spans) for spans in _cell_spans(row, lang, wide)]


def plain_cells(row: Row, lang: Lang, wide: bool) -> list[Plain]:
    """The same cells as text only, for a file or a pipe (and for measuring)."""
    return [Plain("".join(piece for piece, _ in spans))
            for spans in _cell_spans(row, lang, wide)]


def _cell_spans(row: Row, lang: Lang, wide: bool) -> list[Spans]:
    from ocop_rate.models.rubric import PART_ORDER
    from ocop_rate.report.rows import fmt

    name = [(row.product_id, "bold")]
    if row.product_name:
        name.append(("\n" + row.product_name, ""))
    if not wide and row.rubric_name:
        name.append(("\n" + row.rubric_name, "dim"))
    style = STAR_STYLE.get(row.stars or 1, "")
    label = star_label(row.stars, lang) if row.errors == [] else ""
    stars = [(f"{star_glyphs(row.stars)} ", style), (label, style)] \
        if wide and not row.errors else [(label, style)]
    out = [name]
    if wide:
        out += [[(row.rubric_name or row.rubric, "")],
                *[[(fmt(row.parts[p], lang), "")] for p in PART_ORDER]]
    return [*out, [(fmt(row.total, lang), "bold")], stars, _outcome_spans(row, lang)]


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
            block.append(" · ".join(f"{p} {fmt(row.parts[p], lang)}" for p in PART_ORDER
                                    if row.parts[p] is not None) + " · ")
            block.append(f"{word('total', lang)} {fmt(row.total, lang)}", style="bold")
            block.append(" · ")
            block.append(star_label(row.stars, lang), style=STAR_STYLE.get(row.stars or 1, ""))
            block.append(" · ")
        block.append(outcome_text(row, lang))
        out.append(block)
    return out
