"""How far a council's members disagree on one product.

A council discusses a product again when its members' totals spread more than a set number
of points (provincial rules have used 10), when members sit two or more options apart on
one criterion, or when they scored a case group (tourism 8, 9, 15) under different cases.
All are measured here, from the members' choices, so reports only show them. "Options
apart" compares points, not letters: the distance between the members' points among the
criterion's distinct point values (``none`` is 0), so the two cases of a tourism criterion,
lettered a-b and c-d with the same points, are not "two options apart".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.models.rating import CaseSplit, Choice, Disagreement, OptionSplit
from ocop_rate.models.rubric import Rubric
from ocop_rate.scoring_math import as_float, exact

OPTION_STEPS = 2


def point_steps(points: Sequence[float]) -> dict[float, int]:
    """Each distinct point value of a criterion (with ``none``'s 0) -> its rank."""
    return {p: k for k, p in enumerate(sorted({0.0, *points}))}


def disagreement(rubric: Rubric, choices: Mapping[str, Sequence[Choice]],
                 member_totals: Sequence[Fraction], spread_limit: float = DEFAULT_SPREAD,
                 cases: Sequence[CaseSplit] = ()) -> Disagreement:
    """The spread of ``member_totals`` against ``spread_limit`` (flagged when strictly more),
    every criterion whose members' points lie :data:`OPTION_STEPS` or more steps apart among
    its distinct point values, and the case groups members split on (``cases``)."""
    spread = max(member_totals) - min(member_totals)
    splits: list[OptionSplit] = []
    for crit in (c for c in rubric.criteria if not c.scale):
        picked = choices[crit.id]
        rank = point_steps([o.points for o in crit.options])
        ranks = [rank[opt.points] for ch in picked
                 if (opt := crit.option(ch.option)) is not None]
        steps = max(ranks) - min(ranks)
        if steps >= OPTION_STEPS:
            splits.append(OptionSplit(criterion=crit.id, name=crit.name,
                                      options={ch.member: ch.option for ch in picked},
                                      steps=steps))
    return Disagreement(spread=as_float(spread), spread_limit=spread_limit,
                        over_limit=spread > exact(spread_limit), splits=tuple(splits),
                        case_splits=tuple(cases))
