"""A documented command line run as a shell would run it, for the doc walk-throughs
(tests/acceptance/test_readme.py, test_round_readme.py).

A line that is only ``[NAME=value ...] ocop-rate ARGS`` (or ``python -m ocop_rate ARGS``),
with no shell syntax beyond quotes, is split as bash splits it (``shlex``) and run in this
process through the entry point's command tree, with the environment and working folder the
shell would give it: a child per line would only add an interpreter start-up each (a page
prints dozens). Every other line (a pipe, a redirection, ``&&``, another program) runs in
``bash -c`` exactly as before. A run in this process reports an exception that escapes the
command as the traceback a child would print, so "no Traceback" checks still hold.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shlex
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typer._click import Command

SHELL_SYNTAX = re.compile(r"[|&;<>()$`\\*?\[\]{}~!#\n]")
"""Characters that make bash do more than split words and remove quotes."""
COMMENT = re.compile(r"\s+#[^'\"]*$")
"""A trailing comment (`` # exit 1``) that no quote could hold: bash drops it."""
ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
TIMEOUT = 300  # a guard against hangs in a child, not a speed test


@dataclass(frozen=True)
class Done:
    """What a line did: its exit code and what it printed on each stream."""

    returncode: int
    stdout: str
    stderr: str


def ocop_words(line: str) -> tuple[dict[str, str], str, list[str]] | None:
    """``(assignments, program name, ARGS)`` when ``line`` is a plain ``ocop-rate``
    command, else None."""
    line = COMMENT.sub("", line) if "#" not in COMMENT.split(line)[0] else line
    if SHELL_SYNTAX.search(line):
        return None
    try:
        words = shlex.split(line)
    except ValueError:  # an unclosed quote: let bash say so
        return None
    assigned: dict[str, str] = {}
    while words and ASSIGNMENT.match(words[0]):
        name, _, value = words.pop(0).partition("=")
        assigned[name] = value
    if words[:1] == ["ocop-rate"]:
        return assigned, "ocop-rate", words[1:]
    if words[:3] in (["python", "-m", "ocop_rate"], ["python3", "-m", "ocop_rate"]):
        return assigned, "python -m ocop_rate", words[3:]  # as click names a -m run
    return None


@functools.cache
def _command() -> Command:
    """The command tree ``ocop-rate`` runs (its entry point's), built once per process."""
    from ocop_rate.cli import app
    from ocop_rate.cli.lazy import command_tree

    return command_tree(app)


def run_line(line: str, cwd: Path, env: dict[str, str]) -> Done:
    """``line`` run with ``env`` as the whole environment, in ``cwd``, stdin empty."""
    plain = ocop_words(line)
    if plain is None:
        done = subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL,
                              check=False)
        return Done(done.returncode, done.stdout, done.stderr)
    assigned, prog, args = plain
    from typer._click import formatting
    from typer.testing import CliRunner

    wanted = {**env, **assigned}
    changes: dict[str, str | None] = {k: v for k, v in wanted.items()
                                      if os.environ.get(k) != v}
    changes.update({k: None for k in os.environ if k not in wanted})
    with contextlib.chdir(cwd), CliRunner().isolation(env=changes) as (out, err, _):
        formatting.FORCED_WIDTH = None  # help is as wide as COLUMNS says, as in a child
        code = 0
        try:
            _command().main(args=args, prog_name=prog)
        except SystemExit as stop:
            if isinstance(stop.code, str):
                sys.stderr.write(stop.code + "\n")
            code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
        except Exception:  # shown as a child would show it
            sys.stderr.write(traceback.format_exc())
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        stdout, stderr = out.getvalue(), err.getvalue()
    return Done(code, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"))
