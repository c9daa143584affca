"""The one scoring path: council columns in, rating columns out, in integer hundredths.

Per criterion: each member's option gives its points (``RubricTables.points``; a criterion
that does not apply counts 0); per member, the parts and the total; per product, the mean
of the members rounded half up, parts apportioned to add up to it, the class from the
rounded total, capped by the first star mark missed (under the gate policy) and by the fact
gates, blocked by a ``block`` gate (:func:`_verdict`: where issue 11's outcome belongs);
then the next star, the members' disagreement and the self-assessment.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.engine.columns import NO_SELF, CouncilColumns
from ocop_rate.engine.council import (
    GatePolicy,
    apportion,
    council_choice,
    group_sum,
    mean_half_up,
)
from ocop_rate.engine.gates import fact_gates, mark_gate
from ocop_rate.engine.plan import next_star
from ocop_rate.engine.tables import RubricTables, exact, option_code, tables
from ocop_rate.models.rating import GateResult, RatingColumns
from ocop_rate.models.rubric import RECOGNISED_MIN_STARS, Rubric

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.integer[Any]]


def score_columns(cols: CouncilColumns, policy: GatePolicy = "majority",
                  spread_limit: float = DEFAULT_SPREAD) -> RatingColumns:
    """Score every product of ``cols`` at once; see the module docstring."""
    rubric, t = cols.rubric, tables(cols.rubric)
    n_crit = len(rubric.criteria)
    starts = cols.starts
    n = np.diff(starts)                                   # members per product
    crit_index = np.arange(n_crit)
    pts = t.points[crit_index, cols.option]               # R x C hundredths
    if cols.applies is not None:
        pts = np.where(np.repeat(cols.applies, n, axis=0), pts, 0).astype(pts.dtype)

    member_parts = np.stack([pts[:, mask].sum(axis=1) for mask in t.part], axis=1)
    member_total = member_parts.sum(axis=1)
    part_sums = group_sum(member_parts, starts)               # P x parts (n x hundredths)
    sums = part_sums.sum(axis=1)
    total = mean_half_up(sums, n).astype(np.int64)
    parts = apportion(part_sums, n, total)
    crit_sums = group_sum(pts, starts)                        # P x C
    points = mean_half_up(crit_sums, n[:, None]).astype(np.int32)
    del crit_sums
    band = np.clip(np.searchsorted(t.band_min, total, side="right") - 1, 0, len(t.band_min) - 1)
    band_stars = t.band_stars[band].astype(np.int64)

    council = council_choice(cols.option, pts, starts, policy)   # P x C option index
    council_pts = t.points[crit_index, council]
    applied, warnings = _fact_gates(cols)
    stars, recognised, fail = _verdict(t, cols, council_pts, band_stars, applied)
    gates = _gate_lists(rubric, t, council, council_pts, fail, applied, cols.applies)

    ahead = next_star(t, pts, starts, n, sums, total, council_pts, stars, applied,
                      cols.applies)
    first = starts[:-1]                                        # the members' disagreement
    spread = (np.maximum.reduceat(member_total, first)
              - np.minimum.reduceat(member_total, first)).astype(np.int64)
    steps = (np.maximum.reduceat(cols.option, first, axis=0)
             - np.minimum.reduceat(cols.option, first, axis=0)).astype(np.int8)
    steps[:, ~t.splittable] = 0  # a points scale: no option split
    self_parts, self_given = _self_assessment(t, cols)
    return RatingColumns(
        rubric=rubric, file=cols.file, gate_policy=policy,
        product_id=cols.product_id, product_name=cols.product_name, starts=starts,
        member=cols.member, row_option=cols.option,
        member_total=member_total, member_parts=member_parts,
        total=total, parts=parts, band_stars=band_stars.astype(np.int8),
        stars=stars.astype(np.int8), recognised=recognised,
        points=points, council_option=council,
        gates=gates, warnings=warnings, next_stars=ahead.stars,
        next_threshold=ahead.threshold, next_needed=ahead.needed,
        next_reachable=ahead.reachable, next_blocked_by=ahead.blocked_by,
        upgrade_option=ahead.option, upgrade_points=ahead.points,
        upgrade_required=ahead.required,
        spread=spread, spread_limit=spread_limit,
        over_limit=spread > math.floor(exact(spread_limit) * 100), split_steps=steps,
        derived=cols.derived, extras=cols.extras, self_parts=self_parts,
        self_given=self_given,
    )


def _fact_gates(cols: CouncilColumns) -> tuple[list[tuple[GateResult, ...]],
                                               list[tuple[str, ...]]]:
    """Per product, the fact gates that apply and the warnings of gates left unchecked.
    A sheet states no facts: one evaluation serves every product."""
    if cols.extras is None:
        applied, warnings = fact_gates(cols.rubric, {})
        return [applied] * len(cols), [warnings] * len(cols)
    found = [fact_gates(cols.rubric, e.facts) for e in cols.extras]
    return [a for a, _ in found], [w for _, w in found]


def _verdict(t: RubricTables, cols: CouncilColumns, council_pts: Ints, band_stars: Ints,
             applied: list[tuple[GateResult, ...]]) -> tuple[Ints, NDArray[np.bool_], Ints]:
    """Stars, recognition and the star-mark level missed first (0: none) of every product:
    the band, capped below the first mark missed and by the fact gates; a ``block`` gate
    refuses recognition."""
    fail = np.zeros(len(band_stars), dtype=np.int64)
    for level in range(5, RECOGNISED_MIN_STARS - 1, -1):
        req = t.req_points[level][None, :]
        short = (council_pts < req) & (req >= 0)
        if cols.applies is not None:
            short &= cols.applies
        fail[short.any(axis=1) & (band_stars >= level)] = level
    caps: dict[int, tuple[int, bool]] = {}
    fact_cap = np.empty(len(band_stars), dtype=np.int64)
    blocked = np.empty(len(band_stars), dtype=bool)
    for p, gates in enumerate(applied):
        hit = caps.get(id(gates))
        if hit is None:
            hit = caps[id(gates)] = (
                min([5, *[g.max_stars for g in gates if g.max_stars is not None]]),
                any(g.effect == "block" for g in gates))
        fact_cap[p], blocked[p] = hit
    stars = np.minimum(np.minimum(band_stars, np.where(fail > 0, fail - 1, 5)), fact_cap)
    recognised = (stars >= RECOGNISED_MIN_STARS) & ~blocked
    return stars, recognised, fail


def _gate_lists(rubric: Rubric, t: RubricTables, council: Ints, council_pts: Ints,
                fail: Ints, applied: list[tuple[GateResult, ...]],
                applies: NDArray[np.bool_] | None) -> list[tuple[GateResult, ...]]:
    """Per product, the fact gates that applied, then the star marks missed at the first
    level missed; gate objects are made once per (criterion, level, option) and shared."""
    out = list(applied)
    req = t.req_points[fail]                                          # P x C (row 0: none)
    short = (council_pts < req) & (req >= 0) & (fail > 0)[:, None]
    if applies is not None:
        short &= applies
    products, crits = np.nonzero(short)
    if not len(products):
        return out
    levels = fail[products]
    chosen = council[products, crits].astype(np.int64) + 1            # NONE -> 0
    width = t.width + 1
    key = (crits * 6 + levels) * width + chosen
    distinct, where = np.unique(key, return_inverse=True)
    made = []
    for value in distinct.tolist():
        k, rest = divmod(value, 6 * width)
        level, opt = divmod(rest, width)
        crit = rubric.criteria[k]
        made.append(mark_gate(rubric, crit, crit.options[int(t.req_option[level, k])],
                              level, option_code(crit, opt - 1)))
    gates = [made[i] for i in where.reshape(-1).tolist()]
    ends = np.cumsum(np.bincount(products, minlength=len(fail))).tolist()
    begin = 0
    for p in np.unique(products).tolist():
        out[p] = applied[p] + tuple(gates[begin:ends[p]])
        begin = ends[p]
    return out


def _self_assessment(t: RubricTables, cols: CouncilColumns
                     ) -> tuple[NDArray[np.int64] | None, NDArray[np.bool_] | None]:
    """Per product, the self-assessed parts (hundredths) and whether the sheet is complete
    (every criterion self-assessed or derived); None for sheets."""
    if cols.self_option is None:
        return None, None
    given = (cols.self_option != NO_SELF).all(axis=1)
    safe = np.where(cols.self_option == NO_SELF, 0, cols.self_option)
    pts = t.points[np.arange(len(cols.rubric.criteria)), safe].astype(np.int64)
    if cols.applies is not None:
        pts = np.where(cols.applies, pts, 0)
    parts = np.stack([pts[:, mask].sum(axis=1) for mask in t.part], axis=1).astype(np.int64)
    has_any = np.array([bool(e.self_assessment) for e in cols.extras or []], dtype=bool)
    return parts, given & has_any
