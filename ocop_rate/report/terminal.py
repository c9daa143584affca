"""Rich renderings for the terminal: the batch table, rubric lists and sheets.

The only place that knows rich. Colour is decoration: every verdict is also in words.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text as RichText

from ocop_rate.models.common import Lang
from ocop_rate.models.rating import BatchResult
from ocop_rate.models.rubric import PART_ORDER, Rubric
from ocop_rate.report.labels import star_glyphs, star_label, word
from ocop_rate.report.rows import fmt, rows, summary_line

STAR_STYLE = {5: "bold yellow", 4: "yellow", 3: "green", 2: "red", 1: "red"}


def batch_view(result: BatchResult, lang: Lang) -> list[RenderableType]:
    """The results table, one summary line, then every error, located.

    Print the lines after the table with ``soft_wrap`` so file paths are never broken.
    """
    table = Table(title=f"OCOP — {result.count} {word('products', lang)}",
                  show_lines=False, header_style="bold")
    table.add_column(word("product", lang), overflow="fold")
    table.add_column(word("rubric", lang), no_wrap=True)
    for part in PART_ORDER:
        table.add_column(part, justify="right", no_wrap=True)
    table.add_column(word("total", lang), justify="right", no_wrap=True)
    table.add_column(word("stars", lang), no_wrap=True)
    table.add_column(word("recognised", lang), no_wrap=True)
    problems: list[RenderableType] = []
    for row in rows(result, lang):
        name = RichText(row.product_id, style="bold")
        if row.product_name:
            name.append("\n" + row.product_name, style="")
        if row.errors:
            table.add_row(name, row.rubric, "", "", "", "",
                          RichText(word("could_not_rate", lang), style="bold red"), "")
            for err in row.errors:
                problems.append(RichText(f"✗ {err}", style="red"))
            continue
        stars = RichText(f"{star_glyphs(row.stars)} {star_label(row.stars, lang)}",
                         style=STAR_STYLE.get(row.stars or 1, ""))
        recognised = RichText(word("yes" if row.recognised else "no", lang),
                              style="green" if row.recognised else "red")
        table.add_row(name, row.rubric, *[fmt(row.parts[p]) for p in PART_ORDER],
                      RichText(fmt(row.total), style="bold"), stars, recognised)
        for gate in row.gates:
            problems.append(RichText(f"• {row.product_id}: {gate}", style="dim"))
    parts: list[RenderableType] = [table, RichText(summary_line(result, lang), style="bold")]
    if problems:
        parts.append(RichText(""))
        parts += problems
    return parts


def rubric_list_view(entries: list[dict[str, object]], lang: Lang) -> Table:
    table = Table(header_style="bold")
    for key in ("id", "group", "product_set", "decision", "criteria", "in_force"):
        table.add_column(word(key, lang), overflow="fold")
    for e in entries:
        table.add_row(str(e["id"]), str(e["product_group"]), str(e["product_set"]),
                      str(e["decision"]), str(e["criteria"]),
                      word("yes" if e["in_force"] else "no", lang))
    return table


def rubric_sheet_view(rubric: Rubric, lang: Lang) -> RenderableType:
    """The sheet as the council sees it: parts, criteria, options with points and marks."""
    head = RichText(f"{rubric.name.get(lang)}\n", style="bold")
    head.append(f"{rubric.id} · {rubric.source.render()}", style="dim")
    table = Table(header_style="bold", show_lines=True)
    table.add_column(word("criterion", lang), overflow="fold", ratio=2)
    table.add_column(word("options", lang), overflow="fold", ratio=5)
    table.add_column(word("max", lang), justify="right", no_wrap=True)
    for part in rubric.parts:
        table.add_row(RichText(f"{word('part', lang)} {part.id}: {part.name.get(lang)}",
                               style="bold"), "", f"{part.max_points:g}")
        for crit in (c for c in rubric.criteria if c.part == part.id):
            options = RichText()
            for opt in crit.options:
                mark = f"  [{'*' * opt.min_star}]" if opt.min_star else ""
                options.append(f"{opt.code}) {opt.label.get(lang)} — {opt.points:g}{mark}\n")
            label = f"{crit.id}  {crit.name.get(lang)}"
            if crit.unconfirmed:
                label += f" ({word('unconfirmed', lang)})"
            table.add_row(label, options, f"{crit.max_points:g}")
    legend = RichText(
        "*** / **** / *****: "
        + ("phương án tối thiểu để đạt 3 / 4 / 5 sao" if lang == "vi"
           else "lowest option a product needs for 3 / 4 / 5 stars"), style="dim")
    gates = [RichText(f"⛔ {g.id}: {g.reason.get(lang)}", style="red") for g in rubric.gates]
    return Group(head, table, legend, *gates)
