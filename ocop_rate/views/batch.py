"""A batch of ratings (``rate PATH…``): its document, and its drawing in each format the
registry lists for the subject ``batch``.

Each drawer takes the batch and :class:`~ocop_rate.views.registry.Asked`. JSON and CSV also
take a stream of pieces (:class:`Stream`), written as scored so memory stays flat.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.document import Block, Document, Notes, Paragraph, Section, Table
from ocop_rate.models.rating import BatchResult, Failure, RatingColumns
from ocop_rate.models.rubric import PART_ORDER
from ocop_rate.views.product import detailed, members_blocks
from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ocop_rate.report.rows import Row


@dataclass(frozen=True)
class Stream:
    """Products as ``pipeline.stream_paths`` yields them (JSON and CSV only)."""

    pieces: Iterable[Failure | tuple[RatingColumns, int] | RatingColumns]


def disagreements(result: BatchResult, lang: Lang) -> list[tuple[str, str]]:
    """``(product id, reason)`` for every reason to discuss a product again: the lines the
    terminal prints under the results table."""
    from ocop_rate.report.members_view import batch_disagreement_reasons

    return list(batch_disagreement_reasons(result, lang))


def results_section(result: BatchResult, lang: Lang) -> Section:
    """The results table, the counts by class, and under them the reasons a class is
    limited, the products that could not be rated, and the products to discuss again."""
    from ocop_rate.report.labels import outcome_words, star_glyphs, star_label, word
    from ocop_rate.report.rows import fmt, rows, summary_line

    head = (word("product", lang), word("product_set", lang), *PART_ORDER,
            word("total", lang), word("stars", lang), text("rules.outcome", lang),
            text("rules.authority_short", lang))
    body: list[tuple[str, ...]] = []
    reasons: list[tuple[str, str]] = []
    problems: list[tuple[str, str]] = []
    for row in rows(result, lang):
        reasons += [(row.product_id, g) for g in row.gates]
        if row.errors:
            stars = word("could_not_rate", lang)
            problems += [(row.product_id, e) for e in row.errors]
        elif row.stars is None:
            stars = "—"
        else:
            stars = f"{star_glyphs(row.stars)} {star_label(row.stars, lang)}"
        outcome = "" if row.errors else outcome_words(row.outcome, row.unchecked, lang)
        body.append((f"{row.product_id} {row.product_name}".strip(),
                     row.rubric_name or row.rubric,
                     *[fmt(row.parts[p], lang) for p in PART_ORDER], fmt(row.total, lang),
                     stars, outcome, row.note or ""))
    numbers: tuple[str, ...] = ("right",) * (len(PART_ORDER) + 1)
    align: tuple[str, ...] = ("left", "left", *numbers, "left", "left", "left")
    return Section([Table(head, body, align),
                    Paragraph(summary_line(result, lang), label=word("summary", lang)),
                    Notes(reasons, word("reasons", lang)), Notes(problems, word("error", lang)),
                    Notes(disagreements(result, lang), word("discuss", lang))])


def document(result: BatchResult, lang: Lang) -> Document:
    return Document("", [results_section(result, lang)])


# --- the formats (views.registry.SUBJECTS["batch"]) ------------------------------------------

WIDE = 110
"""From this width the table shows the product set and the parts A, B, C in columns."""
STACKED = 60
"""Below this width each product is a block of lines instead of a table row."""


def screen_document(result: BatchResult, all_rows: list[Row], lang: Lang, width: int
                    ) -> Document:
    """The results for a terminal ``width`` columns wide: a table (parts and the product
    set in columns from :data:`WIDE`, under the product's name below it), or one block per
    product below :data:`STACKED`; then the counts by class, the unchecked legend, and each
    product's errors (located, ``✗``), who recognises it (a sentence said of many products
    once, with their ids) and the reasons its class is limited."""
    from ocop_rate.report.labels import star_glyphs, star_label, word
    from ocop_rate.report.rows import fmt, summary_line

    wide, stacked = width >= WIDE, width < STACKED
    parts = PART_ORDER if wide or stacked else ()
    head = (word("product", lang), *((word("product_set", lang),) if wide else ()), *parts,
            word("total", lang), word("class", lang), word("outcome", lang))
    align = ("left", *(("left",) if wide else ()), *("right" for _ in parts), "right",
             "left", "left")
    body: list[tuple[str, ...]] = []
    for row in all_rows:
        rubric = row.rubric_name or row.rubric
        if stacked:
            name = "  ".join(s for s in (row.product_id, row.product_name) if s) \
                + (f"\n{row.rubric_name}" if row.rubric_name else "")
        else:
            name = "\n".join(s for s in (row.product_id, row.product_name,
                                         "" if wide else row.rubric_name) if s)
        label = "" if row.errors else star_label(row.stars, lang)
        if wide and label:
            label = f"{star_glyphs(row.stars)} {label}"
        figures = [fmt(None if row.errors else row.parts[p], lang) for p in parts]
        outcome = text(f"outcome.{row.outcome}", lang) + ("*" if row.unchecked else "")
        body.append((name, *((rubric,) if wide else ()), *figures,
                     "" if row.errors and stacked else fmt(row.total, lang), label, outcome))
    title = f"OCOP — {result.count} {word('products', lang)}"
    blocks: list[Block] = [Table(head, body, align, title=title, stacked=stacked),
                           Paragraph(summary_line(result, lang), strong=True)]
    unchecked = sum(1 for row in all_rows if row.unchecked)
    if unchecked:
        blocks.append(Paragraph(f"* {text('outcome.unchecked', lang)}: {unchecked} "
                                f"{word('products', lang)}"))
    said = _problems(all_rows)
    if said:
        blocks.append(Paragraph(""))
        blocks += said
    return Document("", [Section(blocks)], lang=lang)


def _problems(all_rows: list[Row]) -> list[Block]:
    """Each product's errors (``✗``), who recognises it (said once for every product the
    same sentence is of) and its gates, in the products' order, a list per kind of mark."""
    sharing: dict[str, list[str]] = {}  # a note -> the products it is said of
    for row in all_rows:
        if row.note:
            sharing.setdefault(row.note, []).append(row.product_id)
    lines: list[tuple[str, str, str]] = []  # mark, lead, what is said
    for row in all_rows:
        lines += [("✗", "", err) for err in row.errors]
        ids = sharing.get(row.note or "", [])
        if len(ids) == 1:
            lines.append(("•", row.product_id, row.note or ""))
        elif ids and ids[0] == row.product_id:  # said once, with every product it is of
            lines.append(("•", "", f"{row.note}: {', '.join(ids)}"))
        lines += [("•", row.product_id, gate) for gate in row.gates]
    out: list[Block] = []
    for mark, lead, said in lines:
        last = out[-1] if out else None
        if isinstance(last, Notes) and last.mark == mark:
            last.items.append((lead, said))
        else:
            out.append(Notes([(lead, said)], mark=mark))
    return out


