"""What the commands that read a round folder share (``rate ROUND/``, ``round status``,
``register record ROUND/``): finding the round, rating it, saying its problems, keeping
its inputs from being written; the ``round`` group the commands of ``round.py`` and
``documents.py`` join. Not a command module: it imports no command."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ocop_rate.cli.app import app
from ocop_rate.cli.common import (
    LangCode,
    LevelChoice,
    _console,
    _fail,
    _guard,
    _library,
    _marked,
    terminal_width,
)
from ocop_rate.cli.help import OcopGroup
from ocop_rate.errors import OcopError, Problem

if TYPE_CHECKING:
    from ocop_rate.loading.rubrics import RubricLibrary
    from ocop_rate.models.rating import BatchResult
    from ocop_rate.models.round import RoundReport


round_app = typer.Typer(help="A council round (đợt đánh giá): scaffold it, see who is "
                        "missing. Rate it with `ocop-rate rate ROUND/`.", no_args_is_help=True,
                        cls=OcopGroup)
app.add_typer(round_app, name="round")


def round_config(paths: list[str]) -> Path | None:
    """The round.yaml of the one round folder named in ``paths``, if any; the other
    paths (:func:`loose_of`) join that round. Two round folders are refused: which
    council would the loose files' sheets belong to?"""
    from ocop_rate.round import round_file

    found = [(arg, round_file(arg)) for arg in paths]
    rounds = [(arg, f) for arg, f in found if f is not None]
    if not rounds:
        return None
    if len({f.resolve() for _, f in rounds}) > 1:
        _fail(OcopError(Problem.of("round.two_rounds", None, path=rounds[0][0],
                                   other=rounds[1][0])))
    return rounds[0][1]


def loose_of(paths: list[str]) -> list[str]:
    """The paths named beside a round folder (files, folders, patterns)."""
    from ocop_rate.round import round_file

    return [arg for arg in paths if round_file(arg) is None]


def rate_round(config: Path, rules: list[Path] | None, level: LevelChoice | None,
               library: RubricLibrary | None = None, loose: list[str] | None = None
               ) -> tuple[RoundReport, BatchResult]:
    """The round of ``config`` rated with ``library`` (else the one ``rules`` names), at
    ``level`` when given (else round.yaml's), the ``loose`` files' sheets joining it."""
    from ocop_rate.round import rate_round as rate

    chosen = library or _library(rules)
    return _guard(lambda: rate(chosen, config, None if level is None else level.value,
                               loose=loose or ()))


def round_problems(report: RoundReport, lang: LangCode) -> None:
    """The round's own problems (a sheet refused, an id not on the list…), located, one a
    line on stderr: for the outputs that hold products only. No problem, no console: rich
    (some 40 modules) is loaded only to print one; a bad ``COLUMNS`` stops the run all the
    same, as the console's width would."""
    from ocop_rate.messages import text

    if not report.problems:
        terminal_width()
        return
    err = _console(stderr=True)
    label = text("cli.error", lang)
    for problem in report.problems:
        err.print(_marked(f"{label}:", "bold red", problem.text(lang)), soft_wrap=True)


def refuse_round_inputs(config: Path, output: Path) -> None:
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
