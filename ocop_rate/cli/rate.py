"""rate, explain, summary, template: rating dossiers and score sheets for a council."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from ocop_rate.cli.app import app
from ocop_rate.cli.common import (
    EXIT_OK,
    EXIT_SHORT,
    ForceOpt,
    GatePolicyChoice,
    GatePolicyOpt,
    Lang,
    LangCode,
    LangOpt,
    LevelChoice,
    LevelOpt,
    MembersOpt,
    OutputOpt,
    PrintedDateOpt,
    RoundLevelOpt,
    RulesOpt,
    SpreadOpt,
    _code,
    _day,
    _guard,
    _library,
    _note,
    _rate_batch,
    _refuse_overwriting_inputs,
    _say,
    _stream_batch,
)
from ocop_rate.cli.formats import FormatOpt, deliver, refuse_unless
from ocop_rate.cli.help import OcopCommand
from ocop_rate.cli.round_common import (
    loose_of,
    rate_round,
    refuse_round_inputs,
    round_config,
    round_problems,
)
from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.errors import Location
from ocop_rate.views import registry
from ocop_rate.views.registry import Asked

if TYPE_CHECKING:
    from ocop_rate.loading.rubrics import RubricLibrary


@app.command(cls=OcopCommand)
def rate(
    paths: Annotated[list[str], typer.Argument(
        help="Dossier files, folders (searched recursively) or glob patterns.",
        metavar="PATH", show_default=False)],
    rules: RulesOpt = None,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    lang: LangOpt = Lang.vi,
    gate_policy: GatePolicyOpt = GatePolicyChoice.majority,
    members: MembersOpt = False,
    spread: SpreadOpt = DEFAULT_SPREAD,
    register_db: Annotated[Path | None, typer.Option(
        "--register", dir_okay=False, show_default=False, help="A certificate register: show "
        "each product's registration kind and previous class, and flag an upgrade that does "
        "not rise or a re-evaluation filed outside its window (on stderr).")] = None,
    level: RoundLevelOpt = None,
    date: PrintedDateOpt = None,
) -> None:
    """Rate dossiers and print their stars (chấm điểm và phân hạng sao). A round folder
    (with round.yaml) is rated as a council round, the files named beside it joining it:
    see `ocop-rate round --help`."""
    config = round_config(paths)
    refuse_unless("round" if config is not None else "batch", fmt, output)
    day = None if date is None else _day(date)  # a round's own date unless given
    language = _code(lang)
    if config is not None:
        _rate_round(config, rules=rules, fmt=fmt, output=output, lang=language,
                    members=members, level=level, day=day, loose=loose_of(paths))
    level = level or LevelChoice.province  # loose files: a provincial council unless told
    library = _library(rules)
    _refuse_overwriting_inputs(output, paths)
    asked = Asked(language, day=day or _day(None), members=members,
                  rubrics=library.rubrics)
    if registry.drawer("batch", fmt).stream and register_db is None:
        # written as scored (--members changes the table only; --register needs them all)
        _rate_streamed(library, paths, gate_policy, spread, fmt, asked, output, level)
    result = _rate_batch(library, paths, gate_policy, spread, level)
    if not result.count:
        _say("input.no_dossiers")
    deliver("batch", fmt, result, asked, output)
    if output is not None:
        _note("cli.wrote", path=str(output), count=result.count)
    if register_db is not None:
        from ocop_rate.cli.register_common import show_registrations

        show_registrations(register_db, result, language)
    raise typer.Exit(EXIT_SHORT if result.failures else EXIT_OK)


def _rate_round(config: Path, *, rules: list[Path] | None, fmt: str, output: Path | None,
                lang: LangCode, members: bool, level: LevelChoice | None, day: dt.date | None,
                loose: list[str]) -> NoReturn:
    """``ocop-rate rate ROUND/ [LOOSE…]``: the round's header, who scored what, the
    results, the round's notes, in any format a batch has; the loose files' sheets join
    the round. Exit 1 when a product is not rated or the round has problems. The collector
    runs less often meanwhile (:func:`~ocop_rate.pipeline.fewer_collections`)."""
    from ocop_rate.pipeline import fewer_collections

    with fewer_collections():
        if output is not None:
            refuse_round_inputs(config, output)
            _refuse_overwriting_inputs(output, loose)
        library = _library(rules)
        report, result = rate_round(config, rules, level, library, loose)
        if registry.drawer("round", fmt).data_only:  # the data has no place for them
            round_problems(report, lang)
        asked = Asked(lang, day=day, members=members, rubrics=library.rubrics)
        deliver("round", fmt, (report, result), asked, output)
    if output is not None:
        _note("cli.wrote", path=str(output), count=len(report.entries))
    raise typer.Exit(EXIT_SHORT if report.short else EXIT_OK)


def _rate_streamed(library: RubricLibrary, paths: list[str], policy: GatePolicyChoice,
                   spread: float, fmt: str, asked: Asked, output: Path | None,
                   level: LevelChoice) -> NoReturn:
    """JSON and CSV, written as the products are scored: memory stays flat."""
    from ocop_rate.loading.dossiers import collect_names
    from ocop_rate.pipeline import Tally
    from ocop_rate.views.batch import Stream

    refused: list[Path] = []
    if not _guard(lambda: collect_names(paths, refused, keep=True)) and not refused:
        _say("input.no_dossiers")
    tally = Tally()
    pieces = _stream_batch(library, paths, policy, spread, tally, level)
    _guard(lambda: deliver("batch", fmt, Stream(pieces), asked, output))
    if output is not None:
        _note("cli.wrote", path=str(output), count=tally.count)
    raise typer.Exit(EXIT_SHORT if tally.failures else EXIT_OK)




@app.command(cls=OcopCommand)
def explain(
    paths: Annotated[list[str], typer.Argument(
        metavar="DOSSIER…", help="Dossier file(s) to explain (folders and globs work too).",
        show_default=False)],
    rules: RulesOpt = None,
    lang: LangOpt = Lang.vi,
    gate_policy: GatePolicyOpt = GatePolicyChoice.majority,
    spread: SpreadOpt = DEFAULT_SPREAD,
    output: OutputOpt = None,
    level: LevelOpt = LevelChoice.province,
    fmt: FormatOpt = "table",
) -> None:
    """Print the sheet as scored: each member's options, points, evidence, derived facts,
    gates, self-assessment against the council, and the upgrades to the next star."""
    refuse_unless("product", fmt, output)
    library = _library(rules)
    _refuse_overwriting_inputs(output, paths)
    result = _rate_batch(library, paths, gate_policy, spread, level)
    if not result.count:  # score-sheet products are in blocks, not items
        _say("input.no_dossiers")
    deliver("product", fmt, result, Asked(_code(lang), day=_day(None),
                                          rubrics=library.rubrics), output)
    raise typer.Exit(EXIT_SHORT if result.failures else EXIT_OK)


@app.command(cls=OcopCommand)
def summary(
    paths: Annotated[list[str], typer.Argument(
        help="Dossier files, folders (searched recursively) or glob patterns.",
        show_default=False)],
    rules: RulesOpt = None,
    fmt: FormatOpt = "table",
    output: OutputOpt = None,
    lang: LangOpt = Lang.vi,
    gate_policy: GatePolicyOpt = GatePolicyChoice.majority,
    level: LevelOpt = LevelChoice.province,
) -> None:
    """Counts and shares by star class, product group and set, place and producer kind,
    with mean part scores (tổng hợp kết quả)."""
    from ocop_rate.summary import summarise

    refuse_unless("summary", fmt, output)
    library = _library(rules)
    _refuse_overwriting_inputs(output, paths)
    result = _rate_batch(library, paths, gate_policy, DEFAULT_SPREAD, level)
    if not result.count:  # score-sheet products are in blocks, not items
        _say("input.no_dossiers")
    digest = summarise(result)  # read off the columns: no rating per sheet product
    deliver("summary", fmt, digest, Asked(_code(lang)), output)
    raise typer.Exit(EXIT_SHORT if result.failures else EXIT_OK)


@app.command(cls=OcopCommand)
def template(
    rubric_ids: Annotated[list[str], typer.Argument(
        metavar="RUBRIC_ID...", help="One or more product sets, e.g. food-fresh-meat-26 "
        "(xlsx: a score sheet each, in one workbook).", show_default=False)],
    fmt: FormatOpt = "yaml",
    output: OutputOpt = None,
    members: Annotated[int, typer.Option(
        "--members", min=1, max=30, help="Blank member sheets in the YAML dossier.")] = 2,
    force: ForceOpt = False,
    rules: RulesOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Write a blank dossier or council score sheet for one product set, every criterion
    with its options and points (mẫu hồ sơ / phiếu chấm trống)."""
    refuse_unless("template", fmt, output)
    library = _library(rules)
    chosen = _guard(lambda: [library.get(rid) for rid in dict.fromkeys(rubric_ids)])
    _refuse_overwriting_inputs(output)  # an input is refused even with --force
    if output is not None and output.is_file() and not force:  # a device is no work
        _say("cli.exists", Location(str(output)))
    _guard(lambda: deliver("template", fmt, (chosen, members), Asked(_code(lang)), output))
    if output is not None:
        _note("cli.wrote_file", path=str(output))
