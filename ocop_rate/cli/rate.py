"""rate, explain, summary, template: rating dossiers and score sheets for a council."""

from __future__ import annotations

import contextlib
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from ocop_rate.cli.app import app
from ocop_rate.cli.common import (
    EXIT_OK,
    EXIT_SHORT,
    GatePolicyChoice,
    Lang,
    LangCode,
    LangOpt,
    LevelChoice,
    LevelOpt,
    MembersOpt,
    RateFormat,
    RoundLevelOpt,
    RulesOpt,
    SpreadOpt,
    _code,
    _console,
    _day,
    _detailed,
    _emit,
    _emit_bytes,
    _guard,
    _library,
    _marked,
    _note,
    _rate_batch,
    _refuse_overwriting_inputs,
    _say,
    _stream_batch,
)
from ocop_rate.cli.help import OcopCommand
from ocop_rate.cli.round import rate_round_command, round_config
from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.errors import Location

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from rich.console import Console, RenderableType

    from ocop_rate.loading.rubrics import RubricLibrary
    from ocop_rate.models.rating import BatchResult


@app.command(cls=OcopCommand)
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
    register_db: Annotated[Path | None, typer.Option(
        "--register", dir_okay=False, show_default=False, help="A certificate register: show "
        "each product's registration kind and previous class, and flag an upgrade that does "
        "not rise or a re-evaluation filed outside its window (on stderr).")] = None,
    level: RoundLevelOpt = None,
    date: Annotated[str | None, typer.Option(
        "--date", help="The date printed on sheets, results lists and "
        "minutes (-f sheets, results, docx); default: today.", show_default=False)] = None,
) -> None:
    """Rate dossiers and print their stars (chấm điểm và phân hạng sao). A round folder
    (with round.yaml) is rated as a council round: see `ocop-rate round --help`."""
    if fmt in (RateFormat.xlsx, RateFormat.docx) and output is None:
        _say("cli.needs_output", format=fmt.value)
    day = _day(date)
    config = round_config(paths)
    if config is not None:
        rate_round_command(config, rules=rules, fmt=fmt, output=output, lang=lang,
                           members=members, level=level)
    level = level or LevelChoice.province  # loose files: a provincial council unless told
    library = _library(rules)
    _refuse_overwriting_inputs(output, paths)
    language = _code(lang)
    if fmt in (RateFormat.json, RateFormat.csv) and register_db is None:
        # written as scored (--members changes the table only; --register needs them all)
        _rate_streamed(library, paths, gate_policy, spread, fmt, language, output, level)
    result = _rate_batch(library, paths, gate_policy, spread, level)
    if not result.count:
        _say("input.no_dossiers")
    language = _code(lang)
    if fmt in (RateFormat.sheets, RateFormat.results):
        from ocop_rate.report import printed

        _emit(printed.render(_detailed(result), language, library.rubrics, day,
                             sheets=fmt is RateFormat.sheets, listing=True), output)
    elif fmt is RateFormat.docx:
        from ocop_rate.report import docx_report

        assert output is not None
        _emit_bytes(docx_report.render(_detailed(result), language, day), output)
    elif fmt is RateFormat.xlsx:  # read off the columns: no rating per sheet product
        from ocop_rate.report import xlsx_report

        assert output is not None
        _emit_bytes(xlsx_report.render(result, language), output)
    elif fmt is RateFormat.html:
        _rate_html(result, library, language, output)  # sheets read off columns
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
        console = _console() if output is None else _console(width=120)
        blocks = _table_blocks(result, language, members, console.width)
        if output is None and console.is_terminal:  # each block (a long table: each
            for block in blocks:                      # piece) written as laid out
                console.print(block, soft_wrap=_located(block))
        else:
            _emit(_captured(console, blocks), output)
    if output is not None:
        _note("cli.wrote", path=str(output), count=result.count)
    if register_db is not None:
        from ocop_rate.cli.register import show_registrations

        show_registrations(register_db, result, language)
    raise typer.Exit(EXIT_SHORT if result.failures else EXIT_OK)


