"""Paths that come from data (git trees, archives, files) must stay inside their folder."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ocop_rate.errors import Location, Problem, UsageError


def is_safe_relative(name: str) -> bool:
    """Whether ``name`` is a plain relative path: no root, no drive, no ``..``, no ``.``,
    no empty part, no NUL or backslash (a Windows separator)."""
    if not name or "\0" in name or "\\" in name:
        return False
    pure = PurePosixPath(name)
    if pure.is_absolute() or name.startswith("/"):
        return False
    parts = name.split("/")
    return all(part not in ("", ".", "..") for part in parts)


def contained(root: Path, name: str, label: str | None = None) -> Path:
    """``root / name``, refused (a located :class:`UsageError`) unless ``name`` is a plain
    relative path and the result, links followed, stays inside ``root``."""
    problem = Problem.of("safety.path_escapes", Location(label or name), name=name,
                         root=str(root))
    if not is_safe_relative(name):
        raise UsageError(problem)
    target = root / name
    try:
        if not target.resolve().is_relative_to(root.resolve()):
            raise UsageError(problem)
    except (OSError, RuntimeError):  # a link loop
        raise UsageError(problem) from None
    return target
