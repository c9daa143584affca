"""The results table for a terminal, a file or a pipe: its columns and cells (laid out by
rich's own table), the stacked layout of a narrow screen, and plain rows for a file
(:mod:`~ocop_rate.report.plain_table`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.text import Text as RichText

from ocop_rate.messages import text
from ocop_rate.report.labels import star_glyphs, star_label, word

if TYPE_CHECKING:
    from rich.table import Table

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


def outcome_words(row: Row, lang: Lang) -> str:
    """The outcome as text only (a file's table)."""
    return "".join(piece for piece, _ in _outcome_spans(row, lang))


def _outcome_spans(row: Row, lang: Lang) -> Spans:
    said = [(text(f"outcome.{row.outcome}", lang), OUTCOME_STYLE.get(row.outcome, ""))]
    return [*said, ("*", "bold yellow")] if row.unchecked else said


def _styled(spans: Spans) -> RichText:
    (first, style), *rest = spans
    out = RichText(first, style=style)
    for piece, piece_style in rest:
        out.append(piece, style=piece_style)
    return out


Column = tuple[str, dict[str, Any]]
"""A column's header and its rich layout (``Table.add_column`` keywords)."""


@dataclass(frozen=True)
class TableShape:
    """What a table is, apart from its rows: columns, title, lines between rows."""

    columns: Sequence[Column]
    title: str | None = None
    show_lines: bool = False

    def table(self, rows: Sequence[Sequence[RichText]] = ()) -> Table:
        """Rich's table of ``rows`` (text cells: no markup is read in them)."""
        from rich.table import Table

        table = Table(title=self.title, show_lines=self.show_lines, header_style="bold")
        for header, layout in self.columns:
            table.add_column(header, **layout)
        for row in rows:
            table.add_row(*row)
        return table


@dataclass
class ResultsTable:
    """The results table: rich's own table on a screen or in a pipe (what people read), and
    in a file (``rate BIG.csv -o t.txt``) plain rows written directly by
    :func:`~ocop_rate.report.plain_table.plain_table`, so a national-scale file is not laid
    out by rich row by row."""

    rows: list[Row]
    lang: Lang
    title: str
    wide: bool

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield results_shape(self.lang, self.title, self.wide).table(
            [cells(row, self.lang, self.wide) for row in self.rows])

    def plain_lines(self, width: int) -> Iterator[str]:
        """The table as plain text lines at most ``width`` cells wide (an id longer than
        the line is never split: it stands whole on a line of its own)."""
        from ocop_rate.report.plain_table import plain_table

        return plain_table(self.rows, self.lang, self.title, width, self.wide, outcome_words)


def results_shape(lang: Lang, title: str | None, wide: bool) -> TableShape:
    """The results table's columns, title and lines between products."""
    return TableShape(_columns(lang, wide), title, show_lines=True)


def _columns(lang: Lang, wide: bool) -> list[Column]:
    """The results table's columns: header and rich layout."""
    from ocop_rate.models.rubric import PART_ORDER

    out: list[Column] = [
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