def _rate_streamed(library: RubricLibrary, paths: list[str], policy: GatePolicyChoice,
                   spread: float, fmt: RateFormat, lang: LangCode, output: Path | None,
                   level: LevelChoice) -> NoReturn:
    """JSON and CSV, written as the products are scored: memory stays flat."""
    from ocop_rate.loading.dossiers import collect_paths
    from ocop_rate.pipeline import Tally

    refused: list[Path] = []
    if not _guard(lambda: collect_paths(paths, refused)) and not refused:
        _say("input.no_dossiers")
    tally = Tally()
    pieces = _stream_batch(library, paths, policy, spread, tally, level)
    if fmt is RateFormat.json:
        from ocop_rate.report import json_report

        _guard(lambda: _emit(json_report.render_stream(pieces, lang), output))
    else:
        from ocop_rate.report import csv_report

        _guard(lambda: _emit(csv_report.render_stream(pieces, lang), output,
                             encoding=csv_report.ENCODING))
    if output is not None:
        _note("cli.wrote", path=str(output), count=tally.count)
    raise typer.Exit(EXIT_SHORT if tally.failures else EXIT_OK)


def _captured(console: Console, blocks: Iterable[RenderableType]) -> Iterator[str]:
    """The text of each block as the console lays it out, one block at a time: a file or
    a pipe receives a long table piece by piece instead of as one string.

    On a file or a pipe two kinds of block skip rich's printing, for the same bytes: a
    line of plain text (the lines under a long table, one per disagreement) is written as
    it is when it fits or is a located error (never wrapped), and wrapped by
    :mod:`~ocop_rate.report.plain_wrap` when its characters are one cell wide; a piece of
    the results table is written as its segments, whose lines are the table's width."""
    from rich.cells import cell_len
    from rich.text import Text

    from ocop_rate.report import plain_wrap
    from ocop_rate.report.results_table import is_piece

    plain = console.color_system is None
    width = console.width
    for block in blocks:
        if plain and isinstance(block, Text) and block.end == "\n" and not block.justify \
                and not block.overflow and not block.no_wrap:
            line = block.plain
            if line.isprintable() and line == line.strip():
                narrow = plain_wrap.narrow(line)
                if _located(block) or (len(line) if narrow else cell_len(line)) <= width:
                    yield line + "\n"
                    continue
                if narrow:
                    yield "\n".join(plain_wrap.wrap(line, width)) + "\n"
                    continue
        if plain and is_piece(block):
            yield "".join(segment.text for segment in console.render(block))
            continue
        with console.capture() as capture:
            console.print(block, soft_wrap=_located(block))
        yield capture.get()


def _located(block: object) -> bool:
    """An error line (``✗ file:line: …``) stays on one line, for grep and editors; all
    else wraps to the screen."""
    from rich.text import Text

    return isinstance(block, Text) and block.plain.startswith("✗")


def _table_blocks(result: BatchResult, lang: LangCode, members: bool, width: int
                  ) -> Iterator[RenderableType]:
    """What the table view prints, block by block: members' sheets (``--members``), the
    results, then one line per disagreement, made as they are printed."""
    from ocop_rate.report.members_view import batch_disagreements, members_view
    from ocop_rate.report.terminal import batch_view

    if members:
        yield from members_view(result, lang)
    yield from batch_view(result, lang, width)
    disagreements = batch_disagreements(result, lang)  # no rating per sheet product
    heading = next(disagreements, None)
    if heading is not None:
        from rich.text import Text

        yield Text("")
        yield heading
        yield from disagreements


def _rate_html(result: BatchResult, library: RubricLibrary, lang: LangCode,
               output: Path | None) -> None:
    from ocop_rate.report import html_report
    from ocop_rate.summary import summarise

    _emit(html_report.render_chunks(result, lang, summarise(result), library.rubrics), output)


