"""Check results (``validate``, ``diff``, ``check``) in each format CI reads: a table for
people, JSON for scripts, JUnit for test reports, GitHub workflow annotations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ocop_rate.models.checks import DiffReport, GoldenReport, LintReport


def lints_table(report: LintReport, asked: Asked) -> list[RenderableType]:
    from ocop_rate.report.terminal import lint_view

    return list(lint_view(report, asked.lang))


def lints_json(report: LintReport, asked: Asked) -> str:
    from ocop_rate.report.json_report import render_lints

    return render_lints(report)


def lints_junit(report: LintReport, asked: Asked) -> str:
    from ocop_rate.report import junit

    return junit.lints(report, asked.lang)


def lints_github(report: LintReport, asked: Asked) -> str:
    from ocop_rate.report.github import lint_lines

    return lint_lines(report, asked.lang)


def diff_table(report: DiffReport, asked: Asked) -> list[RenderableType]:
    from ocop_rate.report.github import diff_summary
    from ocop_rate.report.terminal import diff_view

    return [*diff_view(report, asked.lang), diff_summary(report, asked.lang)]


def diff_json(report: DiffReport, asked: Asked) -> str:
    from ocop_rate.report.json_report import render_diff

    return render_diff(report)


def diff_junit(report: DiffReport, asked: Asked) -> str:
    from ocop_rate.report import junit

    return junit.diff(report, asked.lang)


def diff_github(report: DiffReport, asked: Asked) -> str:
    from ocop_rate.report.github import diff_lines

    return diff_lines(report, asked.lang)


def golden_table(report: GoldenReport, asked: Asked) -> list[RenderableType]:
    from ocop_rate.report.terminal import golden_view

    return list(golden_view(report, asked.lang))


def golden_json(report: GoldenReport, asked: Asked) -> str:
    from ocop_rate.report.json_report import render_golden

    return render_golden(report)


def golden_junit(report: GoldenReport, asked: Asked) -> str:
    from ocop_rate.report import junit

    return junit.golden(report, asked.lang)


def golden_github(report: GoldenReport, asked: Asked) -> str:
    from ocop_rate.report.github import golden_lines

    return golden_lines(report, asked.lang)
