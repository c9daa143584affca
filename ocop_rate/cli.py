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
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn, TypeVar

import typer

from ocop_rate import __version__
from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.errors import OcopError

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from ocop_rate.loading.rubrics import RubricLibrary
    from ocop_rate.models.rating import BatchResult, ProblemOut

EXIT_OK, EXIT_SHORT, EXIT_STOPPED = 0, 1, 2
LangCode = Literal["vi", "en"]  # models.common.Lang, restated so --help needs no pydantic
T = TypeVar("T")


class Lang(StrEnum):
    vi = "vi"
    en = "en"


class RateFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


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


def _refuse_overwriting_inputs(output: Path, paths: list[str]) -> None:
    """Input files are never modified: refuse an --output that is one of them."""
    from ocop_rate.loading.dossiers import collect_paths

    inputs = {p.resolve() for p in _guard(lambda: collect_paths(paths))}
    if output.resolve() in inputs:
        _fail(OcopError(f"--output {output} is one of the input dossiers; choose another file"))


@app.command()
def rate(
    paths: Annotated[list[str], typer.Argument(
        help="Dossier files, folders (searched recursively) or glob patterns.",
        metavar="PATH", show_default=False)],
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
    members: MembersOpt = False,
    spread: SpreadOpt = DEFAULT_SPREAD,
) -> None:
    """Rate dossiers and print their stars (chấm điểm và phân hạng sao)."""
    if fmt is RateFormat.xlsx and output is None:
        _usage("--format xlsx writes a workbook: give --output FILE.xlsx")
    library = _library(rules)
    if output is not None:
        _refuse_overwriting_inputs(output, paths)
    result = _rate_batch(library, paths, gate_policy, spread)
    if not result.count:
        _fail(OcopError("no dossier files found (looked for .yaml, .yml, .json, .csv and "
                        ".xlsx)"))
    language = _code(lang)
    if fmt in (RateFormat.html, RateFormat.xlsx):
        _rate_report(fmt, _detailed(result), library, language, output)
    elif fmt is RateFormat.json:
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

        console = _console() if output is None else _console(width=120)
        with console.capture() if output is not None else contextlib.nullcontext() as capture:
            for block in _table_blocks(result, language, members):
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
    group: Annotated[str | None, typer.Option(
        "--group", "-g", help="Only this product group (food, beverages, herbal, handicrafts, "
        "ornamental, tourism).", show_default=False)] = None,
) -> None:
    """List the rubrics: id, product group, product set, decision, criteria, in force."""
    from ocop_rate.loading.rubrics import catalogue

    try:
        day = dt.date.fromisoformat(on) if on else dt.date.today()
    except ValueError:
        _fail(OcopError(f"--on: '{on}' is not a date; expected YYYY-MM-DD"))
    entries = catalogue(_library(rules), _code(lang), day)
    if group is not None:
        entries = [e for e in entries if e["product_group"] == group]
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


# --- Council workflow: explain, summary, template; rate's extra views and formats -------

MembersOpt = Annotated[bool, typer.Option(
    "--members", help="Show each product's members' sheets side by side before the table.")]
SpreadOpt = Annotated[float, typer.Option(
    "--spread", min=0, help="Flag a product for discussion when its members' totals spread "
    "more than this many points (members two or more options apart on a criterion are "
    "always flagged).")]


def _usage(message: str) -> NoReturn:
    _fail(OcopError(message))


