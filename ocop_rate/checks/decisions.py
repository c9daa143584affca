"""What each OCOP decision fixes for every sheet: the part maxima. The one table of it."""

from __future__ import annotations

import re

#: OCOP scale: every sheet of every decision totals 100 points.
SCALE_MAX = 100.0

#: Part maxima by decision (A: product and community strength, B: marketing, C: quality).
#: 1048/QĐ-TTg (2019) weighted quality more; 148/QĐ-TTg (2023) and 26/2026/QĐ-TTg moved
#: 5 points back to part A (26/2026/QĐ-TTg Điều 3 khoản 1, in docs/decision/).
PART_MAXIMA: dict[str, dict[str, float]] = {
    "26/2026": {"A": 40, "B": 25, "C": 35},
    "148": {"A": 40, "B": 25, "C": 35},
    "1048": {"A": 35, "B": 25, "C": 40},
}

_NUMBER = re.compile(r"^\s*(\d+)(?:/(\d{4}))?")


def decision_key(decision: str | None) -> str | None:
    """``26/2026/QĐ-TTg`` -> ``26/2026``; ``148/QĐ-TTg`` -> ``148``; else None."""
    match = _NUMBER.match(decision or "")
    if match is None:
        return None
    number, year = match.groups()
    return f"{number}/{year}" if year else number


def part_maxima(decision: str | None) -> tuple[str, dict[str, float]] | None:
    """The decision's key and its part maxima, or None for a decision not in the table."""
    key = decision_key(decision)
    if key is None or key not in PART_MAXIMA:
        return None
    return key, PART_MAXIMA[key]