@app.command(cls=OcopCommand)
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
    level: LevelOpt = LevelChoice.province,
) -> None:
    """Print the sheet as scored: each member's options, points, evidence, derived facts,
    gates, self-assessment against the council, and the upgrades to the next star."""
    from rich.rule import Rule

    from ocop_rate.models.rating import Failure
    from ocop_rate.report.explain import explain_view
    from ocop_rate.report.labels import problem_line

    library = _library(rules)
    _refuse_overwriting_inputs(output, paths)
    result = _rate_batch(library, paths, gate_policy, spread, level)
    if not result.count:  # score-sheet products are in blocks, not items
        _say("input.no_dossiers")
    language = _code(lang)
    console = _console() if output is None else _console(width=140)
    with console.capture() if output is not None else contextlib.nullcontext() as capture:
        for item in _detailed(result).items:
            if isinstance(item, Failure):
                console.print(Rule(item.product_id or item.file or "?"))
                for e in item.errors:
                    console.print(_marked("✗", "red", problem_line(e, language)),
                                  soft_wrap=True)
                continue
            console.print(Rule(item.product_id))
            for block in explain_view(item, language, library.rubrics.get(item.rubric)):
                console.print(block)
    if capture is not None:
        _emit(capture.get(), output)
    raise typer.Exit(EXIT_SHORT if result.failures else EXIT_OK)


class SummaryFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


@app.command(cls=OcopCommand)
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
    level: LevelOpt = LevelChoice.province,
) -> None:
    """Counts and shares by star class, product group and set, place and producer kind,
    with mean part scores (tổng hợp kết quả)."""
    from ocop_rate.summary import summarise

    library = _library(rules)
    _refuse_overwriting_inputs(output, paths)
    result = _rate_batch(library, paths, gate_policy, DEFAULT_SPREAD, level)
    if not result.count:  # score-sheet products are in blocks, not items
        _say("input.no_dossiers")
    language = _code(lang)
    digest = summarise(result)  # read off the columns: no rating per sheet product
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


@app.command(cls=OcopCommand)
def template(
    rubric_ids: Annotated[list[str], typer.Argument(
        metavar="RUBRIC_ID...", help="One or more product sets, e.g. food-fresh-meat-26 "
        "(xlsx: a score sheet each, in one workbook).", show_default=False)],
    fmt: Annotated[TemplateFormat, typer.Option(
        "--format", "-f", help="yaml: a dossier skeleton; xlsx: a council score sheet.")]
    = TemplateFormat.yaml,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write to this file (required for xlsx).", dir_okay=False,
        show_default=False)] = None,
    members: Annotated[int, typer.Option(
        "--members", min=1, max=30, help="Blank member sheets in the YAML dossier.")] = 2,
    force: Annotated[bool, typer.Option(
        "--force", help="Overwrite --output if it exists (never done otherwise: a filled "
        "sheet is the council's work).")] = False,
    rules: RulesOpt = None,
    lang: LangOpt = Lang.vi,
) -> None:
    """Write a blank dossier or council score sheet for one product set, every criterion
    with its options and points (mẫu hồ sơ / phiếu chấm trống)."""
    if fmt is TemplateFormat.xlsx and output is None:
        _say("cli.needs_output", format="xlsx")
    library = _library(rules)
    chosen = _guard(lambda: [library.get(rid) for rid in dict.fromkeys(rubric_ids)])
    _refuse_overwriting_inputs(output)  # an input is refused even with --force
    if output is not None and output.is_file() and not force:  # a device is no work
        _say("cli.exists", Location(str(output)))
    if fmt is TemplateFormat.xlsx:
        from ocop_rate.report import template_xlsx

        assert output is not None
        _emit_bytes(template_xlsx.render(chosen), output)
    else:
        from ocop_rate.report import template_yaml

        if len(chosen) > 1:
            _say("cli.one_yaml_template")
        _emit(template_yaml.render(chosen[0], members), output)
    if output is not None:
        _note("cli.wrote_file", path=str(output))


