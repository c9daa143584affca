"""A round's HTML report: the loose-file report with the round in front — its header, who
scored what, its problems and notes. Everything read from files is escaped."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult
from ocop_rate.models.round import RoundReport
from ocop_rate.models.rubric import Rubric
from ocop_rate.models.summary import Summary
from ocop_rate.report import round_lines
from ocop_rate.report.shown import Detail


def section(report: RoundReport, lang: Lang) -> str:
    title, line = round_lines.header(report, lang)
    names = round_lines.members(report)
    head = "".join(f"<th>{escape(h)}</th>" for h in [
        text("round.view.member", lang) + " →", *names, text("round.view.quorum", lang)])
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                   for row in round_lines.matrix_rows(report, lang))
    out = [f'<section class="round"><h2>{escape(title)}</h2><p>{escape(line)}</p>',
           f"<h3>{escape(text('round.view.matrix', lang))}</h3>",
           f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>",
           f"<p>{escape(text('round.view.legend', lang))}</p>"]
    for name, block in (("deadlines", round_lines.deadline_lines(report, lang)),
                        ("written", round_lines.written_lines(report, lang))):
        if block:
            out.append(f'<h3 class="{name}">{escape(block[0])}</h3><ul class="{name}">'
                       + "".join(f"<li>{escape(w)}</li>" for w in block[1:]) + "</ul>")
    items = [p.text(lang) for p in report.problems] + round_lines.notes(report, lang)
    if items:
        out.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
    out.append(f"<p><strong>{escape(round_lines.summary(report, lang))}</strong></p>"
               "</section>")
    return "".join(out)


def render_html(report: RoundReport, result: BatchResult, lang: Lang,
                rubrics: Mapping[str, Rubric], summary: Summary, detail: Detail) -> str:
    """The results page (with ``summary``, the batch's counts) and the round in front."""
    from ocop_rate.report import html_report

    page = html_report.render(result, lang, summary, rubrics, detail=detail)
    return page.replace("<main>", "<main>" + section(report, lang), 1)
