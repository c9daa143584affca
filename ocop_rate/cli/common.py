"""Shared pieces of the command groups: options, the error-to-exit mapping, consoles,
atomic output. Heavy imports stay inside functions so ``--help`` starts fast."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn, TypeVar

import typer

from ocop_rate.errors import Location, OcopError, Problem

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


class GatePolicyChoice(StrEnum):
    majority = "majority"
    all = "all"


_SPOKEN: list[LangCode] = []  # the --lang of the command being run, once parsed


def spoken() -> LangCode:
    """The user's language: the command's --lang, else OCOP_LANG, else Vietnamese."""
    if _SPOKEN:
        return _SPOKEN[-1]
    return "en" if os.environ.get("OCOP_LANG", "").strip().lower() == "en" else "vi"


def _set_lang(value: Lang | str | None) -> Lang | str | None:
    if value is not None:
        _SPOKEN.append("en" if str(value) == "en" else "vi")
    return value


LangOpt = Annotated[Lang, typer.Option(
    "--lang", "-l", envvar="OCOP_LANG", callback=_set_lang, is_eager=True,
    help="Report language: vi (Tiếng Việt) or en.")]
RulesOpt = Annotated[list[Path] | None, typer.Option(
    "--rules", "-r", help="Rubric folder or file (repeatable). Default: the bundled rubrics.",
    show_default=False)]

# Every option more than one command takes is declared once, here (the register's own
# filters and decision fields in cli.register_common); a command gives only its default.
# The help a user reads is the catalogue's, by command path (cli.help); the ``help=``
# words below are the code's fallback. Same-named options that differ in meaning stay
# apart: ``rate template --members`` (a count), ``places --db`` (no $OCOP_REGISTER: the
# register is checked only when named), ``round new --province`` (the round's own),
# ``--within`` and ``--authority`` (defaults and requiredness differ per command).
_OUTPUT = typer.Option("--output", "-o", dir_okay=False, show_default=False,
                       help="Write to this file (atomically) instead of the screen.")
OutputOpt = Annotated[Path | None, _OUTPUT]
RequiredOutputOpt = Annotated[Path, _OUTPUT]  # ``round document``: a .docx, never the screen
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite files that exist.")]
GatePolicyOpt = Annotated[GatePolicyChoice, typer.Option(
    "--gate-policy", help="How star-mark gates read several members' sheets: 'majority' (a "
    "mark holds when more than half the members' options meet it) or 'all' (every member's "
    "option must meet it).")]
DbOpt = Annotated[Path | None, typer.Option(
    "--db", envvar="OCOP_REGISTER", dir_okay=False, show_default=False,
    help="The register file (default: $OCOP_REGISTER, else ocop-register.sqlite beside the "
    "round, or in the current folder).")]
OnOpt = Annotated[str | None, typer.Option(
    "--on", help="The date asked about (dd/mm/yyyy or yyyy-mm-dd; default today).",
    show_default=False)]
PrintedDateOpt = Annotated[str | None, typer.Option(
    "--date", help="The date printed on sheets, results lists, minutes and the council's "
    "documents; default: today, or the round's date.", show_default=False)]
GroupOpt = Annotated[str | None, typer.Option(
    "--group", "-g", help="Only this product group (food, beverages, herbal, handicrafts, "
    "ornamental, tourism).", show_default=False)]


def _problem_lines(label_id: str, style: str, problems: Iterable[Problem]) -> None:
    """Each problem on stderr, after its catalogued label, in the user's language; one line
    each (a located problem stays on one line, for grep and CI)."""
    from ocop_rate.messages import text

    err = _console(stderr=True)
    lang = spoken()
    label = text(label_id, lang)
    for problem in problems:
        err.print(_marked(f"{label}:", style, problem.render(lang)), highlight=False,
                  soft_wrap=True)


def _fail(exc: OcopError) -> NoReturn:
    _problem_lines("cli.error", "bold red", exc.problems)
    raise typer.Exit(EXIT_STOPPED)


def _warn_problems(problems: Iterable[Problem]) -> None:
    """Each problem on stderr as a located warning line."""
    _problem_lines("cli.warning", "bold yellow", problems)


def _usage(message: str) -> NoReturn:
    """Stop the run with a usage problem (exit 2)."""
    _fail(OcopError(message))


def _say(message_id: str, location: Location | None = None, /, **params: object) -> NoReturn:
    """Stop the run with the catalogued problem ``message_id`` (exit 2)."""
    _fail(OcopError(Problem.of(message_id, location, **params)))


def _day(value: str | None, option: str = "--date") -> dt.date:
    """A date a person typed on the command line: ``dd/mm/yyyy`` (as Vietnamese documents
    write it) or ``yyyy-mm-dd``, read by the one date reader
    (:func:`ocop_rate.register.dates.parse_date`); no value is today."""
    from ocop_rate.register.dates import parse_date, today

    if value is None:
        return today()
    found = parse_date(value)
    if found is None:
        _say("cli.not_a_date", Location(None, field=option), value=value)
    return found


def _note(message_id: str, /, **params: object) -> None:
    """One catalogued line on stderr (what was written, and where). It carries no style,
    so it is written as it is, the bytes the console would write, without loading rich
    (a third of a light command's start-up); only a tab, which the console expands to
    spaces, sends it through the console."""
    from ocop_rate.messages import text

    line = _escape(text(message_id, spoken(), params))
    if "\t" in line:
        _console(stderr=True).print(line, highlight=False, soft_wrap=True)  # one line each
        return
    terminal_width()  # a bad COLUMNS stops the run here too, as the console's width does
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _marked(mark: str, style: str, text: str) -> object:
    """``mark`` in ``style``, then ``text`` as it is (a file's words are never markup)."""
    from rich.text import Text

    return Text.assemble((mark, style), " ", text)


def _escape(text: str) -> str:
    """Text for a console: consoles take no markup (report.safe_console), and control
    characters are shown as escapes, so nothing needs escaping beyond that."""
    from ocop_rate.text_safety import printable

    return printable(text)


MIN_COLUMNS, MAX_COLUMNS = 20, 10_000


def terminal_width() -> int | None:
    """``COLUMNS`` when it is set and sane; empty means unset. Anything else (``abc``,
    ``0``, ``-5``, ``1``) stops the run with a clear message, exit 2."""
    value = os.environ.get("COLUMNS", "").strip()
    if not value:
        return None
    if not value.isdigit() or not MIN_COLUMNS <= int(value) <= MAX_COLUMNS:
        from ocop_rate.errors import Problem

        os.environ.pop("COLUMNS")  # the error line itself must print
        _fail(OcopError(Problem.of("safety.bad_columns", value=value[:40],
                                   low=MIN_COLUMNS, high=MAX_COLUMNS)))
    return int(value)


PIPED_WIDTH = 80
"""Width of output that goes to no terminal (a pipe, a file) when COLUMNS does not say."""


def _console(stderr: bool = False, width: int | None = None) -> Console:
    from ocop_rate.report.safe_console import SafeConsole

    columns = terminal_width()
    console = SafeConsole(stderr=stderr, width=width or columns, highlight=False)
    if width is None and columns is None and not console.is_terminal:
        console = SafeConsole(stderr=stderr, highlight=False, width=PIPED_WIDTH)
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
    _write(output, text, encoding)


def _write(output: Path, data: str | bytes | Iterable[str], encoding: str = "utf-8") -> None:
    """Every report file goes through here: the input guard, the file-kind guard and the
    atomic replace are in :func:`~ocop_rate.report.output.write_atomic`."""
    from ocop_rate.report.output import write_atomic

    try:
        _guard(lambda: write_atomic(output, data, encoding=encoding))
    except OSError as exc:
        _cannot_write(output, exc)


def _cannot_write(output: Path, exc: OSError) -> NoReturn:
    from ocop_rate.loading.file_text import os_reason

    _say("cli.cannot_write", Location(str(output)), reason_id=os_reason(exc))


def _refuse_overwriting_inputs(output: Path | None, paths: list[str] | None = None) -> None:
    """Input files are never modified: refuse, before the work, an --output that is one of
    the run's inputs (files read so far, plus the dossiers ``paths`` name) or a folder,
    block device or socket, or inside something that is not a folder. ``write_atomic``
    checks again when it writes. From here on the inputs are compared with the output as
    they are read, not kept (``ocop_rate.inputs.watch_outputs``): memory stays flat."""
    from ocop_rate.inputs import watch_outputs

    watch_outputs([] if output is None else [output])
    if output is None:
        return
    from ocop_rate.loading.dossiers import collect_names
    from ocop_rate.report.output import check_outputs

    if paths:
        _guard(lambda: collect_names(paths, keep=True))
    _guard(lambda: check_outputs([output]))


class LevelChoice(StrEnum):
    province = "province"
    central = "central"


LevelOpt = Annotated[LevelChoice, typer.Option(
    "--level", help="The council's level, which decides the outcome (Decision 26/2026 "
    "Điều 4, 7): 'province' recognises 3-4 stars and proposes 90 or more for 5 stars; "
    "'central' recognises 5 stars.")]
RoundLevelOpt = Annotated[LevelChoice | None, typer.Option(
    "--level", help="The council's level, which decides the outcome (Decision 26/2026 "
    "Điều 4, 7); a round's round.yaml says it, this overrides; loose files: province.",
    show_default=False)]


MembersOpt = Annotated[bool, typer.Option(
    "--members", help="Show each product's members' sheets side by side before the table.")]
def _finite(ctx: typer.Context, param: typer.CallbackParam, value: float) -> float:
    """A number option that must be finite (``inf``, ``nan`` and ``1e400`` are not)."""
    import math

    if value is not None and not math.isfinite(value):
        from ocop_rate.messages import text

        raise typer.BadParameter(text("safety.not_finite", "vi", option=param.opts[0],
                                      value=value) + " / " + text(
            "safety.not_finite", "en", option=param.opts[0], value=value))
    return value


SpreadOpt = Annotated[float, typer.Option(
    "--spread", min=0, max=100, callback=_finite,
    help="Flag a product for discussion when its members' totals spread more than this "
    "many points (members two or more options apart on a criterion are "
    "always flagged).")]


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

    from ocop_rate.messages import text

    with Progress(TextColumn(text("cli.progress", spoken())), BarColumn(), MofNCompleteColumn(),
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


def _emit_bytes(data: bytes, output: Path) -> None:
    _write(output, data)


class FailOnChoice(StrEnum):
    any = "any"
    down = "down"
    class_change = "class-change"



