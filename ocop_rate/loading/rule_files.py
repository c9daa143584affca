"""Which files of a rule folder are rubrics. Its own module because both the parser
(:mod:`ocop_rate.loading.rubrics`) and the compiled record's freshness check
(:mod:`ocop_rate.loading.compiled`) list them, and neither may import the other: the
parser opens the compiled record, so the record must not reach back into the parser."""

from __future__ import annotations

from pathlib import Path

from ocop_rate.errors import Location, Problem, RubricError, UsageError
from ocop_rate.loading.file_text import OUTSIDE, inside

RULE_SUFFIXES = (".yaml", ".yml", ".json")

__all__ = ["RULE_SUFFIXES", "is_rule_file", "rule_files"]


def is_rule_file(name: str) -> bool:
    """Whether a file of this name in a rule folder is a rubric (not hidden, not a README)."""
    return name.lower().endswith(RULE_SUFFIXES) and not name.startswith(".")


def rule_files(folders: list[Path]) -> list[Path]:
    """Every rubric file under ``folders``, sorted; README and hidden files skipped."""
    found: list[Path] = []
    for folder in folders:
        if not folder.exists():
            raise UsageError(Problem.of("rubric.no_folder", Location(str(folder))))
        if not folder.is_dir() and not folder.is_file():  # a FIFO, /dev/zero
            raise UsageError(Problem.of("safety.not_regular_input", Location(str(folder))))
        candidates = [folder] if folder.is_file() else sorted(folder.rglob("*"))
        any_file = False
        for p in candidates:
            if not (p.is_file() and is_rule_file(p.name)):
                continue
            if folder.is_dir() and not inside(p, folder):
                raise RubricError(Problem.of(OUTSIDE, Location(str(p)),
                                             target=str(p.resolve())))
            found.append(p)
            any_file = True
        if folder.is_dir() and not any_file:  # else every dossier says "unknown rubric"
            raise UsageError(Problem.of("safety.no_rule_files", Location(str(folder))))
    return found