def terminal(result: BatchResult, asked: Asked) -> Iterator[RenderableType]:
    """What the table view prints, block by block: members' sheets (``--members``), the
    results (:func:`screen_document`), then one line per disagreement, made as they are
    printed. Written to a file, the results table is plain rows
    (:class:`~ocop_rate.report.plain_table.PlainTable`): a national-scale file is not laid
    out by rich row by row."""
    from ocop_rate.render.terminal import Fitted, draw
    from ocop_rate.report.members_view import batch_disagreements
    from ocop_rate.report.plain_table import PlainTable
    from ocop_rate.report.rows import rows

    if asked.members:
        from ocop_rate.engine import rating_at

        yield from members_blocks(result, asked.lang, rating_at)
    all_rows = rows(result, asked.lang)
    for block in draw(screen_document(result, all_rows, asked.lang, asked.width)):
        yield PlainTable(block, all_rows, asked.lang, block.block.title, asked.width >= WIDE) \
            if isinstance(block, Fitted) else block
    lines = batch_disagreements(result, asked.lang)  # no rating per sheet product
    heading = next(lines, None)
    if heading is not None:
        from rich.text import Text

        yield Text("")
        yield heading
        yield from lines


def json(what: BatchResult | Stream, asked: Asked) -> Iterator[str]:
    from ocop_rate.report import json_report

    if isinstance(what, Stream):
        return json_report.render_stream(what.pieces, asked.lang)
    return json_report.render_chunks(what, asked.lang)


def csv(what: BatchResult | Stream, asked: Asked) -> Iterator[str] | str:
    from ocop_rate.report import csv_report

    if isinstance(what, Stream):
        return csv_report.render_stream(what.pieces, asked.lang)
    return csv_report.render(what, asked.lang)


def markdown(result: BatchResult, asked: Asked) -> str:
    from ocop_rate.render.markdown import draw

    return draw(document(result, asked.lang))


def html(result: BatchResult, asked: Asked) -> Iterator[str]:
    from ocop_rate.engine import rating_at
    from ocop_rate.report import html_report
    from ocop_rate.summary import summarise

    return html_report.render_chunks(result, asked.lang, summarise(result), asked.rubrics,
                                     detail=rating_at)


def xlsx(result: BatchResult, asked: Asked) -> bytes:
    from ocop_rate.render.xlsx import draw
    from ocop_rate.views.workbook import tables

    return draw(Document("", [Section(list(tables(result, asked.lang)))], lang=asked.lang))


def docx(result: BatchResult, asked: Asked) -> bytes:
    from ocop_rate.report import docx_report

    flags = Document("", [Section([Notes(disagreements(result, asked.lang),
                                         text("report.discuss", asked.lang))])])
    return docx_report.render(detailed(result), asked.lang, asked.day, flags)


def sheets(result: BatchResult, asked: Asked) -> str:
    """Each member's sheet and the council's summary sheet per product, then the list."""
    from ocop_rate.report import printed

    return printed.render(detailed(result), asked.lang, asked.rubrics, asked.day,
                          sheets=True, listing=True)


def results(result: BatchResult, asked: Asked) -> str:
    """The results list alone, to print and sign."""
    from ocop_rate.report import printed

    return printed.render(detailed(result), asked.lang, asked.rubrics, asked.day,
                          sheets=False, listing=True)
