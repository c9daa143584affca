"""The engine: one scoring path for every input, on columns, in integer hundredths.

Every input becomes :class:`CouncilColumns` (a score sheet directly; dossiers through
:func:`from_dossiers`, one or many products per block) and is scored by
:func:`score_columns` into :class:`~ocop_rate.models.rating.RatingColumns`; a product's
detail (``explain``, the detailed reports) is :func:`rating_at`, a view of those columns.

Where things are decided:
- a criterion's points: ``tables.RubricTables.points[criterion, option]`` (hundredths;
  ``none`` counts 0), 0 where the member's criterion does not apply (``scorer._applies``);
- the council's mean, parts and option: ``council.py``;
- the class, star marks, fact gates, requirements: ``scorer._capped``; the outcome by
  council level (``outcome.decide``): ``scorer._verdict``; gates: ``gates.py``;
- the next star: ``plan.py``.
"""

from __future__ import annotations

from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.engine.columns import CouncilColumns, from_dossiers
from ocop_rate.engine.council import GATE_POLICIES, GatePolicy
from ocop_rate.engine.fit import FitProblem, check_fit, derive, unknown_option
from ocop_rate.engine.gates import fact_gates, mark_gate
from ocop_rate.engine.scorer import score_columns
from ocop_rate.engine.tables import not_whole_hundredths, ratable, requirement
from ocop_rate.engine.view import expanded, rating_at, ratings_of
from ocop_rate.models.dossier import Dossier
from ocop_rate.models.rating import Rating
from ocop_rate.models.rubric import Rubric
from ocop_rate.outcome import DEFAULT_LEVEL, Level

__all__ = [
    "GATE_POLICIES", "CouncilColumns", "FitProblem", "GatePolicy", "check_fit",
    "derive", "expanded", "fact_gates", "from_dossiers", "mark_gate", "not_whole_hundredths",
    "ratable", "rating_at", "ratings_of", "requirement", "score", "score_columns",
    "unknown_option",
]


def score(rubric: Rubric, dossier: Dossier, *, policy: GatePolicy = "majority",
          file: str | None = None, spread_limit: float = DEFAULT_SPREAD,
          level: Level = DEFAULT_LEVEL) -> Rating:
    """Rate one dossier (a one-product block). Call :func:`check_fit` first: it must be
    empty, and the rubric :func:`ratable`."""
    block = score_columns(from_dossiers(rubric, [(dossier, file)]), policy, spread_limit,
                          level)
    return rating_at(block, 0)
