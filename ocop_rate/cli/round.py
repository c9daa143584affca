"""round new, round status, and ``rate ROUND/``: a council round as councils run it."""

from __future__ import annotations

import contextlib
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ocop_rate.cli.app import app
from ocop_rate.cli.common import (
    EXIT_OK,
    EXIT_SHORT,
    Lang,
    LangCode,
    LangOpt,
    LevelChoice,
    RateFormat,
    RulesOpt,
    _cannot_write,
    _code,
    _console,
    _day,
    _emit,
    _emit_bytes,
    _escape,
    _fail,
    _finite,
    _guard,
    _library,
    _marked,
    _say,
)
from ocop_rate.cli.help import OcopCommand, OcopGroup
from ocop_rate.errors import OcopError, Problem


class ModeChoice(StrEnum):
    average = "average"
    consensus = "consensus"
    written = "written"


class StatusFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


if TYPE_CHECKING:
    from rich.console import RenderableType

    from ocop_rate.models.rating import BatchResult
    from ocop_rate.models.round import RoundReport

round_app = typer.Typer(help="A council round (đợt đánh giá): scaffold it, see who is "
                        "missing. Rate it with `ocop-rate rate ROUND/`.", no_args_is_help=True,
                        cls=OcopGroup)
app.add_typer(round_app, name="round")


def round_config(paths: list[str]) -> Path | None:
    """The round.yaml of the one round folder named in ``paths``, if any (a round is
    rated on its own)."""
    from ocop_rate.round import round_file

    found = [(arg, round_file(arg)) for arg in paths]
    rounds = [(arg, f) for arg, f in found if f is not None]
    if not rounds:
        return None
    if len(paths) > 1:
        _fail(OcopError(Problem.of("round.mixed_inputs", None, path=rounds[0][0])))
    return rounds[0][1]


def _rate(config: Path, rules: list[Path] | None, level: LevelChoice | None
          ) -> tuple[RoundReport, BatchResult]:
    from ocop_rate.round import rate_round

    library = _library(rules)
    return _guard(lambda: rate_round(library, config, None if level is None
                                     else level.value))


def rate_round_command(config: Path, *, rules: list[Path] | None, fmt: RateFormat,
                       output: Path | None, lang: Lang, members: bool,
                       level: LevelChoice | None) -> None:
    """``ocop-rate rate ROUND/``: the round's header, who scored what, the results, the
    round's notes. Exit 1 when a product is not rated or the round has problems."""
    if output is not None:
        _refuse_round_inputs(config, output)
    report, result = _rate(config, rules, level)
    language = _code(lang)
    if fmt in (RateFormat.json, RateFormat.csv):  # the data has no place for them
        _round_problems(report, language)
    if fmt is RateFormat.json:
        from ocop_rate.report import round_json

        _emit(round_json.render(report, result, language), output)
    elif fmt is RateFormat.markdown:
        from ocop_rate.report import round_view

        _emit(round_view.markdown(report, result, language), output)
    elif fmt is RateFormat.table:
        _print(_round_blocks(report, result, language, members, full=False), output)
    else:  # csv, html, xlsx: the loose-file reports with the round in front
        if fmt is RateFormat.csv:
            from ocop_rate.report import round_csv
            from ocop_rate.report.csv_report import ENCODING

            _emit(round_csv.render(report, result, language), output, encoding=ENCODING)
        elif fmt is RateFormat.html:
            from ocop_rate.report.round_html import render_html

            _emit(render_html(report, result, language, _library(rules).rubrics), output)
        else:
            from ocop_rate.report.round_html import render_xlsx

            assert output is not None  # rate() asks for --output with xlsx
            _emit_bytes(render_xlsx(report, result, language), output)
    raise typer.Exit(EXIT_SHORT if report.short else EXIT_OK)


def _round_problems(report: RoundReport, lang: LangCode) -> None:
    """The round's own problems (a sheet refused, an id not on the list…), located, one a
    line on stderr: the JSON array and the CSV hold products only."""
    from ocop_rate.messages import text

    err = _console(stderr=True)
    label = text("cli.error", lang)
    for problem in report.problems:
        err.print(_marked(f"{label}:", "bold red", problem.text(lang)), soft_wrap=True)


def _refuse_round_inputs(config: Path, output: Path) -> None:
    """Inputs are never written: a report may not land on a file the round reads (nor,
    by its suffix, become a members' sheet of the round next time)."""
    from ocop_rate.round.config import SHEET_SUFFIXES, open_round

    folder = _guard(lambda: open_round(config))
    inputs = {config.resolve(), folder.products.resolve(),
              *(p.resolve() for p, _ in folder.sheets)}
    target = output.resolve()
    inside = target.is_relative_to(folder.root.resolve())
    if target in inputs or (inside and target.suffix.lower() in SHEET_SUFFIXES):
        _fail(OcopError(Problem.of("round.output_is_input", None, path=str(output))))


def _round_blocks(report: RoundReport, result: BatchResult, lang: LangCode, members: bool,
                  full: bool) -> list[RenderableType]:
    from rich.text import Text

    from ocop_rate.cli.rate import _table_blocks
    from ocop_rate.report.round_view import head_view, tail_view

    return [*head_view(report, lang, full_matrix=full), Text(""),
            *_table_blocks(result, lang, members, _console().width), Text(""),
            *tail_view(report, lang)]


def _print(blocks: list[RenderableType], output: Path | None) -> None:
    from ocop_rate.cli.rate import _located

    console = _console() if output is None else _console(width=120)
    with console.capture() if output is not None else contextlib.nullcontext() as capture:
        for block in blocks:  # lines wrap at words, but a located error stays one line
            console.print(block, soft_wrap=_located(block))
    if capture is not None:
        _emit(capture.get(), output)


