"""The input guard: every file a run reads is remembered by real path (and by device and
inode, so a hard link is the same file), and every writer asks before writing.

Why one registry rather than a check per command: a command knows its own arguments but
not every file behind them (the rubric files of a ``--rules`` folder, the dossiers a glob
found, a golden file, a round's roster). All of them are read through
:func:`ocop_rate.loading.file_text.read_bytes`, which calls :func:`note_input`; and every
report is written through :func:`ocop_rate.report.output.write_atomic`, which calls
:func:`refuse_if_input`. A command starts a run with :func:`begin_run` (the CLI does it for
every command); outside a run nothing is recorded.

Once a command has said what it will write (:func:`watch_outputs`, before it reads its
dossiers), each later input is compared with those outputs as it is noted and then
forgotten: a batch of 30,000 dossiers would otherwise keep ~1 KB per file (its real path,
its name, its device and inode) for a check that concerns one or two files.
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
    watched: dict[str, _Output] | None = None  # real path -> output; set: inputs not kept
    gathered: tuple[tuple[str, ...], list[str], list[Path]] | None = None
    """The run's last files gathered from its arguments (loading.dossiers.collect_names):
    the arguments, the files' names, the links refused."""


@dataclass
class _Output:
    """A file the run will write, watched from :func:`watch_outputs` on: its device and
    inode when it exists already, and the first input found to be it."""

    inode: tuple[int, int] | None
    input: str | None = None


_RUN: ContextVar[_Inputs | None] = ContextVar("ocop_rate_inputs", default=None)


def begin_run() -> None:
    """Start remembering inputs (forgetting an earlier run's)."""
    _RUN.set(_Inputs())


def end_run() -> None:
    _RUN.set(None)


def _real(path: Path | str) -> Path:
    path = Path(path)
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def gathered(args: list[str]) -> tuple[list[str], list[Path]] | None:
    """The files (names, refused links) this run gathered already from ``args``, or None:
    a command that asks several times walks its folders once."""
    run = _RUN.get()
    if run is None or run.gathered is None or run.gathered[0] != tuple(args):
        return None
    return run.gathered[1], run.gathered[2]


def keep_gathered(args: list[str] | None, names: list[str] | None = None,
                  refused: list[Path] | None = None) -> None:
    """Remember the files gathered from ``args`` for the next asker of the run (one list
    only: the names are the run's list of files to read anyway); ``None``: forget it."""
    run = _RUN.get()
    if run is not None:
        run.gathered = None if args is None or names is None else (
            tuple(args), names, refused or [])


def watch_outputs(outputs: Iterable[Path]) -> None:
    """The files this run will write, said before it reads its (many) inputs: each is
    checked against the inputs noted so far, and every later input is compared with them
    as it is noted instead of being kept. An output said later is still checked against
    the inputs read after it (a command reads its dossiers after naming its outputs)."""
    run = _RUN.get()
    if run is None:
        return
    if run.watched is None:
        run.watched = {}
    for output in outputs:
        key = str(_real(output))
        if key in run.watched:
            continue
        inode = _inode(output)
        run.watched[key] = _Output(inode, run.paths.get(key) or (
            None if inode is None else run.inodes.get(inode)))


def _inode(path: Path | str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _compare(watched: dict[str, _Output], path: Path | str) -> None:
    """An input noted while outputs are watched: is it one of them? Only an output that
    exists can be an input, so a run writing new files costs nothing per input; for one
    that exists, one ``stat`` per input answers: the same file (named by its own path, by
    a link or by a hard link) has the same device and inode, with no ``resolve`` (a
    system call per part of the path) per input."""
    existing = [o for o in watched.values() if o.inode is not None and o.input is None]
    if not existing:
        return
    inode = _inode(path)
    hit = next((o for o in existing if o.inode == inode), None)
    if hit is not None:
        hit.input = str(path)


def note_input(path: Path | str, real: Path | str | None = None) -> None:
    """Remember ``path`` as an input of the current run (no-op outside a run). A caller
    that has resolved it passes ``real`` (``Path.resolve``, or ``Path.absolute`` for a
    link loop, as here)."""
    run = _RUN.get()
    if run is None:
        return
    if run.watched is not None:
        _compare(run.watched, path)
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
    key = str(_real(path))
    if run.watched is not None and key in run.watched:
        said = run.watched[key]
        if said.input is not None:
            return said.input
    hit = run.paths.get(key)
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
