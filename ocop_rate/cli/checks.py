"""validate, diff, check: rubric checks for CI.

Exit codes: 0 nothing fell short; 1 a lint failed, a product moved as --fail-on names, a
golden expectation was not met, or a dossier could not be rated; 2 usage or unusable input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ocop_rate.cli.app import app
from ocop_rate.cli.common import (
    EXIT_OK,
    EXIT_SHORT,
    FailOnChoice,
    GatePolicyChoice,
    GatePolicyOpt,
    Lang,
    LangOpt,
    OutputOpt,
    RulesOpt,
    _code,
    _console,
    _emit,
    _fail,
    _finite,
    _guard,
    _library,
    _marked,
    _note,
    _refuse_overwriting_inputs,
    _say,
)
from ocop_rate.cli.formats import FormatOpt, deliver
from ocop_rate.cli.help import OcopCommand
from ocop_rate.errors import Location, OcopError, Problem
from ocop_rate.views.registry import Asked

GOLDEN_SUFFIXES = (".csv", ".yaml", ".yml", ".json")


@app.command(cls=OcopCommand)
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Rubric folders or files. Default: the bundled rubrics.", show_default=False)]
    = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Warnings fail the run too (exit 1).")] = False,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Lint rubric files: schema and semantic checks, each with an id, a severity and a
    file:line:column. Exit 0 sound (warnings allowed unless --strict), 1 lint failures,
    2 unusable input."""
    from ocop_rate.checks.lints import run_lints

    report = _guard(lambda: run_lints(paths or None, strict))
    _refuse_overwriting_inputs(output)
    deliver("lints", fmt, report, Asked(_code(lang)), output)
    raise typer.Exit(EXIT_OK if report.ok else EXIT_SHORT)


@app.command(cls=OcopCommand)
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
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
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
    _refuse_overwriting_inputs(output)
    deliver("diff", fmt, report, Asked(_code(lang)), output)
    raise typer.Exit(EXIT_SHORT if report.failed else EXIT_OK)


@app.command(cls=OcopCommand)
def check(
    paths: Annotated[list[str], typer.Argument(
        help="Dossier files, folders or globs.", show_default=False)],
    expect: Annotated[Path, typer.Option(
        "--expect", "-e", help="Golden file (.csv or .yaml): product_id, stars, total.",
        dir_okay=False, show_default=False)],
    tolerance: Annotated[float, typer.Option(
        "--tolerance", min=0.0, callback=_finite,
        help="How far a total may stray from the expected one.")]
    = 0.01,
    update: Annotated[bool, typer.Option(
        "--update", help="Rewrite the golden file (atomically) with the current ratings.")]
    = False,
    rules: RulesOpt = None,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    lang: LangOpt = Lang.vi,
    gate_policy: GatePolicyOpt = GatePolicyChoice.majority,
) -> None:
    """Rate dossiers and compare with expected stars (and totals within --tolerance) from a
    golden file. Exit 0 all met, 1 a mismatch or a dossier that could not be rated, 2 bad
    input."""
    from ocop_rate.checks.golden import compare, read_expectations
    from ocop_rate.pipeline import rate_paths
    from ocop_rate.views.product import detailed

    if expect.suffix.lower() not in GOLDEN_SUFFIXES:  # before anything is written
        _fail(OcopError(Problem.of("safety.golden_suffix", Location(str(expect)),
                                   path=str(expect))))
    library = _library(rules)
    _refuse_overwriting_inputs(output, paths)
    if update:
        _refuse_overwriting_inputs(expect)
    result = detailed(_guard(lambda: rate_paths(library, paths, gate_policy.value)))
    if not result.items:
        _say("input.no_dossiers")
    if update:
        from ocop_rate.report import golden_file
        from ocop_rate.report.labels import problem_line

        _emit(golden_file.render(result, expect), expect)
        _note("cli.wrote", path=str(expect), count=len(result.ratings))
        err = _console(stderr=True)
        for failure in result.failures:
            for e in failure.errors:
                err.print(_marked("✗", "red", f"{failure.product_id or '?'}: "
                                  f"{problem_line(e, _code(lang))}"), highlight=False)
        raise typer.Exit(EXIT_SHORT if result.failures else EXIT_OK)
    if not expect.exists():
        _say("cli.no_golden", Location(str(expect)))
    expectations = _guard(lambda: read_expectations(expect))
    report = compare(result, expectations, str(expect), tolerance)
    deliver("golden", fmt, report, Asked(_code(lang)), output)
    raise typer.Exit(EXIT_OK if report.ok else EXIT_SHORT)
