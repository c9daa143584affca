"""Bounds on what one input may cost: problems listed per file and per column, the size of
a score sheet. A flood of errors (100,000 rows of bad codes) is reported as the first ones
and a count, never as hundreds of megabytes of lines (README, "Safety limits")."""

from __future__ import annotations

from collections.abc import Hashable

from ocop_rate.errors import Location, Problem

MAX_PROBLEMS_PER_FILE = 200
MAX_PROBLEMS_PER_COLUMN = 20
MAX_SHEET_COLUMNS = 1024          # identity columns + criteria need fewer than 100
MAX_SHEET_ROWS = 1_048_576        # Excel's own last row
MAX_SHEET_CELLS = 30_000_000      # used range, rows x columns (100,000 products x 5 members
                                  # x 40 columns is 20 million)
MAX_SHEET_OPTIONS = 127           # option indices of the sheet path are 8-bit
MAX_ROUND_PRODUCTS = 10_000       # one council round's product list: a province rates a few
                                  # hundred a year; each member's workbook has a row each
MAX_ROSTER = 100                  # one council: a chair and some ten members


class ProblemCaps:
    """Counts problems per key (a column) and per file; says which may still be listed."""

    def __init__(self, per_key: int = MAX_PROBLEMS_PER_COLUMN,
                 per_file: int = MAX_PROBLEMS_PER_FILE) -> None:
        self.per_key, self.per_file = per_key, per_file
        self.listed = 0
        self.by_key: dict[Hashable, int] = {}
        self.dropped: dict[Hashable, int] = {}
        self.labels: dict[Hashable, str] = {}

    def take(self, key: Hashable, label: str) -> bool:
        """Whether one more problem of ``key`` may be listed (counted either way)."""
        seen = self.by_key.get(key, 0)
        self.by_key[key] = seen + 1
        if seen < self.per_key and self.listed < self.per_file:
            self.listed += 1
            return True
        self.dropped[key] = self.dropped.get(key, 0) + 1
        self.labels.setdefault(key, label)
        return False

    def notes(self, file: str) -> list[Problem]:
        """One line per key whose problems were not all listed."""
        return [Problem.of("safety.more_problems", Location(file, field=self.labels[key]),
                           count=count, where=self.labels[key],
                           shown=f"{self.by_key[key] - count:,}")
                for key, count in self.dropped.items()]


def capped(problems: list[Problem], file: str | None,
           limit: int = MAX_PROBLEMS_PER_FILE) -> list[Problem]:
    """The first ``limit`` problems of one file, and a line saying how many more."""
    if len(problems) <= limit:
        return problems
    return [*problems[:limit], Problem.of(
        "safety.more_problems", Location(file), count=f"{len(problems) - limit:,}",
        where=file or "?", shown=limit)]