def _progress_wanted() -> bool:
    """A progress bar only for a person watching: stderr is a terminal and not in CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def _rate_batch(library: RubricLibrary, paths: list[str], policy: GatePolicyChoice,
                spread: float) -> BatchResult:
    """Rate ``paths``, with a transient progress bar on a terminal."""
    from ocop_rate.pipeline import rate_paths

    if not _progress_wanted():
        return _guard(lambda: rate_paths(library, paths, policy.value, spread_limit=spread))
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("ocop-rate"), BarColumn(), MofNCompleteColumn(),
                  console=_console(stderr=True), transient=True) as progress:
        task = progress.add_task("rate", total=None)

        def on_item(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return _guard(lambda: rate_paths(library, paths, policy.value, spread_limit=spread,
                                         on_item=on_item))


def _table_blocks(result: BatchResult, lang: LangCode, members: bool
                  ) -> list[RenderableType]:
    from ocop_rate.report.members_view import batch_disagreements, members_view
    from ocop_rate.report.terminal import batch_view

    detailed = _detailed(result)
    blocks: list[RenderableType] = members_view(detailed, lang) if members else []
    blocks += batch_view(result, lang)
    disagreements = batch_disagreements(detailed, lang)
    if disagreements:
        from rich.text import Text

        blocks += [Text(""), *disagreements]
    return blocks


def _detailed(result: BatchResult) -> BatchResult:
    """Score-sheet products as full ratings, for views that show each product in detail."""
    if not result.blocks:
        return result
    from ocop_rate.batch import expanded

    return expanded(result)


def _emit_bytes(data: bytes, output: Path) -> None:
    from ocop_rate.report.output import write_atomic

    try:
        write_atomic(output, data)
    except OSError as exc:
        _fail(OcopError(f"{output}: cannot write: {exc.strerror}"))


def _rate_report(fmt: RateFormat, result: BatchResult, library: RubricLibrary,
                 lang: LangCode, output: Path | None) -> None:
    if fmt is RateFormat.xlsx:
        from ocop_rate.report import xlsx_report

        assert output is not None
        _emit_bytes(xlsx_report.render(result, lang), output)
        return
    from ocop_rate.report import html_report
    from ocop_rate.summary import summarise

    _emit(html_report.render(result, lang, summarise(result), library.rubrics), output)


@app.command()
def explain(
    paths: Annotated[list[str], typer.Argument(
        metavar="DOSSIER…", help="Dossier file(s) to explain (folders and globs work too).",
        show_default=False)],
    rules: RulesOpt = None,
    lang: LangOpt = Lang.vi,
    gate_policy: Annotated[GatePolicyChoice, typer.Option(
        "--gate-policy", help="How star marks read several members' sheets.")]
    = GatePolicyChoice.majority,
    spread: SpreadOpt = DEFAULT_SPREAD,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file instead of the screen.", dir_okay=False,
        show_default=False)] = None,
) -> None:
    """Print the sheet as scored: each member's options, points, evidence, derived facts,
    gates, self-assessment against the council, and the upgrades to the next star."""
    from rich.rule import Rule

    from ocop_rate.models.rating import Failure
    from ocop_rate.report.explain import explain_view

    library = _library(rules)
    result = _rate_batch(library, paths, gate_policy, spread)
    language = _code(lang)
    console = _console() if output is None else _console(width=140)
    with console.capture() if output is not None else contextlib.nullcontext() as capture:
        for item in _detailed(result).items:
            if isinstance(item, Failure):
                console.print(Rule(item.product_id or item.file or "?"))
                for e in item.errors:
                    console.print(f"[red]✗[/] {_escape(_problem_line(e))}", soft_wrap=True)
                continue
            console.print(Rule(item.product_id))
            for block in explain_view(item, language, library.rubrics.get(item.rubric)):
                console.print(block)
    if capture is not None:
        _emit(capture.get(), output)
    raise typer.Exit(EXIT_SHORT if result.failures else EXIT_OK)


def _problem_line(e: ProblemOut) -> str:
    from ocop_rate.errors import Location, Problem

    return Problem(e.message, Location(e.file, e.line, e.column, e.field)).render()


class SummaryFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


@app.command()
def summary(
    paths: Annotated[list[str], typer.Argument(
        help="Dossier files, folders (searched recursively) or glob patterns.",
        show_default=False)],
    rules: RulesOpt = None,
    fmt: Annotated[SummaryFormat, typer.Option("--format", "-f", help="Output format.")]
    = SummaryFormat.table,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of the screen.",
        dir_okay=False, show_default=False)] = None,
    lang: LangOpt = Lang.vi,
    gate_policy: Annotated[GatePolicyChoice, typer.Option(
        "--gate-policy", help="How star marks read several members' sheets.")]
    = GatePolicyChoice.majority,
) -> None:
    """Counts and shares by star class, product group and set, place and producer kind,
    with mean part scores (tổng hợp kết quả)."""
    from ocop_rate.summary import summarise

    library = _library(rules)
    result = _rate_batch(library, paths, gate_policy, DEFAULT_SPREAD)
    if not result.items:
        _fail(OcopError("no dossier files found (looked for .yaml, .yml and .json)"))
    language = _code(lang)
    digest = summarise(_detailed(result))
    if fmt is SummaryFormat.json:
        import json

        _emit(json.dumps(digest.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n",
              output)
    elif fmt is SummaryFormat.markdown:
        from ocop_rate.report import summary_markdown

        _emit(summary_markdown.render(digest, language), output)
    else:
        from ocop_rate.report.summary_view import summary_view

        console = _console() if output is None else _console(width=120)
        with console.capture() if output is not None else contextlib.nullcontext() as capture:
            for block in summary_view(digest, language):
                console.print(block)
        if capture is not None:
            _emit(capture.get(), output)
    raise typer.Exit(EXIT_SHORT if result.failures else EXIT_OK)


class TemplateFormat(StrEnum):
    yaml = "yaml"
    xlsx = "xlsx"


@app.command()
def template(
    rubric_id: Annotated[str, typer.Argument(metavar="RUBRIC_ID", help="e.g. "
                                             "food-fresh-meat-26")],
    fmt: Annotated[TemplateFormat, typer.Option(
        "--format", "-f", help="yaml: a dossier skeleton; xlsx: a council score sheet.")]
    = TemplateFormat.yaml,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (required for xlsx).", dir_okay=False,
        show_default=False)] = None,
    members: Annotated[int, typer.Option(
        "--members", min=1, max=30, help="Blank member sheets in the YAML dossier.")] = 2,
    rules: RulesOpt = None,
) -> None:
    """Write a blank dossier or council score sheet for one product set, every criterion
    with its options and points (mẫu hồ sơ / phiếu chấm trống)."""
    if fmt is TemplateFormat.xlsx and output is None:
        _usage("--format xlsx writes a workbook: give --output FILE.xlsx")
    rubric = _guard(lambda: _library(rules).get(rubric_id))
    if fmt is TemplateFormat.xlsx:
        from ocop_rate.report import template_xlsx

        assert output is not None
        _emit_bytes(template_xlsx.render(rubric), output)
    else:
        from ocop_rate.report import template_yaml

        _emit(template_yaml.render(rubric, members), output)
    if output is not None:
        _console(stderr=True).print(f"→ {_escape(str(output))}")


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)


# ==== Rubric checks for CI: validate, diff, check ============================================
# Exit codes: 0 nothing fell short; 1 a lint failed, a product moved as --fail-on names, a
# golden expectation was not met, or a dossier could not be rated; 2 usage or unusable input.

class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    junit = "junit"
    github = "github"


class FailOnChoice(StrEnum):
    any = "any"
    down = "down"
    class_change = "class-change"


CheckFormatOpt = Annotated[CheckFormat, typer.Option(
    "--format", "-f", help="table (people), json (scripts; schema in README), junit (CI test "
    "reports), github (workflow annotations).")]
CheckOutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write the report to this file (atomically) instead of the screen.",
    dir_okay=False, show_default=False)]
GatePolicyOpt = Annotated[GatePolicyChoice, typer.Option(
    "--gate-policy", help="How star-mark gates read several members' sheets (see rate).")]


def _show(blocks: Callable[[], list[object]], output: Path | None) -> None:
    """Print rich blocks to the screen, or capture them as text into ``output``."""
    console = _console() if output is None else _console(width=120)
    if output is None:
        for block in blocks():
            console.print(block, soft_wrap=True)
        return
    with console.capture() as capture:
        for block in blocks():
            console.print(block, soft_wrap=True)
    _emit(capture.get(), output)


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Rubric folders or files. Default: the bundled rubrics.", show_default=False)]
    = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Warnings fail the run too (exit 1).")] = False,
    fmt: CheckFormatOpt = CheckFormat.table,
    output: CheckOutputOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Lint rubric files: schema and semantic checks, each with an id, a severity and a
    file:line:column. Exit 0 sound (warnings allowed unless --strict), 1 lint failures,
    2 unusable input."""
    from ocop_rate.checks.lints import run_lints

    report = _guard(lambda: run_lints(paths or None, strict))
    language = _code(lang)
    if fmt is CheckFormat.json:
        from ocop_rate.report.json_report import render_lints

        _emit(render_lints(report), output)
    elif fmt is CheckFormat.junit:
        from ocop_rate.report import junit

        _emit(junit.lints(report), output)
    elif fmt is CheckFormat.github:
        from ocop_rate.report.github import lint_lines

        _emit(lint_lines(report), output)
    else:
        from ocop_rate.report.terminal import lint_view

        _show(lambda: list(lint_view(report, language)), output)
    raise typer.Exit(EXIT_OK if report.ok else EXIT_SHORT)


