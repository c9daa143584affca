"""The ``ocop-rate`` command: parse arguments, call the library, pick a reporter, exit.

Exit codes (README, DESIGN.md): 0 all rated / nothing fell short; 1 ran, but something fell
short (a dossier could not be rated); 2 usage error or invalid input that stopped the run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, TypeVar

import typer

from ocop_rate import __version__
from ocop_rate.errors import OcopError

if TYPE_CHECKING:
    from rich.console import Console

    from ocop_rate.loading.rubrics import RubricLibrary
    from ocop_rate.models.common import Lang as LangCode

EXIT_OK, EXIT_SHORT, EXIT_STOPPED = 0, 1, 2
T = TypeVar("T")


class Lang(StrEnum):
    vi = "vi"
    en = "en"


class RateFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class ListFormat(StrEnum):
    table = "table"
    json = "json"


class GatePolicyChoice(StrEnum):
    majority = "majority"
    all = "all"


HELP = (
    "Chấm điểm, phân hạng sản phẩm OCOP theo bộ tiêu chí — rate OCOP products "
    "(One Commune One Product) against the official scoring sheets.\n\n"
    "Exit codes: 0 all rated; 1 some dossier could not be rated; 2 usage or input error."
)

app = typer.Typer(help=HELP, no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False, rich_markup_mode=None)
rubrics_app = typer.Typer(help="List and show the scoring rubrics (phiếu đánh giá).",
                          no_args_is_help=True)
app.add_typer(rubrics_app, name="rubrics")

LangOpt = Annotated[Lang, typer.Option(
    "--lang", "-l", envvar="OCOP_LANG", help="Report language: vi (Tiếng Việt) or en.")]
RulesOpt = Annotated[list[Path] | None, typer.Option(
    "--rules", "-r", help="Rubric folder or file (repeatable). Default: the bundled rubrics.",
    show_default=False)]


def _fail(exc: OcopError) -> NoReturn:
    err = _console(stderr=True)
    for problem in exc.problems:
        err.print(f"[bold red]error:[/] {_escape(problem.render())}", highlight=False,
                  soft_wrap=True)  # a located error stays on one line, for grep and CI
    raise typer.Exit(EXIT_STOPPED)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _console(stderr: bool = False, width: int | None = None) -> Console:
    from rich.console import Console

    console = Console(stderr=stderr, width=width, highlight=False)
    if width is None and not console.is_terminal:
        console = Console(stderr=stderr, highlight=False,
                          width=int(os.environ.get("COLUMNS", "120")))
    return console


def _guard(action: Callable[[], T]) -> T:
    try:
        return action()
    except OcopError as exc:
        _fail(exc)


def _code(lang: Lang) -> LangCode:
    return "en" if lang is Lang.en else "vi"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ocop-rate {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Rate OCOP products against the official scoring sheets."""


def _library(rules: list[Path] | None) -> RubricLibrary:
    from ocop_rate.loading.rubrics import load_library

    return _guard(lambda: load_library(rules or None))


def _emit(text: str | Iterable[str], output: Path | None, encoding: str = "utf-8") -> None:
    if output is None:
        for chunk in [text] if isinstance(text, str) else text:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    from ocop_rate.report.output import write_atomic

    try:
        write_atomic(output, text, encoding=encoding)
    except OSError as exc:
        _fail(OcopError(f"{output}: cannot write: {exc.strerror}"))


@app.command()
def rate(
    paths: Annotated[list[str], typer.Argument(
        help="Dossier files, folders (searched recursively) or glob patterns.",
        show_default=False)],
    rules: RulesOpt = None,
    fmt: Annotated[RateFormat, typer.Option("--format", "-f", help="Output format.")]
    = RateFormat.table,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the report to this file (atomically) instead of the "
        "screen.", dir_okay=False, show_default=False)] = None,
    lang: LangOpt = Lang.vi,
    gate_policy: Annotated[GatePolicyChoice, typer.Option(
        "--gate-policy", help="How star-mark gates read several members' sheets: 'majority' "
        "(the option more than half reached) or 'all' (every member).")]
    = GatePolicyChoice.majority,
) -> None:
    """Rate dossiers and print their stars (chấm điểm và phân hạng sao)."""
    from ocop_rate.pipeline import rate_paths

    library = _library(rules)
    result = _guard(lambda: rate_paths(library, paths, gate_policy.value))
    if not result.count:
        _fail(OcopError("no dossier files found (looked for .yaml, .yml, .json, .csv and "
                        ".xlsx)"))
    language = _code(lang)
    if fmt is RateFormat.json:
        from ocop_rate.report import json_report

        _emit(json_report.render_chunks(result, language), output)
    elif fmt is RateFormat.csv:
        from ocop_rate.report import csv_report

        _emit(csv_report.render(result, language), output, encoding=csv_report.ENCODING)
    elif fmt is RateFormat.markdown:
        from ocop_rate.report import markdown_report

        _emit(markdown_report.render(result, language), output)
    else:
        from rich.table import Table

        from ocop_rate.report.terminal import batch_view

        console = _console() if output is None else _console(width=120)
        with console.capture() if output is not None else contextlib.nullcontext() as capture:
            for block in batch_view(result, language):
                console.print(block, soft_wrap=not isinstance(block, Table))
        if capture is not None:
            _emit(capture.get(), output)
    if output is not None:
        _console(stderr=True).print(f"→ {_escape(str(output))}: {result.count} "
                                    f"{'sản phẩm' if language == 'vi' else 'products'}")
    raise typer.Exit(EXIT_SHORT if result.failures else EXIT_OK)


@rubrics_app.command("list")
def rubrics_list(
    rules: RulesOpt = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    lang: LangOpt = Lang.vi,
    on: Annotated[str | None, typer.Option(
        "--on", help="Show which rubrics are in force on this date (YYYY-MM-DD; default "
        "today).", show_default=False)] = None,
) -> None:
    """List the rubrics: id, product group, product set, decision, criteria, in force."""
    from ocop_rate.loading.rubrics import catalogue

    try:
        day = dt.date.fromisoformat(on) if on else dt.date.today()
    except ValueError:
        _fail(OcopError(f"--on: '{on}' is not a date; expected YYYY-MM-DD"))
    entries = catalogue(_library(rules), _code(lang), day)
    if fmt is ListFormat.json:
        from ocop_rate.report.json_report import render_rubric_list

        _emit(render_rubric_list(entries), None)
    else:
        from ocop_rate.report.terminal import rubric_list_view

        _console().print(rubric_list_view(entries, _code(lang)))


@rubrics_app.command("show")
def rubrics_show(
    rubric_id: Annotated[str, typer.Argument(metavar="RUBRIC_ID", help="e.g. "
                                             "food-processed-animal-26")],
    rules: RulesOpt = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.table,
    lang: LangOpt = Lang.vi,
) -> None:
    """Show one rubric fully resolved, as the council's sheet or as JSON."""
    library = _library(rules)
    rubric = _guard(lambda: library.get(rubric_id))
    if fmt is ListFormat.json:
        from ocop_rate.report.json_report import render_rubric

        _emit(render_rubric(rubric), None)
    else:
        from ocop_rate.report.terminal import rubric_sheet_view

        _console().print(rubric_sheet_view(rubric, _code(lang)))


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
