"""round new, round status: a council round as councils run it (``rate ROUND/`` rates it:
:mod:`ocop_rate.cli.rate`)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ocop_rate.cli.common import (
    EXIT_OK,
    EXIT_SHORT,
    ForceOpt,
    Lang,
    LangOpt,
    LevelChoice,
    LevelOpt,
    OutputOpt,
    RulesOpt,
    SpreadOpt,
    _cannot_write,
    _code,
    _console,
    _day,
    _escape,
    _fail,
    _guard,
    _library,
    _say,
)
from ocop_rate.cli.formats import FormatOpt, deliver, refuse_unless
from ocop_rate.cli.help import OcopCommand
from ocop_rate.cli.round_common import rate_round, refuse_round_inputs, round_app
from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.errors import OcopError, Problem
from ocop_rate.views.registry import Asked


class ModeChoice(StrEnum):
    average = "average"
    consensus = "consensus"
    written = "written"




@round_app.command("status", cls=OcopCommand)
def status(
    folder: Annotated[Path, typer.Argument(metavar="ROUND", help="The round folder (with "
                                           "round.yaml).", show_default=False)],
    rules: RulesOpt = None,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Who has scored what (members × products), quorum per product, and every problem of
    the round, before rating. Exit 1 while something is missing. `-f json` is the round as
    a whole (round, completeness, quorum, extra, located problems: docs/contract.md);
    the products' results are `rate ROUND -f json`."""
    from ocop_rate.round import round_file

    refuse_unless("round-status", fmt, output)
    config = round_file(str(folder))
    if config is None:
        _fail(OcopError(Problem.of("round.not_a_round", None, path=str(folder))))
    if output is not None:
        refuse_round_inputs(config, output)
    report, result = rate_round(config, rules, None)
    incomplete = any(v == "missing" for e in report.entries for v in e.completeness.values())
    deliver("round-status", fmt, (report, result), Asked(_code(lang)), output)
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
    level: LevelOpt = LevelChoice.province,
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
    spread: SpreadOpt = DEFAULT_SPREAD,
    force: ForceOpt = False,
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
