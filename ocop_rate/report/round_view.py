"""A rated round on the terminal: header, who scored what, notes (the results between them
are the batch's: :func:`ocop_rate.views.round.terminal`). Markdown and DOCX minutes are
drawn from :func:`ocop_rate.views.round.document`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.round import RoundReport
from ocop_rate.report import round_lines

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.table import Table


def matrix_table(report: RoundReport, lang: Lang, only_incomplete: bool = False
                 ) -> RenderableType:
    """Who scored what, members across: headed by their names where the screen holds
    them whole, else by their numbers under a legend line (a name cut or folded to fit,
    ``Ngu…`` or ``Nguy/ễn``, reads as nobody)."""
    return _Matrix(report, lang, only_incomplete)


class _Matrix:
    def __init__(self, report: RoundReport, lang: Lang, only_incomplete: bool) -> None:
        self.report, self.lang, self.only_incomplete = report, lang, only_incomplete

    def table(self, numbered: bool) -> Table:
        from rich.table import Table

        lang = self.lang
        table = Table(title=text("round.view.matrix", lang), header_style="bold")
        table.add_column(text("round.view.member", lang) + " →", no_wrap=True)
        for n, name in enumerate(round_lines.members(self.report), 1):
            table.add_column(str(n) if numbered else name, justify="center")
        table.add_column(text("round.view.quorum", lang), justify="right", no_wrap=True)
        for row in round_lines.matrix_rows(self.report, lang, self.only_incomplete):
            table.add_row(*row, style="red" if row[-1].endswith("✗") else None)
        return table

    def narrowest(self) -> int:
        """The width the named table needs so that no name is cut inside a word: each
        member's column as wide as the longest word of the name or a cell, the first and
        last columns whole, plus padding and rules. (Rich's own measure says less than its
        layout then gives, which shortens names with "…".)"""
        from rich.cells import cell_len

        names = round_lines.members(self.report)
        rows = round_lines.matrix_rows(self.report, self.lang, self.only_incomplete)
        heads = [text("round.view.member", self.lang) + " →", *names,
                 text("round.view.quorum", self.lang)]
        widths = []
        for j, head in enumerate(heads):
            cells = [row[j] for row in rows]
            whole = j in (0, len(heads) - 1)
            words = [head] if whole else head.split()
            widths.append(max(cell_len(w) for w in [*words, *cells]))
        return sum(widths) + 3 * len(widths) + 1

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        if self.narrowest() <= options.max_width:
            yield self.table(numbered=False)
            return
        names = round_lines.members(self.report)
        yield Text(f"{text('round.view.member', self.lang)}: " + " · ".join(
            f"{n} {name}" for n, name in enumerate(names, 1)))
        yield self.table(numbered=True)


def head_view(report: RoundReport, lang: Lang, full_matrix: bool = True
              ) -> list[RenderableType]:
    """The round's title, its line, who scored what (all products, or only those not
    scored by everyone), and every problem of the round."""
    from rich.text import Text

    title, line = round_lines.header(report, lang)
    out: list[RenderableType] = [Text(title, style="bold"), Text(line)]
    incomplete = round_lines.matrix_rows(report, lang, only_incomplete=True)
    if full_matrix or incomplete:
        out += [matrix_table(report, lang, only_incomplete=not full_matrix),
                Text(text("round.view.legend", lang), style="dim")]
    if report.problems:
        out.append(Text(text("round.view.problems", lang), style="bold red"))
        out += [Text(f"✗ {p.text(lang)}", style="red") for p in report.problems]
    out += [Text(f"✗ {p.text(lang)}", style="red") for e in report.entries
            for p in e.problems if p.message_id == "round.below_quorum"]
    deadlines = round_lines.deadline_lines(report, lang)
    if deadlines:
        late = len(deadlines) > 1
        out.append(Text(deadlines[0], style="bold red" if late else "bold"))
        out += [Text(f"✗ {line}", style="red") for line in deadlines[1:]]
    return out + written_view(report, lang)


def written_view(report: RoundReport, lang: Lang) -> list[RenderableType]:
    """A written-opinion round's rule and outcome: the title in bold, the outcome in
    green (stands) or yellow (a meeting or answers still needed)."""
    from rich.text import Text

    lines = round_lines.written_lines(report, lang)
    if not lines or report.written is None:
        return []
    colour = "green" if report.written.state == "stands" else "yellow"
    rule, *outcome = lines[1:]
    return [Text(lines[0], style="bold"), Text(rule),
            *[Text(line, style=colour if i == 0 else "") for i, line in enumerate(outcome)]]


def tail_view(report: RoundReport, lang: Lang) -> list[RenderableType]:
    from rich.text import Text

    out: list[RenderableType] = [Text(f"• {n}") for n in round_lines.notes(report, lang)]
    return [*out, Text(round_lines.summary(report, lang), style="bold")]

