"""How far a council's members disagree on one product.

A council discusses a product again when its members' totals spread more than a set number
of points (provincial rules have used 10) or when members sit two or more options apart on
one criterion. Both are measured here, from the members' choices, so reports only show them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.models.rating import Choice, Disagreement, OptionSplit
from ocop_rate.models.rubric import Rubric
from ocop_rate.scoring_math import as_float, exact

OPTION_STEPS = 2


def disagreement(rubric: Rubric, choices: Mapping[str, Sequence[Choice]],
                 member_totals: Sequence[Fraction], spread_limit: float = DEFAULT_SPREAD
                 ) -> Disagreement:
    """The spread of ``member_totals`` against ``spread_limit`` (flagged when strictly more)
    and every criterion whose members' options lie :data:`OPTION_STEPS` or more apart in
    the sheet's order of options."""
    spread = max(member_totals) - min(member_totals)
    splits: list[OptionSplit] = []
    for crit in (c for c in rubric.criteria if not c.scale):
        picked = choices[crit.id]
        order = [o.code for o in crit.options]
        ranks = [order.index(ch.option) for ch in picked]
        steps = max(ranks) - min(ranks)
        if steps >= OPTION_STEPS:
            splits.append(OptionSplit(criterion=crit.id, name=crit.name,
                                      options={ch.member: ch.option for ch in picked},
                                      steps=steps))
    return Disagreement(spread=as_float(spread), spread_limit=spread_limit,
                        over_limit=spread > exact(spread_limit), splits=tuple(splits))
