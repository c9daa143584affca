"""Run the real CLI as a child process with a time limit and, where it matters, a memory
bound (RLIMIT_AS), for the hostile-input tests (tests/test_safety_*.py)."""

from __future__ import annotations

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
    (tests/test_vietnamese.py checks the Vietnamese ones over the same corpus)."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", "OCOP_LANG": "en", **(env or {})}
    full_env.pop("COLUMNS", None) if env is None or "COLUMNS" not in env else None
    proc = subprocess.run(
        [sys.executable, "-m", "ocop_rate", *map(str, args)], cwd=cwd, env=full_env,
        stdout=stdout if stdout is not None else subprocess.PIPE, stderr=subprocess.PIPE,
        timeout=timeout, preexec_fn=_limit(memory_mb), check=False)
    out = proc.stdout.decode("utf-8", "replace") if proc.stdout is not None else ""
    return Run(proc.returncode, out, proc.stderr.decode("utf-8", "replace"))


def assert_clean(run: Run) -> None:
    """No traceback, whatever the exit code."""
    assert "Traceback" not in run.text, run.text