@round_app.command("status", cls=OcopCommand)
def status(
    folder: Annotated[Path, typer.Argument(metavar="ROUND", help="The round folder (with "
                                           "round.yaml).", show_default=False)],
    rules: RulesOpt = None,
    fmt: Annotated[StatusFormat, typer.Option("--format", "-f", help="Output format.")]
    = StatusFormat.table,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (atomically) instead of the screen.",
        dir_okay=False, show_default=False)] = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Who has scored what (members × products), quorum per product, and every problem of
    the round, before rating. Exit 1 while something is missing. `-f json` is the round as
    a whole (round, completeness, quorum, extra, located problems: docs/contract.md);
    the products' results are `rate ROUND -f json`."""
    from ocop_rate.round import round_file

    config = round_file(str(folder))
    if config is None:
        _fail(OcopError(Problem.of("round.not_a_round", None, path=str(folder))))
    report, result = _rate(config, rules, None)
    language = _code(lang)
    incomplete = any(v == "missing" for e in report.entries for v in e.completeness.values())
    if fmt is StatusFormat.json:
        from ocop_rate.report import round_json

        _emit(round_json.status(report, language), output)
    elif fmt is StatusFormat.markdown:
        from ocop_rate.report import round_view

        _emit(round_view.markdown(report, result, language), output)
    else:
        from ocop_rate.report.round_view import head_view

        _print(head_view(report, language, full_matrix=True), output)
    raise typer.Exit(EXIT_SHORT if incomplete or report.short else EXIT_OK)


@round_app.command("new", cls=OcopCommand)
def new(
    folder: Annotated[Path, typer.Argument(metavar="ROUND", help="The round folder to "
                                           "create (or fill).", show_default=False)],
    roster: Annotated[Path, typer.Option(
        "--roster", help="The council: CSV/XLSX/YAML with name, unit, role (chair, member, "
        "secretary).", show_default=False, exists=True, dir_okay=False)],
    products: Annotated[Path, typer.Option(
        "--products", help="The product list: CSV/XLSX/YAML (product_id, product_name, "
        "rubric, producer, …, facts).", show_default=False, exists=True, dir_okay=False)],
    name: Annotated[str, typer.Option("--name", help="The round's name.",
                                      show_default=False)],
    date: Annotated[str | None, typer.Option(
        "--date", help="The round's date, dd/mm/yyyy or yyyy-mm-dd.", show_default=False)]
    = None,
    level: Annotated[LevelChoice, typer.Option("--level", help="The council's level.")]
    = LevelChoice.province,
    province: Annotated[str | None, typer.Option("--province", show_default=False)] = None,
    quorum: Annotated[str, typer.Option(
        "--quorum", help="Scoring members needed per product: a count (3), a share (0.67 "
        "or 2/3) or all.")] = "all",
    mode: Annotated[ModeChoice | None, typer.Option(
        "--mode", help="average of members' sheets, one agreed sheet (consensus), or written "
        "opinions (written; the default when every product is a re-evaluation, else average).",
        show_default=False)] = None,
    answers_due: Annotated[str | None, typer.Option(
        "--answers-due", help="Written opinions: the last day for members' answers, "
        "YYYY-MM-DD.", show_default=False)] = None,
    spread: Annotated[float, typer.Option("--spread", min=0, max=100, callback=_finite,
                                          help="Spread limit in points.")] = 10.0,
    force: Annotated[bool, typer.Option("--force", help="Overwrite files that exist.")]
    = False,
    rules: RulesOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Scaffold a round: round.yaml, the product list, and one pre-filled workbook per
    scoring member (sheets/NAME.xlsx) with every product row, option drop-downs and a
    guide sheet. Never overwrites a file without --force."""
    from ocop_rate.messages import text
    from ocop_rate.report.output import write_all_atomic
    from ocop_rate.round.scaffold import scaffold

    when = None if date is None else _day(date)
    due = None if answers_due is None else _day(answers_due, "--answers-due")
    count = parse_quorum(quorum)
    library = _library(rules)
    files = _guard(lambda: scaffold(library, roster, products, name=name, date=when,
                                    level=level.value, province=province, quorum=count,
                                    mode=None if mode is None else mode.value,
                                    spread_limit=spread, answers_due=due))
    targets = {folder / rel: data for rel, data in files.items()}
    if not force:
        there = [Problem.of("round.exists", None, path=str(p)) for p in targets if p.exists()]
        if there:
            _fail(OcopError(there))
    try:  # every refusal before the first byte; then all files, or none
        _guard(lambda: write_all_atomic(targets))
    except OSError as exc:
        _cannot_write(folder, exc)
    members = sum(1 for rel in files if rel.endswith(".xlsx") and rel.startswith("sheets/"))
    listed = sum(1 for _ in _product_ids(targets))
    _console(stderr=True).print(_escape(text(
        "round.written", _code(lang), path=str(folder), name=name, members=members,
        products=listed)))


def parse_quorum(value: str) -> int | float | str:
    """``3`` -> 3 members; ``0.67`` or ``2/3`` -> a share; ``all`` -> every member."""
    text = value.strip().casefold()
    try:
        if text in ("all", "tat ca", "tất cả"):
            return 1.0
        if text.isdigit():
            return int(text)
        if "/" in text:
            top, bottom = text.split("/", 1)
            if int(bottom) == 0:
                raise ZeroDivisionError
            return f"{int(top)}/{int(bottom)}"
        return float(text)
    except (ValueError, ZeroDivisionError):
        _say("round.bad_quorum", value=value)


def _product_ids(targets: dict[Path, bytes]) -> list[str]:
    from ocop_rate.round.products import read_products

    for path in targets:
        if path.name.startswith("products"):
            return list(read_products(path).products)
    return []
