"""Which argument is a round folder: a check that costs two ``stat`` calls and imports
nothing, because ``rate`` asks it of every path before it knows what it is rating."""

from __future__ import annotations

from pathlib import Path

ROUND_FILE = "round.yaml"


def round_file(arg: str) -> Path | None:
    """``round.yaml`` of ``arg`` when ``arg`` is a round folder or that file itself."""
    path = Path(arg)
    if path.is_dir() and (path / ROUND_FILE).is_file():
        return path / ROUND_FILE
    if path.name == ROUND_FILE and path.is_file():
        return path
    return None
