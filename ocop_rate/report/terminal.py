"""Rich renderings for the terminal: the batch table, rubric lists and sheets.

The only place that knows rich. Colour is decoration: every verdict is also in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text as RichText

from ocop_rate.messages import text
from ocop_rate.report.labels import (
    citation,
    group_name,
    number,
    problem_line,
    problem_text,
    star_glyphs,
    star_label,
    word,
)

if TYPE_CHECKING:
    # `rubrics list` and `validate` need neither
    from ocop_rate.checks.diff import DiffReport
    from ocop_rate.checks.golden import GoldenCase, GoldenReport
    from ocop_rate.checks.lints import LintReport
    from ocop_rate.models.common import Lang
    from ocop_rate.models.rating import BatchResult
    from ocop_rate.models.rubric import Rubric
    from ocop_rate.report.rows import Row  # rows and models load with the batch views:

STAR_STYLE = {5: "bold yellow", 4: "yellow", 3: "green", 2: "red", 1: "red"}
OUTCOME_STYLE = {"recognised": "green", "proposed-5-star": "bold yellow",
                 "not-recognised": "red", "rejected": "bold red"}


WIDE = 110
"""From this width the table shows the product set and the parts A, B, C in columns."""
STACKED = 60
"""Below this width each product is a block of lines instead of a table row."""
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
        [RichText(title, style="bold"), *_stacked(all_rows, lang)] if width < STACKED
        else _results_pieces(all_rows, lang, title, wide=width >= WIDE))
    parts: list[RenderableType] = [*body, RichText(summary_line(result, lang), style="bold")]
    unchecked = sum(1 for row in all_rows if row.unchecked)
    if unchecked:
        parts.append(RichText(f"* {text('outcome.unchecked', lang)}: {unchecked} "
                              f"{word('products', lang)}", style="yellow"))
    if problems:
        parts.append(RichText(""))
        parts += problems
    return parts


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


def _results_pieces(all_rows: list[Row], lang: Lang, title: str, wide: bool
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


def _stacked(all_rows: list[Row], lang: Lang) -> list[RenderableType]:
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


def rubric_list_view(entries: list[dict[str, object]], lang: Lang) -> Table:
    table = Table(header_style="bold")
    for key in ("id", "group", "product_set", "decision", "criteria", "in_force"):
        table.add_column(word(key, lang), overflow="fold", no_wrap=key == "id")
    for e in entries:
        doubt = f" ({word('unconfirmed', lang)})" if e.get("rubric_unconfirmed") else ""
        table.add_row(str(e["id"]), group_name(str(e["product_group"]), lang),
                      str(e["product_set"]),
                      f"{e['decision']}{doubt}", str(e["criteria"]),
                      word("yes" if e["in_force"] else "no", lang))
    return table


def rubric_sheet_view(rubric: Rubric, lang: Lang) -> RenderableType:
    """The sheet as the council sees it: parts, criteria, options with points and marks."""
    head = RichText(f"{rubric.name.get(lang)}\n", style="bold")
    head.append(f"{rubric.id} · {citation(rubric.source.render(), lang)}", style="dim")
    table = Table(header_style="bold", show_lines=True)
    table.add_column(word("criterion", lang), overflow="fold", ratio=2)
    table.add_column(word("options", lang), overflow="fold", ratio=5)
    table.add_column(word("max", lang), justify="right", no_wrap=True)
    for part in rubric.parts:
        table.add_row(RichText(f"{word('part', lang)} {part.id}: {part.name.get(lang)}",
                               style="bold"), "", f"{part.max_points:g}")
        for crit in (c for c in rubric.criteria if c.part == part.id):
            options = RichText()
            case: str | None = None
            for opt in crit.options:
                if opt.case is not None and opt.case.get(lang) != case:
                    case = opt.case.get(lang)
                    options.append(f"{case}\n", style="italic")
                mark = f"  [{'*' * opt.min_star}]" if opt.min_star else ""
                options.append(f"{opt.code}) {opt.label.get(lang)} — {opt.points:g}{mark}\n")
            label = RichText(f"{crit.id}  {crit.name.get(lang)}")
            if crit.unconfirmed:
                label.append(f" ({word('unconfirmed', lang)})", style="yellow")
            if crit.note is not None:
                label.append(f"\n{crit.note.get(lang)}", style="dim")
            table.add_row(label, options, f"{crit.max_points:g}")
    legend = RichText(
        "*** / **** / *****: "
        + word("mark_legend", lang), style="dim")
    gates = [RichText(f"⛔ {g.reason.get(lang)}", style="red") for g in rubric.gates]
    return Group(head, table, legend, *gates)


# -- rubric checks (validate, diff, check) --------------------------------------------------

def lint_view(report: LintReport, lang: Lang) -> list[RenderableType]:
    """One line per finding (``file:line:col: severity [lint] message``), then a summary.

    Lines, not a table, so that editors and terminals can follow the locations."""
    out: list[RenderableType] = []
    for f in report.findings:
        fails = report.fails(f)
        sev = word("error_sev" if f.severity == "error" else "warning_sev", lang)
        if f.accepted is not None:
            sev = word("accepted_sev", lang)
        where = f.location.render()
        line = RichText(f"{where}: " if where else "", style="bold")
        line.append(f"{sev} [{f.lint}] ", style="red" if fails else
                    "green" if f.accepted is not None else "yellow")
        line.append(f.text(lang))
        if f.accepted is not None:
            line.append(f" — {f.accepted.get(lang) or f.accepted.get('vi', '')}")
        out.append(line)
    summary = " · ".join(f"{word(key, lang)}: {n}" for key, n in (
        ("rubrics_checked", len(report.rubrics)), ("files", len(report.files)),
        ("errors", report.count("error")), ("warnings_n", report.count("warning")),
        ("accepted_n", report.accepted)))
    if not report.findings:
        summary = f"{word('no_findings', lang)} — {summary}"
    out.append(RichText(summary, style="bold green" if report.ok else "bold red"))
    return out


def diff_view(report: DiffReport, lang: Lang) -> list[RenderableType]:
    """Per product: total and stars before → after; then counts per class under BASE."""
    from ocop_rate.report.rows import fmt

    table = Table(title=f"{report.base} → {report.head}", header_style="bold")
    table.add_column(word("product", lang), overflow="fold", min_width=10, ratio=2)
    table.add_column(word("rubric", lang), overflow="fold", min_width=8, ratio=1)
    for key in ("before", "after"):
        table.add_column(f"{word('total', lang)} ({word(key, lang)})", justify="right",
                         min_width=6)
    table.add_column("Δ", justify="right", no_wrap=True, min_width=6)
    table.add_column(word("before", lang), min_width=5)
    table.add_column(word("after", lang), min_width=5)
    table.add_column(word("change", lang), min_width=5)
    moves = {"up": ("up", "green"), "down": ("down", "red"), "unchanged": ("unchanged", ""),
             "not-rated": ("not_rated", "bold red")}
    for p in report.products:
        key, style = moves[p.movement]
        delta = p.total_delta
        table.add_row(p.product_id, p.rubric or "", fmt(p.before.total), fmt(p.after.total),
                      "" if not delta else f"{delta:+.2f}",
                      star_label(p.before.stars, lang), star_label(p.after.stars, lang),
                      RichText(word(key, lang) + (" ✗" if report.trips(p) else ""),
                               style="bold red" if report.trips(p) else style))
    counts = Table(header_style="bold")
    counts.add_column(word("class_before", lang))
    for key in ("up", "down", "unchanged", "not_rated"):
        counts.add_column(word(key, lang), justify="right")
    for c in report.by_class():
        label = star_label(c.stars, lang) if c.stars else word("could_not_rate", lang)
        counts.add_row(label, str(c.up), str(c.down), str(c.unchanged), str(c.not_rated))
    out: list[RenderableType] = [table, counts]
    for p in report.products:
        for e in p.after.errors:
            out.append(RichText(f"✗ {p.product_id}: {problem_line(e, lang)}", style="red"))
    return out


def case_text(case: GoldenCase, tolerance: float, lang: Lang) -> str:
    """Why a golden case passed or not, in ``lang`` (``case.message`` is the English)."""
    e = case.expected
    if case.status == "error":
        return text("checks.case_error", lang,
                    problems="; ".join(problem_text(p, lang) for p in case.errors))
    if case.status in ("unexpected", "missing"):
        return text(f"checks.case_{case.status}", lang)
    if case.status == "mismatch" and e is not None:
        wrong = []
        if case.stars != e.stars:
            wrong.append(text("checks.case_stars", lang, stars=_golden_stars(case.stars),
                              expected=_golden_stars(e.stars)))
        if e.total is not None and case.total is not None \
                and abs(case.total - e.total) > tolerance + 1e-9:
            wrong.append(text("checks.case_total", lang, total=number(case.total, lang),
                              expected=number(e.total, lang), tolerance=tolerance))
        return "; ".join(wrong)
    return ""


def golden_view(report: GoldenReport, lang: Lang) -> list[RenderableType]:
    from ocop_rate.report.rows import fmt

    table = Table(title=report.expect, header_style="bold")
    table.add_column(word("product", lang), overflow="fold", min_width=10)
    table.add_column(word("expected", lang), min_width=6)
    table.add_column(word("actual", lang), min_width=6)
    table.add_column(word("status", lang), min_width=4)
    table.add_column(word("message", lang), overflow="fold", min_width=10)
    for c in report.cases:
        e = c.expected
        expected = "" if e is None else (star_label(e.stars, lang)
                                         + ("" if e.total is None else f" {e.total:.2f}"))
        actual = "" if c.stars is None else f"{star_label(c.stars, lang)} {fmt(c.total)}"
        table.add_row(c.product_id, expected, actual,
                      RichText(word(c.status, lang), style="green" if c.status == "pass"
                               else "bold red"), case_text(c, report.tolerance, lang))
    failed = len(report.cases) - report.count("pass")
    summary = RichText(f"{word('passed', lang)}: {report.count('pass')} · "
                       f"{word('failed', lang)}: {failed}",
                       style="bold green" if report.ok else "bold red")
    return [table, summary]


def _golden_stars(stars: int | None) -> str:
    """A golden file's stars as written there: a class, or ``rejected`` (no class)."""
    from ocop_rate.checks.golden import REJECTED

    return REJECTED if stars is None else str(stars)
