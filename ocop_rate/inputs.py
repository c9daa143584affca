"""The input guard: every file a run reads is remembered by real path (and by device and
inode, so a hard link is the same file), and every writer asks before writing.

Why one registry rather than a check per command: a command knows its own arguments but
not every file behind them (the rubric files of a ``--rules`` folder, the dossiers a glob
found, a golden file, a round's roster). All of them are read through
:func:`ocop_rate.loading.source.read_bytes`, which calls :func:`note_input`; and every
report is written through :func:`ocop_rate.report.output.write_atomic`, which calls
:func:`refuse_if_input`. A command starts a run with :func:`begin_run` (the CLI does it for
every command); outside a run nothing is recorded.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from ocop_rate.errors import Location, Problem, UsageError


@dataclass
class _Inputs:
    """Each input by its real path (as text: a ``Path`` object per file, with its parts,
    costs several times the string over 30,000 dossiers) and by device and inode; both map
    to the one name the run gave it."""

    paths: dict[str, str] = field(default_factory=dict)
    inodes: dict[tuple[int, int], str] = field(default_factory=dict)


_RUN: ContextVar[_Inputs | None] = ContextVar("ocop_rate_inputs", default=None)


def begin_run() -> None:
    """Start remembering inputs (forgetting an earlier run's)."""
    _RUN.set(_Inputs())


def end_run() -> None:
    _RUN.set(None)


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def note_input(path: Path, real: Path | None = None) -> None:
    """Remember ``path`` as an input of the current run (no-op outside a run). A caller
    that has resolved it passes ``real`` (``Path.resolve``, or ``Path.absolute`` for a
    link loop, as here)."""
    run = _RUN.get()
    if run is None:
        return
    key = str(_real(path) if real is None else real)
    if key in run.paths:  # noted already (found by a walk, then read): one stat is enough
        return
    name = run.paths[key] = str(path)
    try:
        st = os.stat(path)
    except OSError:
        return
    run.inodes.setdefault((st.st_dev, st.st_ino), name)


def note_inputs(paths: Iterable[Path]) -> None:
    for path in paths:
        note_input(path)


def input_named(path: Path) -> str | None:
    """The input that ``path`` is (as the run named it), or None."""
    run = _RUN.get()
    if run is None:
        return None
    hit = run.paths.get(str(_real(path)))
    if hit is not None:
        return hit
    try:
        st = os.stat(path)
    except OSError:
        return None
    return run.inodes.get((st.st_dev, st.st_ino))


def refuse_if_input(output: Path) -> None:
    """Raise a located :class:`UsageError` when ``output`` is one of the run's inputs."""
    hit = input_named(output)
    if hit is not None:
        raise UsageError(Problem.of("safety.output_is_input", Location(str(output),
                                    field="--output"), output=str(output), input=hit))
