"""GitHub Actions workflow commands (``::error file=…,line=…,col=…::message``), so problems
show as annotations on the pull request's changed lines."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from ocop_rate.models.checks import DiffReport, GoldenReport, LintReport
from ocop_rate.models.common import Lang
from ocop_rate.report.labels import star_label, word

Level = Literal["error", "warning", "notice"]


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _path(file: str) -> str:
    """Paths relative to the workspace, as GitHub matches them against the diff."""
    path = Path(file)
    if path.is_absolute():
        try:
            return os.path.relpath(path, Path.cwd()) if path.is_relative_to(Path.cwd()) \
                else file
        except ValueError:  # pragma: no cover - other drive on Windows
            return file
    return file


def annotation(level: Level, message: str, file: str | None = None, line: int | None = None,
               col: int | None = None, title: str | None = None) -> str:
    """One workflow command line."""
    props = []
    if file:
        props.append(f"file={_prop(_path(file))}")
    if line is not None:
        props.append(f"line={line}")
    if col is not None:
        props.append(f"col={col}")
    if title:
        props.append(f"title={_prop(title)}")
    head = f"::{level}" + (" " + ",".join(props) if props else "")
    return f"{head}::{_data(message)}"


def lint_lines(report: LintReport, lang: Lang) -> str:
    """One annotation per finding, in ``lang`` as the terminal says it (the lint id and the
    title stay as they are: CI filters match them), then a summary notice."""
    lines = []
    for f in report.findings:
        level: Level = ("error" if report.fails(f) else
                        "notice" if f.accepted is not None else "warning")
        loc = f.location
        message = f.text(lang)
        if f.accepted is not None:
            reason = f.accepted.get(lang) or f.accepted.get("vi", "")
            message = f"{word('accepted_sev', lang)}: {message} — {reason}"
        lines.append(annotation(level, message, loc.file, loc.line, loc.column,
                                f"ocop-rate validate [{f.lint}]"))
    summary = " · ".join(f"{word(key, lang)}: {n}" for key, n in (
        ("rubrics_checked", len(report.rubrics)), ("errors", report.count("error")),
        ("warnings_n", report.count("warning")), ("accepted_n", report.accepted)))
    lines.append(annotation("notice", summary, title="ocop-rate validate"))
    return "\n".join(lines) + "\n"


def diff_lines(report: DiffReport, lang: Lang) -> str:
    lines = []
    for p in report.products:
        if not p.changed and not report.trips(p):
            continue
        level: Level = "error" if report.trips(p) else "notice"
        lines.append(annotation(level, diff_sentence(p.product_id, p.before.stars,
                                                     p.after.stars, p.before.total,
                                                     p.after.total, lang),
                                p.file, title=f"ocop-rate diff {report.base}..{report.head}"))
    summary = diff_summary(report, lang)
    lines.append(annotation("notice", summary, title=f"ocop-rate diff {report.base}.."
                            f"{report.head}"))
    return "\n".join(lines) + "\n"


def diff_sentence(pid: str, stars_before: int | None, stars_after: int | None,
                  total_before: float | None, total_after: float | None, lang: Lang) -> str:
    """``QN-1: 4 sao → 3 sao, 72.00 → 68.50`` (``—`` where a side could not rate it)."""
    def total(t: float | None) -> str:
        return "—" if t is None else f"{t:.2f}"

    return (f"{pid}: {star_label(stars_before, lang)} → {star_label(stars_after, lang)}, "
            f"{total(total_before)} → {total(total_after)}")


def golden_lines(report: GoldenReport, lang: Lang) -> str:
    from ocop_rate.report.labels import case_text

    lines = []
    for c in report.cases:
        if c.status == "pass":
            continue
        if c.status == "missing" and c.expected is not None:
            loc = c.expected.location
            file, line, col = loc.file, loc.line, loc.column
        else:
            file, line, col = c.file, None, None
        lines.append(annotation("error", f"{c.product_id}: "
                                f"{case_text(c, report.tolerance, lang)}", file, line, col,
                                f"ocop-rate check: {word(c.status, lang)}"))
    lines.append(annotation("notice", f"{word('passed', lang)}: {report.count('pass')} · "
                            f"{word('failed', lang)}: {len(report.cases) - report.count('pass')}",
                            title=f"ocop-rate check {report.expect}"))
    return "\n".join(lines) + "\n"


def diff_summary(report: DiffReport, lang: Lang) -> str:
    """``up: 1 · down: 2 · unchanged: 4 · not rated: 0``."""
    counts = ((word("up", lang), report.count("up")), (word("down", lang), report.count("down")),
              (word("unchanged", lang), report.count("unchanged")),
              (word("not_rated", lang), report.count("not-rated")))
    return " · ".join(f"{label}: {n}" for label, n in counts)
