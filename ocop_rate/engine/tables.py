"""A rubric as integer tables: every option's points in hundredths, star marks, bands.

The engine computes in integer hundredths of a point, so a council's mean ``S / n`` is
compared and rounded exactly (half up: ``(2S + n) // 2n``). A rubric whose points or band
edges are not whole hundredths cannot be rated (``validate`` says so).

Option indices follow the printed options; index ``len(options)`` is the code ``none`` (no
printed option applies: 0 points, below every star mark) and ``len(options) + 1`` a choice
of a criterion that does not apply to the member's sheet (0 points, no star mark), as
``Criterion.option_at`` reads them; the tables are padded to the widest criterion + 2.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ocop_rate.clauses import case_id
from ocop_rate.models.rubric import NONE, RECOGNISED_MIN_STARS, Criterion, Option, Rubric
from ocop_rate.per_object import once_per_object

if TYPE_CHECKING:
    from numpy.typing import NDArray

_CASES: dict[str, int] = {}  # case id -> a small integer shared by every table


@lru_cache(maxsize=4096)
def exact(points: float) -> Fraction:
    """A float read from a rubric (e.g. 2.5) as the exact decimal it was written as."""
    return Fraction(str(points))


def cents(value: float) -> int | None:
    """``value`` in hundredths when it is a whole number of them, else None."""
    hundredths = exact(value) * 100
    return int(hundredths) if hundredths.denominator == 1 else None


def not_whole_hundredths(rubric: Rubric) -> list[str]:
    """Where ``rubric`` cannot be rated in hundredths (points or band edges), or what
    star band is missing; empty when the engine can rate it. Once per rubric object."""
    return once_per_object(_UNRATABLE, rubric, _not_whole_hundredths)


def _not_whole_hundredths(rubric: Rubric) -> list[str]:
    out = [f"{c.id}/{o.code}: {o.points!r}" for c in rubric.criteria for o in c.options
           if cents(o.points) is None]
    out += [f"band {b.stars}: {edge!r}" for b in rubric.star_bands for edge in (b.min, b.max)
            if cents(edge) is None]
    out += [f"band {s} missing" for s in range(RECOGNISED_MIN_STARS, 6)
            if rubric.band_for(s) is None]
    return out


_UNRATABLE: dict[int, tuple[Rubric, list[str]]] = {}


def ratable(rubric: Rubric) -> bool:
    return not not_whole_hundredths(rubric)


def requirement(crit: Criterion, stars: int) -> Option | None:
    """The lowest option ``crit`` needs for a product to hold ``stars`` (the sheet's marks)."""
    marked = [o for o in crit.options if o.min_star is not None and o.min_star <= stars]
    return max(marked, key=lambda o: o.points) if marked else None


def option_code(crit: Criterion, index: int) -> str:
    """The code of option ``index`` of ``crit`` (``none`` past the printed options)."""
    return crit.option_at(index).code


class RubricTables:
    """A rubric's options, marks and bands as arrays (hundredths), padded to the widest
    criterion, plus one 0-point column for :data:`NONE`. Built once per rubric."""

    def __init__(self, rubric: Rubric) -> None:
        crits = rubric.criteria
        width = max(len(c.options) for c in crits) + 2   # + none, + does not apply
        self.width = width
        self.none = np.array([len(c.options) for c in crits], dtype=np.int64)
        self.idle = self.none + 1           # the index of a choice that does not apply
        self.points: NDArray[np.integer] = np.full((len(crits), width), -1, dtype=np.int32)
        self.rank = np.zeros((len(crits), width), dtype=np.int16)  # steps apart, by points
        self.case = np.full((len(crits), width), -1, dtype=np.int64)
        self.index = [{**{o.code: i for i, o in enumerate(c.options)}, NONE: len(c.options)}
                      for c in crits]
        self.ascending = np.full((len(crits), width), -1, dtype=np.int64)  # printed only
        self.best = np.zeros(len(crits), dtype=np.int64)
        self.req_points = np.full((6, len(crits)), -1, dtype=np.int64)
        self.req_option = np.zeros((6, len(crits)), dtype=np.int64)
        for k, crit in enumerate(crits):
            pts = [cents(o.points) or 0 for o in crit.options]
            self.points[k, : len(pts) + 2] = [*pts, 0, 0]
            steps = {p: r for r, p in enumerate(sorted({0, *pts}))}  # none counts 0
            self.rank[k, : len(pts) + 1] = [*[steps[p] for p in pts], steps[0]]
            for i, opt in enumerate(crit.options):
                case = case_id(rubric, crit.id, opt.code)
                self.case[k, i] = -1 if case is None else _CASES.setdefault(case, len(_CASES))
            self.ascending[k, : len(pts)] = sorted(range(len(pts)), key=lambda i: pts[i])
            self.best[k] = crit.options.index(max(crit.options, key=lambda o: o.points))
            for level in range(RECOGNISED_MIN_STARS, 6):
                req = requirement(crit, level)
                if req is not None:
                    self.req_points[level, k] = cents(req.points) or 0
                    self.req_option[level, k] = crit.options.index(req)
        self.part = np.array([[c.part == p.id for c in crits] for p in rubric.parts])
        self.part_of = np.array([[p.id for p in rubric.parts].index(c.part) for c in crits])
        if self.points.max() < np.iinfo(np.int16).max:  # half the memory per member row
            self.points = self.points.astype(np.int16)
        self.splittable = np.array([not c.scale for c in crits], dtype=bool)
        bands = sorted(rubric.star_bands, key=lambda b: b.min)
        self.band_min = np.array([cents(b.min) for b in bands], dtype=np.int64)
        self.band_stars = np.array([b.stars for b in bands], dtype=np.int8)
        self.threshold = np.zeros(6, dtype=np.int64)
        self.threshold_value = np.zeros(6, dtype=np.float64)
        for stars in range(RECOGNISED_MIN_STARS, 6):
            band = rubric.band_for(stars)
            assert band is not None
            self.threshold[stars] = cents(band.min) or 0
            self.threshold_value[stars] = band.min


_TABLES: dict[int, tuple[Rubric, RubricTables]] = {}


def tables(rubric: Rubric) -> RubricTables:
    """The tables of ``rubric``, built once per rubric object (rubrics are immutable)."""
    return once_per_object(_TABLES, rubric, RubricTables)
