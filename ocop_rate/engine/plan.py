"""The next star of every product: the cheapest upgrades that reach the next class."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from ocop_rate.engine.council import group_sum
from ocop_rate.engine.gates import blocking
from ocop_rate.engine.tables import RubricTables
from ocop_rate.models.rating import GateResult
from ocop_rate.models.rubric import RECOGNISED_MIN_STARS

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.integer[Any]]


def next_star(t: RubricTables, pts: Ints, starts: Ints, n: Ints, sums: Ints, total: Ints,
              council_pts: Ints, stars: Ints, applied: list[tuple[GateResult, ...]],
              active: NDArray[np.bool_], counts: NDArray[np.bool_]) -> Ahead:
    """The fewest criterion upgrades that lift each product's council average into the
    next recognised class and meet that class's marked options (target 0 at 5 stars).

    An upgrade raises every member below the chosen option to it (the product improved, so
    each member's sheet would say so). Criteria below a marked option are upgraded first;
    then the largest gains, fewest criteria first (ties: sheet order); then each upgrade,
    last added first, is trimmed to the cheapest option that still reaches the class.
    Every product at once, in units of n x hundredths so that every comparison with the
    threshold is exact. A member's criterion that does not apply (``counts`` False)
    gains nothing; one whose council pick does not apply (``active`` False) is never
    required by a star mark. P x C arrays are int32 and freed early: a
    100,000-product batch must stay well under 400 MB."""
    i32 = np.int32
    n_prod, n_crit = council_pts.shape
    crit = np.arange(n_crit, dtype=i32)[None, :]
    target = np.where(stars >= 5, 0, np.maximum(stars + 1, RECOGNISED_MIN_STARS))
    safe_target = np.maximum(target, RECOGNISED_MIN_STARS)
    goal = n * t.threshold[safe_target]                               # n x cents

    # int16 when even twice the largest gain fits (the rounding doubles it)
    small = 2 * int(n.max(initial=1)) * int(t.points.max()) < np.iinfo(np.int16).max
    gain = _gains(t, pts, counts, starts, n, np.int16 if small else i32)

    req_pts = t.req_points[safe_target].astype(i32)                  # P x C
    req_pts[~active] = -1
    required = (req_pts >= 0) & (council_pts < req_pts)
    req_opt = t.req_option[safe_target].astype(i32)
    floor = np.where(required, req_pts, -1)
    del req_pts
    best = np.broadcast_to(t.best.astype(i32)[None, :], (n_prod, n_crit))
    req_gain = np.where(required, _pick(gain, req_opt), 0)
    extra = _pick(gain, best) - req_gain
    reached = sums + req_gain.sum(axis=1)
    del req_gain
    order = np.argsort(-extra, axis=1, kind="stable").astype(i32)   # ties: sheet order
    extra = np.take_along_axis(extra, order, axis=1)                  # now in greedy order
    before = np.cumsum(extra, axis=1, dtype=np.int64) - extra
    take = (reached[:, None] + before < goal[:, None]) & (extra > 0)
    del extra, before
    added = np.zeros_like(take)
    np.put_along_axis(added, order, take, axis=1)
    del take
    plan = np.where(added, best, np.where(required, req_opt, -1)).astype(i32)
    del req_opt
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.broadcast_to(crit, order.shape), axis=1)
    del order
    inserted = np.where(required, crit, np.where(added, n_crit + rank, 3 * n_crit))
    del rank, added
    sequence = np.argsort(inserted, axis=1, kind="stable").astype(i32)  # the plan's order
    del inserted
    size = (plan >= 0).sum(axis=1)
    reached = sums + np.where(plan >= 0, _pick(gain, np.maximum(plan, 0)), 0).sum(axis=1)
    for j in range(int(size.max(initial=0)) - 1, -1, -1):            # trim, last added first
        _trim(t, gain, plan, reached, goal, floor,
              np.flatnonzero((size > j) & (target > 0)), sequence, j)
    del sequence, floor
    plan_gain = np.where(plan >= 0, _pick(gain, np.maximum(plan, 0)), 0)
    del gain
    keep = (plan >= 0) & ((plan_gain > 0) | required) & (target > 0)[:, None]
    seen: dict[tuple[int, int], tuple[str, ...]] = {}
    blocked_by = []
    same = bool(applied) and all(g is applied[0] for g in applied)  # a sheet's gates
    for gates, s in zip(applied, target.tolist(), strict=True):
        key = (0 if same else id(gates), s)
        if key not in seen:
            seen[key] = blocking(gates, s) if s else ()
        blocked_by.append(seen[key])
    free = np.array([not b for b in blocked_by], dtype=bool)
    half = n[:, None].astype(i32)
    return Ahead(
        stars=target.astype(np.int8),
        threshold=np.where(target > 0, t.threshold_value[safe_target], 0.0),
        needed=np.maximum(0, t.threshold[safe_target] - total),
        reachable=(reached >= goal) & free,
        blocked_by=blocked_by,
        option=np.where(keep, plan, -1).astype(np.int8),
        points=np.where(keep, (2 * plan_gain + half) // (2 * half), 0).astype(i32),
        required=keep & required,
    )


class Ahead(NamedTuple):
    """The next star of every product, column-wise (see :class:`RatingColumns`)."""

    stars: NDArray[np.int8]
    threshold: NDArray[np.float64]
    needed: NDArray[np.int64]
    reachable: NDArray[np.bool_]
    blocked_by: list[tuple[str, ...]]
    option: NDArray[np.int8]
    points: NDArray[np.int32]
    required: NDArray[np.bool_]


def _trim(t: RubricTables, gain: Ints, plan: Ints, reached: Ints, goal: Ints, floor: Ints,
          every: Ints, sequence: Ints, j: int) -> None:
    """Lower the ``j``-th upgrade of each product in ``every`` to the cheapest option (by
    points, below the planned one, not below its mark) that still reaches the goal;
    ``plan`` and ``reached`` are updated in place. A product leaves the search at its first
    option that stops it (points as high as the planned option's) or that is enough, so each
    step looks only at the products still searching."""
    k = sequence[every, j]
    cur = plan[every, k]
    cur_pts = t.points[k, cur]
    base = reached[every] - gain[every, k, cur].astype(np.int64)  # without this upgrade
    want = goal[every]
    least = floor[every, k]
    left = np.arange(len(every))                                  # still searching
    for step in range(t.width):
        if not len(left):
            break
        kk = k[left]
        opt = t.ascending[kk, step]
        valid = opt >= 0
        opt = np.maximum(opt, 0)
        opt_pts = t.points[kk, opt]
        stop = ~valid | (opt_pts >= cur_pts[left])
        new_gain = gain[every[left], kk, opt].astype(np.int64)
        ok = ~stop & (opt_pts >= least[left]) & (base[left] + new_gain >= want[left])
        hit = left[ok]
        plan[every[hit], k[hit]] = opt[ok]
        reached[every[hit]] = base[hit] + new_gain[ok]
        left = left[~(stop | ok)]


def _gains(t: RubricTables, pts: Ints, counts: NDArray[np.bool_], starts: Ints, n: Ints,
           dtype: Any) -> Ints:
    """P x C x W: what each product's members gain together if criterion ``c`` is raised
    to option ``o`` (a member already above it gains nothing). With the same number of
    members for every product, one buffer is reused and summed by a reshape."""
    n_prod, n_crit = len(n), t.points.shape[0]
    gain = np.empty((n_prod, n_crit, t.width), dtype=dtype)
    same = bool(len(n)) and bool((n == n[0]).all())
    every = bool(counts.all())
    lift = np.empty(pts.shape, dtype=np.result_type(t.points, pts))
    for o in range(t.width):
        np.subtract(t.points[:, o][None, :], pts, out=lift)
        np.maximum(lift, 0, out=lift)
        if not every:
            np.multiply(lift, counts, out=lift)
        gain[:, :, o] = (lift.reshape(n_prod, int(n[0]), n_crit).sum(axis=1, dtype=np.int32)
                         if same else group_sum(lift, starts))
    return gain


def _pick(gain: Ints, option: Ints) -> Ints:
    """``gain[p, c, option[p, c]]`` for every product and criterion."""
    out: Ints = np.take_along_axis(gain, option[:, :, None], axis=2)[:, :, 0]
    return out
