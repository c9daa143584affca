"""A batch summary in the terminal: a bar chart of classes, then count and share tables
by group, product set, place and producer kind, and mean part scores per class."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text as RichText

from ocop_rate.messages import text
from ocop_rate.models.common import Lang, Text
from ocop_rate.models.rubric import PART_ORDER
from ocop_rate.models.summary import RATED_CLASS_KEYS, Breakdown, Summary
from ocop_rate.report.labels import class_label, dimension_value, number, word

BAR_WIDTH = 40
CLASS_STYLE = {"5": "bold yellow", "4": "yellow", "3": "green", "not_recognised": "red",
               "could_not_rate": "magenta"}


def percent(share: float, lang: Lang) -> str:
    """A share as a percentage to 1 decimal: ``12,5%`` / ``12.5%``."""
    return f"{number(share * 100, lang, 1)}%"


def star_chart(summary: Summary, lang: Lang) -> Table:
    """Horizontal bars, one per class, scaled to the largest class."""
    top = max((c.count for c in summary.classes), default=0) or 1
    table = Table(title=f"{word('stars_chart', lang)} ({summary.products} "
                  f"{word('products', lang)})", title_justify="left", box=None,
                  show_header=False, padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for c in summary.classes:
        width = round(c.count / top * BAR_WIDTH)
        bar = RichText("█" * width + ("▏" if c.count and not width else ""),
                       style=CLASS_STYLE.get(c.key, ""))
        table.add_row(class_label(c.key, lang), bar, f"{c.count} ({percent(c.share, lang)})")
    return table


def breakdown_table(b: Breakdown, lang: Lang,
                    names: Mapping[str, Text] | None = None) -> Table:
    table = Table(title=word(b.dimension, lang), title_justify="left", header_style="bold")
    table.add_column(word(b.dimension, lang), overflow="fold")
    table.add_column(word("count", lang), justify="right")
    table.add_column(word("share", lang), justify="right")
    for key in RATED_CLASS_KEYS:
        table.add_column(class_label(key, lang), justify="right")
    table.add_column(word("mean_total", lang), justify="right")
    for row in b.rows:
        table.add_row(dimension_value(b.dimension, row.value, lang, names), str(row.count),
                      percent(row.share, lang), *[str(row.by_class[k]) for k in RATED_CLASS_KEYS],
                      f"{number(row.mean_total, lang)}")
    return table


def part_means_table(summary: Summary, lang: Lang) -> Table:
    table = Table(title=word("mean_parts", lang), title_justify="left", header_style="bold")
    table.add_column(word("class", lang))
    table.add_column(word("count", lang), justify="right")
    for part in PART_ORDER:
        table.add_column(part, justify="right")
    table.add_column(word("total", lang), justify="right")
    for pm in summary.part_means:
        label = word("all", lang) if pm.key == "all" else class_label(pm.key, lang)
        table.add_row(label, str(pm.count), *[f"{number(pm.parts[p], lang)}" for p in PART_ORDER],
                      f"{number(pm.total, lang)}", style="bold" if pm.key == "all" else "")
    return table


def summary_view(summary: Summary, lang: Lang) -> list[RenderableType]:
    out: list[RenderableType] = [star_chart(summary, lang)]
    if summary.unchecked:
        out.append(RichText(f"* {unchecked_line(summary, lang)}", style="yellow"))
    return [*out, RichText(""),
            *[breakdown_table(b, lang, summary.set_names) for b in summary.breakdowns if b.rows],
            part_means_table(summary, lang)]


def unchecked_line(summary: Summary, lang: Lang) -> str:
    """``chưa kiểm tra điều kiện loại hồ sơ: 3 sản phẩm`` (in every summary view)."""
    return f"{text('outcome.unchecked', lang)}: {summary.unchecked} {word('products', lang)}"
