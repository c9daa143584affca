"""A rated round on the terminal and in Markdown: header, who scored what, results, notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult
from ocop_rate.models.round import RoundReport
from ocop_rate.report import round_lines

if TYPE_CHECKING:
    from rich.console import RenderableType


def matrix_table(report: RoundReport, lang: Lang, only_incomplete: bool = False
                 ) -> RenderableType:
    from rich.table import Table

    table = Table(title=text("round.view.matrix", lang), header_style="bold")
    table.add_column(text("round.view.member", lang) + " →", no_wrap=True)
    for name in round_lines.members(report):
        table.add_column(name, justify="center")
    table.add_column(text("round.view.quorum", lang), justify="right", no_wrap=True)
    for row in round_lines.matrix_rows(report, lang, only_incomplete):
        table.add_row(*row, style="red" if row[-1].endswith("✗") else None)
    return table


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


def markdown(report: RoundReport, result: BatchResult, lang: Lang) -> str:
    """The round for minutes: header, who scored what, the results table, the notes."""
    from ocop_rate.report import markdown_report
    from ocop_rate.report.markdown_report import cell

    title, line = round_lines.header(report, lang)
    names = round_lines.members(report)
    out = [f"## {cell(title)}", "", cell(line), "", f"### {text('round.view.matrix', lang)}",
           "", "| " + " | ".join(cell(h) for h in [
               text("round.view.member", lang) + " →", *names,
               text("round.view.quorum", lang)]) + " |",
           "| --- | " + " | ".join(":---:" for _ in names) + " | ---: |"]
    out += ["| " + " | ".join(cell(c) for c in row) + " |"
            for row in round_lines.matrix_rows(report, lang)]
    out += ["", cell(text("round.view.legend", lang)), ""]
    for block in (round_lines.deadline_lines(report, lang),
                  round_lines.written_lines(report, lang)):
        if block:
            out += [f"### {cell(block[0])}", ""] + [f"- {cell(w)}" for w in block[1:]] + [""]
    if report.problems:
        out += [f"### {text('round.view.problems', lang)}", ""]
        out += [f"- {cell(p.text(lang))}" for p in report.problems] + [""]
    out.append(markdown_report.render(result, lang))
    notes = round_lines.notes(report, lang)
    if notes:
        out += [f"- {cell(n)}" for n in notes] + [""]
    out.append(f"**{cell(round_lines.summary(report, lang))}**\n")
    return "\n".join(out)