@app.command()
def diff(
    base: Annotated[str, typer.Argument(metavar="BASE", help="Rubric folder, or git revision "
                                        "(e.g. origin/main) whose scoring_rules/ to read.")],
    head: Annotated[str, typer.Argument(metavar="HEAD", help="Rubric folder or git revision "
                                        "(e.g. HEAD).")],
    more: Annotated[list[str] | None, typer.Argument(
        metavar="[DOSSIERS]...", help="More dossier paths (as after --dossiers).",
        show_default=False)] = None,
    dossiers: Annotated[list[str] | None, typer.Option(
        "--dossiers", "-d", help="Dossier files, folders or globs to rate under both "
        "(repeatable).", show_default=False)] = None,
    fail_on: Annotated[FailOnChoice | None, typer.Option(
        "--fail-on", help="Exit 1 when a product's rating changes at all (any), loses stars "
        "(down), or changes class (class-change).", show_default=False)] = None,
    rules_path: Annotated[str, typer.Option(
        "--rules-path", help="Rubric folder inside the repository, for git revisions.")]
    = "scoring_rules",
    fmt: CheckFormatOpt = CheckFormat.table,
    output: CheckOutputOpt = None,
    lang: LangOpt = Lang.vi,
    gate_policy: GatePolicyOpt = GatePolicyChoice.majority,
) -> None:
    """Rate dossiers under two versions of the rubrics and show what moved: per product the
    total and stars before and after, and counts up, down and unchanged per class."""
    from ocop_rate.checks.diff import diff_rubrics

    report = _guard(lambda: diff_rubrics(
        base, head, [*(dossiers or []), *(more or [])],
        fail_on=None if fail_on is None else fail_on.value,
        rules_path=rules_path, policy=gate_policy.value))
    language = _code(lang)
    if fmt is CheckFormat.json:
        from ocop_rate.report.json_report import render_diff

        _emit(render_diff(report), output)
    elif fmt is CheckFormat.junit:
        from ocop_rate.report import junit

        _emit(junit.diff(report, language), output)
    elif fmt is CheckFormat.github:
        from ocop_rate.report.github import diff_lines

        _emit(diff_lines(report, language), output)
    else:
        from ocop_rate.report.github import diff_summary
        from ocop_rate.report.terminal import diff_view

        _show(lambda: [*diff_view(report, language), diff_summary(report, language)], output)
    raise typer.Exit(EXIT_SHORT if report.failed else EXIT_OK)


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(
        help="Dossier files, folders or globs.", show_default=False)],
    expect: Annotated[Path, typer.Option(
        "--expect", "-e", help="Golden file (.csv or .yaml): product_id, stars, total.",
        dir_okay=False, show_default=False)],
    tolerance: Annotated[float, typer.Option(
        "--tolerance", min=0.0, help="How far a total may stray from the expected one.")]
    = 0.01,
    update: Annotated[bool, typer.Option(
        "--update", help="Rewrite the golden file (atomically) with the current ratings.")]
    = False,
    rules: RulesOpt = None,
    fmt: CheckFormatOpt = CheckFormat.table,
    output: CheckOutputOpt = None,
    lang: LangOpt = Lang.vi,
    gate_policy: GatePolicyOpt = GatePolicyChoice.majority,
) -> None:
    """Rate dossiers and compare with expected stars (and totals within --tolerance) from a
    golden file. Exit 0 all met, 1 a mismatch or a dossier that could not be rated, 2 bad
    input."""
    from ocop_rate.checks.golden import compare, read_expectations
    from ocop_rate.pipeline import rate_paths

    library = _library(rules)
    result = _detailed(_guard(lambda: rate_paths(library, paths, gate_policy.value)))
    if not result.items:
        _fail(OcopError("no dossier files found (looked for .yaml, .yml, .json, .csv and "
                        ".xlsx)"))
    if update:
        from ocop_rate.report import golden_file

        _emit(golden_file.render(result, expect), expect)
        err = _console(stderr=True)
        err.print(f"→ {_escape(str(expect))}: {len(result.ratings)} "
                  f"{'sản phẩm' if _code(lang) == 'vi' else 'products'}")
        for failure in result.failures:
            for e in failure.errors:
                err.print(f"[red]✗[/] {_escape(failure.product_id or '?')}: "
                          f"{_escape(e.file or '')}: {_escape(e.message)}", highlight=False)
        raise typer.Exit(EXIT_SHORT if result.failures else EXIT_OK)
    if not expect.exists():
        _fail(OcopError(f"{expect}: no such golden file (create it with --update)"))
    expectations = _guard(lambda: read_expectations(expect))
    report = compare(result, expectations, str(expect), tolerance)
    language = _code(lang)
    if fmt is CheckFormat.json:
        from ocop_rate.report.json_report import render_golden

        _emit(render_golden(report), output)
    elif fmt is CheckFormat.junit:
        from ocop_rate.report import junit

        _emit(junit.golden(report, language), output)
    elif fmt is CheckFormat.github:
        from ocop_rate.report.github import golden_lines

        _emit(golden_lines(report, language), output)
    else:
        from ocop_rate.report.terminal import golden_view

        _show(lambda: list(golden_view(report, language)), output)
    raise typer.Exit(EXIT_OK if report.ok else EXIT_SHORT)
