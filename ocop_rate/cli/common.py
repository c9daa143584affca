"""Shared pieces of the command groups: options, the error-to-exit mapping, consoles,
atomic output. Heavy imports stay inside functions so ``--help`` starts fast."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn, TypeVar

import typer

from ocop_rate.errors import OcopError

if TYPE_CHECKING:
    from rich.console import Console

    from ocop_rate.loading.rubrics import RubricLibrary
    from ocop_rate.models.rating import BatchResult
    from ocop_rate.pipeline import Piece, Tally

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


class LevelChoice(StrEnum):
    province = "province"
    central = "central"


LevelOpt = Annotated[LevelChoice, typer.Option(
    "--level", help="The council's level, which decides the outcome (Decision 26/2026 "
    "Điều 4, 7): 'province' recognises 3-4 stars and proposes 90 or more for 5 stars; "
    "'central' recognises 5 stars.")]


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
                spread: float, level: LevelChoice = LevelChoice.province) -> BatchResult:
    """Rate ``paths``, with a transient progress bar on a terminal."""
    from ocop_rate.pipeline import rate_paths

    at: Literal["province", "central"] = "central" if level is LevelChoice.central \
        else "province"
    if not _progress_wanted():
        return _guard(lambda: rate_paths(library, paths, policy.value, spread_limit=spread,
                                         level=at))
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("ocop-rate"), BarColumn(), MofNCompleteColumn(),
                  console=_console(stderr=True), transient=True) as progress:
        task = progress.add_task("rate", total=None)

        def on_item(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return _guard(lambda: rate_paths(library, paths, policy.value, spread_limit=spread,
                                         on_item=on_item, level=at))


def _stream_batch(library: RubricLibrary, paths: list[str], policy: GatePolicyChoice,
                  spread: float, tally: Tally, level: LevelChoice = LevelChoice.province
                  ) -> Iterator[Piece]:
    """:func:`_rate_batch` as a stream (``pipeline.stream_paths``), with the same
    transient progress bar on a terminal."""
    from ocop_rate.pipeline import stream_paths

    at: Literal["province", "central"] = "central" if level is LevelChoice.central \
        else "province"
    if not _progress_wanted():
        yield from stream_paths(library, paths, policy.value, spread_limit=spread, tally=tally,
                                level=at)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("ocop-rate"), BarColumn(), MofNCompleteColumn(),
                  console=_console(stderr=True), transient=True) as progress:
        task = progress.add_task("rate", total=None)

        def on_item(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield from stream_paths(library, paths, policy.value, spread_limit=spread,
                                on_item=on_item, tally=tally, level=at)


def _detailed(result: BatchResult) -> BatchResult:
    """Score-sheet products as full ratings, for views that show each product in detail."""
    if not result.blocks:
        return result
    from ocop_rate.engine import expanded

    return expanded(result)


def _emit_bytes(data: bytes, output: Path) -> None:
    from ocop_rate.report.output import write_atomic

    try:
        write_atomic(output, data)
    except OSError as exc:
        _fail(OcopError(f"{output}: cannot write: {exc.strerror}"))


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


