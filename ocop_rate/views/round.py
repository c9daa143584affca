"""A rated council round (``rate ROUND/``, ``round status``): its document, and its drawing
in every format a batch has (:mod:`ocop_rate.views.batch`), the round in front of the
results. What the terminal shows — the header, who scored what, the round's problems, the
results, the products to discuss again, the notes — the Markdown and DOCX minutes carry too:
both are drawn from :func:`document`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.document import Block, Document, Notes, Paragraph, Section, Table
from ocop_rate.models.rating import BatchResult
from ocop_rate.models.round import RoundReport
from ocop_rate.report import round_lines
from ocop_rate.views import batch
from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import RenderableType

Rated = tuple[RoundReport, BatchResult]
"""A round as rated: the round's own report and the products' results."""


def problems(report: RoundReport, lang: Lang) -> list[str]:
    """The round's problems, then each product below quorum: as the terminal lists them."""
    return [p.text(lang) for p in report.problems] + [
        p.text(lang) for e in report.entries for p in e.problems
        if p.message_id == "round.below_quorum"]


def document(report: RoundReport, result: BatchResult, lang: Lang) -> Document:
    """The round for minutes: header, who scored what, problems, results, products to
    discuss again, notes, and the closing count."""
    title, _ = round_lines.header(report, lang)
    return Document(title, [*front(report, lang), batch.results_section(result, lang),
                            closing(report, lang)])


def front(report: RoundReport, lang: Lang) -> list[Section]:
    """What the round adds in front of its results: its header line, who scored what (with
    the legend), its deadlines and written opinions, its problems."""
    _, line = round_lines.header(report, lang)
    names = round_lines.members(report)
    centred: tuple[str, ...] = ("center",) * len(names)
    matrix = Table((text("round.view.member", lang) + " →", *names,
                    text("round.view.quorum", lang)),
                   [tuple(row) for row in round_lines.matrix_rows(report, lang)],
                   ("left", *centred, "right"))
    sections = [Section([Paragraph(line)]),
                Section([matrix, Paragraph(text("round.view.legend", lang))],
                        text("round.view.matrix", lang))]
    for block in (round_lines.deadline_lines(report, lang),
                  round_lines.written_lines(report, lang)):
        if block:  # a heading, then its lines
            sections.append(Section([Notes([("", w) for w in block[1:]])], block[0]))
    said = problems(report, lang)
    if said:
        sections.append(Section([Notes([("", p) for p in said])],
                                text("round.view.problems", lang)))
    return sections


def closing(report: RoundReport, lang: Lang) -> Section:
    """The round's notes and its closing count."""
    return Section([Notes([("", n) for n in round_lines.notes(report, lang)]),
                    Paragraph(round_lines.summary(report, lang), strong=True)])


# --- the formats (views.registry.SUBJECTS["round"] and ["round-status"]) --------------------

def screen_head(report: RoundReport, lang: Lang, full_matrix: bool) -> Document:
    """What a terminal shows over the results: the round's title and line, who scored
    what (every product, or only those not scored by everyone; members numbered under a
    legend line where their names do not fit whole), the round's problems and products
    below quorum (``✗``), the deadlines checked and a written round's rule and outcome."""
    title, line = round_lines.header(report, lang)
    blocks: list[Block] = [Paragraph(line)]
    rows = round_lines.matrix_rows(report, lang, only_incomplete=not full_matrix)
    if full_matrix or rows:
        names = round_lines.members(report)
        blocks += [Table((text("round.view.member", lang) + " →", *names,
                          text("round.view.quorum", lang)), [tuple(r) for r in rows],
                         ("left", *("center" for _ in names), "right"),
                         keys=1, title=text("round.view.matrix", lang),
                         numbered=text("round.view.member", lang)),
                   Paragraph(text("round.view.legend", lang))]
    if report.problems:
        blocks.append(Paragraph(text("round.view.problems", lang), strong=True))
    blocks.append(Notes([("", said) for said in problems(report, lang)], mark="✗"))
    deadlines = round_lines.deadline_lines(report, lang)
    if deadlines:
        blocks += [Paragraph(deadlines[0], strong=True),
                   Notes([("", late) for late in deadlines[1:]], mark="✗")]
    written = round_lines.written_lines(report, lang)
    if written and report.written is not None:
        blocks += [Paragraph(written[0], strong=True), *map(Paragraph, written[1:])]
    return Document(title, [Section(blocks)], lang=lang)


