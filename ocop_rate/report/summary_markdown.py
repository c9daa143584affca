"""A batch summary as Markdown tables, for minutes and reports to the province."""

from __future__ import annotations

from ocop_rate.models.common import Lang
from ocop_rate.models.rubric import PART_ORDER
from ocop_rate.models.summary import RATED_CLASS_KEYS, Summary
from ocop_rate.render.markdown import cell
from ocop_rate.report.labels import class_label, dimension_value, number, word
from ocop_rate.report.summary_view import percent, unchecked_line


def _table(head: list[str], rows: list[list[str]], right_from: int = 1) -> list[str]:
    align = ["---" if i < right_from else "---:" for i in range(len(head))]
    return ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |",
            *["| " + " | ".join(r) + " |" for r in rows], ""]


def render(summary: Summary, lang: Lang) -> str:
    lines = [f"## {word('summary', lang)}", "",
             f"{summary.products} {word('products', lang)}, {summary.rated} "
             f"{word('rated', lang)}.", ""]
    if summary.unchecked:
        lines += [f"\\* {unchecked_line(summary, lang)}", ""]
    lines += _table([word("class", lang), word("count", lang), word("share", lang)],
                    [[class_label(c.key, lang), str(c.count), percent(c.share, lang)]
                     for c in summary.classes])
    for b in summary.breakdowns:
        if not b.rows:
            continue
        lines += [f"### {word(b.dimension, lang)}", ""]
        lines += _table(
            [word(b.dimension, lang), word("count", lang), word("share", lang),
             *[class_label(k, lang) for k in RATED_CLASS_KEYS], word("mean_total", lang)],
            [[cell(dimension_value(b.dimension, r.value, lang, summary.set_names)), str(r.count),
              percent(r.share, lang), *[str(r.by_class[k]) for k in RATED_CLASS_KEYS],
              f"{number(r.mean_total, lang)}"] for r in b.rows])
    if summary.part_means:
        lines += [f"### {word('mean_parts', lang)}", ""]
        lines += _table(
            [word("class", lang), word("count", lang), *PART_ORDER, word("total", lang)],
            [[word("all", lang) if pm.key == "all" else class_label(pm.key, lang),
              str(pm.count), *[number(pm.parts[p], lang) for p in PART_ORDER],
              number(pm.total, lang)]
             for pm in summary.part_means])
    return "\n".join(lines)
