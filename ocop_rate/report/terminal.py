"""Rich renderings for the terminal: the batch view (its table is report.results_table),
rubric lists and sheets, validate, diff and check.

Rich is known only in report/. Colour is decoration: every verdict is also in words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text as RichText

from ocop_rate.messages import text
from ocop_rate.report.labels import (
    citation,
    group_name,
    number,
    problem_line,
    problem_text,
    signed,
    star_label,
    word,
)
from ocop_rate.report.results_table import ResultsTable, TableShape, stacked

if TYPE_CHECKING:
    # `rubrics list` and `validate` need neither
    from ocop_rate.models.checks import DiffReport, GoldenCase, GoldenReport, LintReport
    from ocop_rate.models.common import Lang
    from ocop_rate.models.rating import BatchResult
    from ocop_rate.models.rubric import Rubric

WIDE = 110
"""From this width the table shows the product set and the parts A, B, C in columns."""
STACKED = 60
"""Below this width each product is a block of lines instead of a table row."""


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
        [RichText(title, style="bold"), *stacked(all_rows, lang)] if width < STACKED
        else [ResultsTable(all_rows, lang, title, wide=width >= WIDE)])
    parts: list[RenderableType] = [*body, RichText(summary_line(result, lang), style="bold")]
    unchecked = sum(1 for row in all_rows if row.unchecked)
    if unchecked:
        parts.append(RichText(f"* {text('outcome.unchecked', lang)}: {unchecked} "
                              f"{word('products', lang)}", style="yellow"))
    if problems:
        parts.append(RichText(""))
        parts += problems
    return parts



def rubric_list_view(entries: list[dict[str, object]], lang: Lang) -> list[Table]:
    """The rubrics, one table per decision (the decision its title), one rubric a row: id,
    product group, product set, criteria, in force. The decision said once per table, not
    in a column, leaves the product set room on an 80-column screen."""
    keys = ("id", "group", "product_set", "criteria", "in_force")
    narrow: dict[str, dict[str, object]] = {
        "group": {"max_width": 16}, "criteria": {"max_width": 8, "justify": "right"},
        "in_force": {"max_width": 9}}
    columns = [(word(key, lang), {"overflow": "fold", "no_wrap": key == "id",
                                  **narrow.get(key, {})}) for key in keys]
    tables: dict[str, list[list[RichText]]] = {}
    for e in entries:
        doubt = f" ({word('unconfirmed', lang)})" if e.get("rubric_unconfirmed") else ""
        tables.setdefault(f"{word('decision', lang)} {e['decision']}{doubt}", []).append([
            RichText(cell) for cell in (
                str(e["id"]), group_name(str(e["product_group"]), lang), str(e["product_set"]),
                str(e["criteria"]), word("yes" if e["in_force"] else "no", lang))])
    if not tables:
        return [TableShape(columns).table()]
    return [TableShape(columns, title).table(rows) for title, rows in tables.items()]


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
        table.add_row(p.product_id, p.rubric or "", fmt(p.before.total, lang),
                      fmt(p.after.total, lang), "" if not delta else signed(delta, lang),
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
        actual = "" if c.stars is None else f"{star_label(c.stars, lang)} {fmt(c.total, lang)}"
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
    from ocop_rate.models.checks import REJECTED

    return REJECTED if stars is None else str(stars)