def terminal(rated: Rated, asked: Asked) -> Iterator[RenderableType]:
    """The round's head (:func:`screen_head`), the batch's results, the notes and the
    closing count."""
    from rich.text import Text

    from ocop_rate.render.terminal import draw

    report, result = rated
    yield from draw(screen_head(report, asked.lang, full_matrix=False))
    yield Text("")
    yield from batch.terminal(result, asked)
    yield Text("")
    yield from draw(Document("", [Section([
        Notes([("", n) for n in round_lines.notes(report, asked.lang)]),
        Paragraph(round_lines.summary(report, asked.lang), strong=True)])]))


def json(rated: Rated, asked: Asked) -> str:
    """The CONTRACT array: one object per listed product, the round's fields beside; one
    product a line, as a batch's results."""
    from ocop_rate.render.json import lines
    from ocop_rate.report import round_json

    report, result = rated
    return lines(Document(report.name, data=round_json.products(report, result, asked.lang)))


def csv(rated: Rated, asked: Asked) -> str:
    from ocop_rate.report import round_csv

    return round_csv.render(*rated, asked.lang)


def markdown(rated: Rated, asked: Asked) -> str:
    from ocop_rate.render.markdown import draw

    return draw(document(*rated, asked.lang))


def html(rated: Rated, asked: Asked) -> str:
    """The batch's page with the round in front (drawn from the round's Document)."""
    from ocop_rate.engine import rating_at
    from ocop_rate.render.html import part
    from ocop_rate.report import html_report
    from ocop_rate.summary import summarise

    report, result = rated
    title, _ = round_lines.header(report, asked.lang)
    shown = Document(title, [*front(report, asked.lang), closing(report, asked.lang)],
                     lang=asked.lang)
    page = html_report.render(result, asked.lang, summarise(result), asked.rubrics,
                              detail=rating_at)
    return page.replace("<main>", "<main>" + part(shown, "round"), 1)


ROUND_SHEET = "Đợt đánh giá"
"""The round's sheet, in front of the results' (named so in either language: scripts find
it by name)."""


def workbook(report: RoundReport, result: BatchResult, lang: Lang) -> Document:
    """The results workbook (:mod:`ocop_rate.views.workbook`) with the round in front: a
    sheet of its header, deadlines, written opinions, problems and notes, a line each, under
    the round's title; then who scored what."""
    from ocop_rate.views.workbook import tables

    title, line = round_lines.header(report, lang)
    lines = [line, *round_lines.deadline_lines(report, lang),
             *round_lines.written_lines(report, lang),
             *(p.text(lang) for p in report.problems), *round_lines.notes(report, lang)]
    front = Table((title,), [(said,) for said in lines], name=ROUND_SHEET)
    matrix = Table((text("round.view.member", lang) + " →", *round_lines.members(report),
                    text("round.view.quorum", lang)),
                   [tuple(row) for row in round_lines.matrix_rows(report, lang)],
                   name=text("round.view.matrix", lang), keys=1)
    return Document(title, [Section([front, matrix, *tables(result, lang)])], lang=lang)


def xlsx(rated: Rated, asked: Asked) -> bytes:
    from ocop_rate.render.xlsx import draw

    return draw(workbook(*rated, asked.lang))


def _day(report: RoundReport, asked: Asked) -> Asked:
    """Sheets and minutes carry the round's date unless ``--date`` says another (a round
    without a date: today)."""
    if asked.day is not None:
        return asked
    import datetime as dt

    return asked._replace(day=report.date or dt.date.today())


def docx(rated: Rated, asked: Asked) -> bytes:
    """The minutes' draft (with the round as the council read it), then the results list."""
    from ocop_rate.report import docx_report
    from ocop_rate.views.product import detailed

    report, result = rated
    return docx_report.render(detailed(result), asked.lang, _day(report, asked).day,
                              document(report, result, asked.lang))


def sheets(rated: Rated, asked: Asked) -> str:
    report, result = rated
    return batch.sheets(result, _day(report, asked))


def results(rated: Rated, asked: Asked) -> str:
    report, result = rated
    return batch.results(result, _day(report, asked))


def status_table(rated: Rated, asked: Asked) -> list[RenderableType]:
    """``round status``: who scored what (every product), quorum, the round's problems."""
    from ocop_rate.render.terminal import draw

    return draw(screen_head(rated[0], asked.lang, full_matrix=True))


def status_json(rated: Rated, asked: Asked) -> str:
    from ocop_rate.render.json import draw
    from ocop_rate.report import round_json

    return draw(Document(rated[0].name, data=round_json.status(rated[0], asked.lang)))
