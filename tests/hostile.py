"""Run the real CLI as a child process with a time limit and, where it matters, a memory
bound (RLIMIT_AS), for the hostile-input tests (tests/acceptance/test_safety_*.py); or, with
``cli_here``, the same command in this process, for cases that check one behaviour over
many inputs (a child per input would only add a start-up each)."""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).parent / "bad_inputs"
TINY = CORPUS / "tiny-rubric"
TIMEOUT = 60  # seconds: a guard against hangs, not a speed test


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def _limit(memory_mb: int | None) -> Callable[[], None] | None:
    if memory_mb is None:
        return None

    def apply() -> None:
        size = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    return apply


def cli(*args: str | Path, cwd: Path | None = None, timeout: int = TIMEOUT,
        memory_mb: int | None = None, env: dict[str, str] | None = None,
        stdout: int | None = None) -> Run:
    """``python -m ocop_rate ARGS`` in a child process; a hang fails the test. The
    language is English unless ``env`` says otherwise: these tests read our English words
    (tests/acceptance/test_vietnamese.py checks the Vietnamese ones over the same corpus)."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", "OCOP_LANG": "en", **(env or {})}
    full_env.pop("COLUMNS", None) if env is None or "COLUMNS" not in env else None
    proc = subprocess.run(
        [sys.executable, "-m", "ocop_rate", *map(str, args)], cwd=cwd, env=full_env,
        stdout=stdout if stdout is not None else subprocess.PIPE, stderr=subprocess.PIPE,
        timeout=timeout, preexec_fn=_limit(memory_mb), check=False)
    out = proc.stdout.decode("utf-8", "replace") if proc.stdout is not None else ""
    return Run(proc.returncode, out, proc.stderr.decode("utf-8", "replace"))


def cli_here(*args: str | Path, cwd: Path | None = None,
             env: dict[str, str] | None = None) -> Run:
    """``ocop-rate ARGS`` run in this process by typer's CliRunner, with ``cli``'s language
    and ``COLUMNS`` rules; an exception that escapes the command is reported as the
    traceback a child process would print, so ``assert_clean`` still catches it."""
    import traceback

    from typer.testing import CliRunner

    from ocop_rate.cli import app

    full_env: dict[str, str | None] = {"PYTHONIOENCODING": "utf-8", "OCOP_LANG": "en",
                                       "COLUMNS": None, **(env or {})}
    with contextlib.chdir(cwd) if cwd is not None else contextlib.nullcontext():
        result = CliRunner().invoke(app, list(map(str, args)), env=full_env)
    err = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        assert result.exc_info is not None
        err += "Traceback (most recent call last):\n" + "".join(
            traceback.format_exception(*result.exc_info))
    return Run(result.exit_code, result.stdout, err)


def assert_clean(run: Run) -> None:
    """No traceback, whatever the exit code."""
    assert "Traceback" not in run.text, run.text
