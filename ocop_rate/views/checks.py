"""Check results (``validate``, ``diff``, ``check``) in each format CI reads: a
:class:`~ocop_rate.models.document.Document` for people (drawn by
:mod:`ocop_rate.render.terminal`), JSON for scripts, JUnit for test reports, GitHub workflow
annotations (the machine formats, drawn from :mod:`ocop_rate.models.checks` as they are)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_rate.models.document import Document, Paragraph, Section, Table
from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ocop_rate.models.checks import DiffReport, GoldenReport, LintReport
    from ocop_rate.models.common import Lang


def lints_document(report: LintReport, lang: Lang) -> Document:
    """One line per finding (``file:line:col: severity [lint] message``), then a summary.

    Lines, not a table, so that editors and terminals can follow the locations."""
    from ocop_rate.report.labels import word

    lines: list[Paragraph | Table] = []
    for f in report.findings:
        sev = word("error_sev" if f.severity == "error" else "warning_sev", lang)
        said = f"{f.text(lang)}"
        if f.accepted is not None:
            sev = word("accepted_sev", lang)
            said += f" — {f.accepted.get(lang) or f.accepted.get('vi', '')}"
        lines.append(Paragraph(f"{sev} [{f.lint}] {said}", label=f.location.render()))
    summary = " · ".join(f"{word(key, lang)}: {n}" for key, n in (
        ("rubrics_checked", len(report.rubrics)), ("files", len(report.files)),
        ("errors", report.count("error")), ("warnings_n", report.count("warning")),
        ("accepted_n", report.accepted)))
    if not report.findings:
        summary = f"{word('no_findings', lang)} — {summary}"
    lines.append(Paragraph(summary, strong=True))
    return Document("", [Section(list(lines))], data=report, lang=lang)


def lints_table(report: LintReport, asked: Asked) -> list[RenderableType]:
    from ocop_rate.render.terminal import draw

    return draw(lints_document(report, asked.lang))


def lints_json(report: LintReport, asked: Asked) -> str:
    from ocop_rate.report.json_report import render_lints

    return render_lints(report)


def lints_junit(report: LintReport, asked: Asked) -> str:
    from ocop_rate.report import junit

    return junit.lints(report, asked.lang)


def lints_github(report: LintReport, asked: Asked) -> str:
    from ocop_rate.report.github import lint_lines

    return lint_lines(report, asked.lang)


def diff_document(report: DiffReport, lang: Lang) -> Document:
    """Per product: total and stars before → after; then counts per class under BASE, every
    product that could not be rated under HEAD, and the counts of each movement."""
    from ocop_rate.report.github import diff_summary
    from ocop_rate.report.labels import problem_line, signed, star_label, word
    from ocop_rate.report.rows import fmt

    moves = {"up": "up", "down": "down", "unchanged": "unchanged", "not-rated": "not_rated"}
    products = Table(
        (word("product", lang), word("rubric", lang),
         *(f"{word('total', lang)} ({word(key, lang)})" for key in ("before", "after")),
         "Δ", word("before", lang), word("after", lang), word("change", lang)),
        [(p.product_id, p.rubric or "", fmt(p.before.total, lang), fmt(p.after.total, lang),
          signed(p.total_delta, lang) if p.total_delta else "",
          star_label(p.before.stars, lang), star_label(p.after.stars, lang),
          word(moves[p.movement], lang) + (" ✗" if report.trips(p) else ""))
         for p in report.products],
        align=("left", "left", "right", "right", "right"))
    counts = Table(
        (word("class_before", lang),
         *(word(key, lang) for key in ("up", "down", "unchanged", "not_rated"))),
        [(star_label(c.stars, lang) if c.stars else word("could_not_rate", lang),
          str(c.up), str(c.down), str(c.unchanged), str(c.not_rated))
         for c in report.by_class()],
        align=("left", "right", "right", "right", "right"))
    blocks: list[Paragraph | Table] = [products, counts]
    blocks += [Paragraph(f"✗ {p.product_id}: {problem_line(e, lang)}")
               for p in report.products for e in p.after.errors]
    blocks.append(Paragraph(diff_summary(report, lang)))
    return Document("", [Section(list(blocks), f"{report.base} → {report.head}")],
                    data=report, lang=lang)


def diff_table(report: DiffReport, asked: Asked) -> list[RenderableType]:
    from ocop_rate.render.terminal import draw

    return draw(diff_document(report, asked.lang))


def diff_json(report: DiffReport, asked: Asked) -> str:
    from ocop_rate.report.json_report import render_diff

    return render_diff(report)


def diff_junit(report: DiffReport, asked: Asked) -> str:
    from ocop_rate.report import junit

    return junit.diff(report, asked.lang)


def diff_github(report: DiffReport, asked: Asked) -> str:
    from ocop_rate.report.github import diff_lines

    return diff_lines(report, asked.lang)


def golden_document(report: GoldenReport, lang: Lang) -> Document:
    """Each expected product: expected and actual class and total, pass or why not; then
    how many passed and failed."""
    from ocop_rate.report.labels import case_text, star_label, word
    from ocop_rate.report.rows import fmt

    rows = []
    for c in report.cases:
        e = c.expected
        expected = "" if e is None else (star_label(e.stars, lang)
                                         + ("" if e.total is None else f" {e.total:.2f}"))
        actual = "" if c.stars is None else f"{star_label(c.stars, lang)} {fmt(c.total, lang)}"
        rows.append((c.product_id, expected, actual, word(c.status, lang),
                     case_text(c, report.tolerance, lang)))
    table = Table(tuple(word(key, lang) for key in
                        ("product", "expected", "actual", "status", "message")), rows)
    failed = len(report.cases) - report.count("pass")
    summary = Paragraph(f"{word('passed', lang)}: {report.count('pass')} · "
                        f"{word('failed', lang)}: {failed}", strong=True)
    return Document("", [Section([table, summary], report.expect)], data=report, lang=lang)


def golden_table(report: GoldenReport, asked: Asked) -> list[RenderableType]:
    from ocop_rate.render.terminal import draw

    return draw(golden_document(report, asked.lang))


def golden_json(report: GoldenReport, asked: Asked) -> str:
    from ocop_rate.report.json_report import render_golden

    return render_golden(report)


def golden_junit(report: GoldenReport, asked: Asked) -> str:
    from ocop_rate.report import junit

    return junit.golden(report, asked.lang)


def golden_github(report: GoldenReport, asked: Asked) -> str:
    from ocop_rate.report.github import golden_lines

    return golden_lines(report, asked.lang)
