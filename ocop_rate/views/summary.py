"""The summary of a batch (``summary``): products by class with a bar each, then count and
share tables by group, product set, place and producer kind, and mean part scores per
class. One :class:`~ocop_rate.models.document.Document` drawn by the generic renderers
(terminal, Markdown); JSON is the summary's own fields (the contract's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_rate.messages import text
from ocop_rate.models.common import Lang
from ocop_rate.models.document import Block, Document, Paragraph, Section, Table
from ocop_rate.models.summary import Summary
from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ocop_rate.models.summary import Breakdown

BAR_WIDTH = 40
"""The largest class's bar, in characters."""


def unchecked_line(summary: Summary, lang: Lang) -> str:
    """``chưa kiểm tra điều kiện loại hồ sơ: 3 sản phẩm`` (in every summary view)."""
    from ocop_rate.report.labels import word

    return f"{text('outcome.unchecked', lang)}: {summary.unchecked} {word('products', lang)}"


def _classes(summary: Summary, lang: Lang) -> Section:
    """Each class: its count, its share and a bar scaled to the largest class."""
    from ocop_rate.report.labels import class_label, percent, word

    top = max((c.count for c in summary.classes), default=0) or 1
    rows = []
    for c in summary.classes:
        width = round(c.count / top * BAR_WIDTH)
        rows.append((class_label(c.key, lang), str(c.count), percent(c.share, lang),
                     "█" * width + ("▏" if c.count and not width else "")))
    blocks: list[Block] = [
        Paragraph(f"{summary.products} {word('products', lang)}, {summary.rated} "
                  f"{word('rated', lang)}."),
        Table((word("class", lang), word("count", lang), word("share", lang), ""), rows,
              ("left", "right", "right", "left"))]
    if summary.unchecked:
        blocks.append(Paragraph(f"* {unchecked_line(summary, lang)}"))
    return Section(blocks, f"{word('stars_chart', lang)} ({summary.products} "
                           f"{word('products', lang)})")


def _breakdown(summary: Summary, b: Breakdown, lang: Lang) -> Section:
    from ocop_rate.models.summary import RATED_CLASS_KEYS
    from ocop_rate.report.labels import class_label, dimension_value, number, percent, word

    head = (word(b.dimension, lang), word("count", lang), word("share", lang),
            *(class_label(k, lang) for k in RATED_CLASS_KEYS), word("mean_total", lang))
    rows = [(dimension_value(b.dimension, r.value, lang, summary.set_names), str(r.count),
             percent(r.share, lang), *(str(r.by_class[k]) for k in RATED_CLASS_KEYS),
             number(r.mean_total, lang)) for r in b.rows]
    return Section([Table(head, rows, ("left",) + ("right",) * (len(head) - 1))],
                   word(b.dimension, lang))


def _part_means(summary: Summary, lang: Lang) -> Section:
    from ocop_rate.models.rubric import PART_ORDER
    from ocop_rate.report.labels import class_label, number, word

    head = (word("class", lang), word("count", lang), *PART_ORDER, word("total", lang))
    rows = [(word("all", lang) if pm.key == "all" else class_label(pm.key, lang),
             str(pm.count), *(number(pm.parts[p], lang) for p in PART_ORDER),
             number(pm.total, lang)) for pm in summary.part_means]
    return Section([Table(head, rows, ("left",) + ("right",) * (len(head) - 1))],
                   word("mean_parts", lang))


def document(summary: Summary, lang: Lang) -> Document:
    from ocop_rate.report.labels import word

    sections = [_classes(summary, lang),
                *(_breakdown(summary, b, lang) for b in summary.breakdowns if b.rows)]
    if summary.part_means:
        sections.append(_part_means(summary, lang))
    return Document(word("summary", lang), sections, lang=lang)


def terminal(digest: Summary, asked: Asked) -> list[RenderableType]:
    from ocop_rate.render.terminal import draw

    return draw(document(digest, asked.lang))


def json(digest: Summary, asked: Asked) -> str:
    from ocop_rate.render.json import draw

    return draw(Document("", data=digest.model_dump(mode="json")))


def markdown(digest: Summary, asked: Asked) -> str:
    from ocop_rate.render.markdown import draw

    return draw(document(digest, asked.lang))
