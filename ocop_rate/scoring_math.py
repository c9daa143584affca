"""Exact arithmetic for scores: the council average owns its rounding.

Totals are kept as fractions and rounded once, half up, to 2 decimals; part scores are
apportioned so that the printed parts always add up to the printed total, and the class is
banded on that same printed total, so verdict and number never disagree at a band edge.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from functools import lru_cache


@lru_cache(maxsize=4096)
def exact(points: float) -> Fraction:
    """A float read from a rubric (e.g. 2.5) as the exact decimal it was written as.
    Cached: a rubric has few distinct point values and Fraction parsing is slow."""
    return Fraction(str(points))


def round2(value: Fraction) -> Fraction:
    """Round half up to 2 decimals."""
    return Fraction(math.floor(value * 100 + Fraction(1, 2)), 100)


def as_float(value: Fraction) -> float:
    return round(float(value), 2)


def mean(values: Sequence[Fraction]) -> Fraction:
    return sum(values, Fraction(0)) / len(values)


def apportion(parts: Sequence[Fraction], total: Fraction) -> list[Fraction]:
    """Round each part to 2 decimals so that they add up exactly to ``total`` (largest
    remainder; ties go to the earlier part)."""
    cents = [p * 100 for p in parts]
    floors = [math.floor(c) for c in cents]
    short = int(total * 100) - sum(floors)
    order = sorted(range(len(parts)), key=lambda i: (-(cents[i] - floors[i]), i))
    for i in order[: max(short, 0)]:
        floors[i] += 1
    return [Fraction(f, 100) for f in floors]
