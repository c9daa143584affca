"""Rate many products of one rubric at once, vectorised with numpy.

The arithmetic is :mod:`ocop_rate.engine`'s, done on whole columns: points are integer cents
(hundredths of a point), so a council's mean ``S / n`` is compared and rounded exactly in
integers (half up: ``(2S + n) // 2n``), parts are apportioned by largest remainder, classes
read from the rounded total, star marks read under the gate policy, and the next star
planned with the engine's greedy rule, step by step over criteria but across all products
at once. Tests check that every figure equals ``engine.score`` on the same sheets.

A rubric whose points or band edges are not whole cents is rated product by product by the
engine instead (:func:`rate_columns`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from ocop_rate.clauses import applies, case_id, check_requirements
from ocop_rate.council import point_steps
from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.engine import GatePolicy, fact_gates, mark_gate, requirement, score
from ocop_rate.loading.score_sheets import CouncilColumns
from ocop_rate.models.rating import (
    BatchResult,
    CaseSplit,
    GateResult,
    Rating,
    RatingColumns,
    RequirementResult,
)
from ocop_rate.models.rubric import RECOGNISED_MIN_STARS, Rubric
from ocop_rate.outcome import DEFAULT_LEVEL, OUTCOMES, Level, decide
from ocop_rate.scoring_math import exact

if TYPE_CHECKING:
    from typing import Any

    from numpy.typing import NDArray

    Ints = NDArray[np.integer[Any]]


def cents(value: float) -> int | None:
    """``value`` in hundredths when it is a whole number of them, else None."""
    hundredths = exact(value) * 100
    return int(hundredths) if hundredths.denominator == 1 else None


def vectorisable(rubric: Rubric) -> bool:
    """Whether every point value and band edge is whole cents, bands 3-5 exist, and no gate
    reads the council's options (sheet 16's "0 points stops the evaluation": such a rubric
    is rated product by product by the engine)."""
    if any(g.when.criteria() for g in rubric.gates):
        return False
    values = [o.points for c in rubric.criteria for o in c.options]
    values += [b.min for b in rubric.star_bands] + [b.max for b in rubric.star_bands]
    return (all(cents(v) is not None for v in values)
            and all(rubric.band_for(s) is not None for s in range(RECOGNISED_MIN_STARS, 6)))


_CASES: dict[str, int] = {}  # case id -> a small integer shared by every table


class _Tables:
    """A rubric's options, marks and bands as arrays (cents), padded to the widest criterion."""

    def __init__(self, rubric: Rubric) -> None:
        crits = rubric.criteria
        width = max(len(c.options) for c in crits) + 2   # + none, + does not apply
        self.width = width
        self.none = np.array([len(c.options) for c in crits], dtype=np.int64)
        self.idle = self.none + 1           # the index of a choice that does not apply
        self.points = np.full((len(crits), width), -1, dtype=np.int32)
        self.rank = np.zeros((len(crits), width), dtype=np.int64)  # council.point_steps
        self.case = np.full((len(crits), width), -1, dtype=np.int64)
        self.ascending = np.full((len(crits), width), -1, dtype=np.int64)
        self.best = np.zeros(len(crits), dtype=np.int64)
        self.req_points = np.full((6, len(crits)), -1, dtype=np.int64)
        self.req_option = np.zeros((6, len(crits)), dtype=np.int64)
        for k, crit in enumerate(crits):
            pts = [cents(o.points) or 0 for o in crit.options]
            self.points[k, : len(pts) + 2] = [*pts, 0, 0]
            rank = point_steps([o.points for o in crit.options])
            self.rank[k, : len(pts) + 1] = [*[rank[o.points] for o in crit.options], rank[0.0]]
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
        if self.points.max() < np.iinfo(np.int16).max:  # half the memory per member row
            self.points = self.points.astype(np.int16)
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


def rate_columns(cols: CouncilColumns, policy: GatePolicy = "majority",
                 spread_limit: float = DEFAULT_SPREAD, level: Level = DEFAULT_LEVEL
                 ) -> RatingColumns | list[Rating]:
    """Rate a block of products: vectorised when the rubric allows (whole cents), else one
    by one with the engine."""
    if vectorisable(cols.rubric):
        return score_columns(cols, policy, spread_limit, level)
    return [score(cols.rubric, cols.dossier(i), policy=policy, file=cols.file,
                  spread_limit=spread_limit, level=level) for i in range(len(cols))]


def ratings_of(block: RatingColumns) -> Iterator[Rating]:
    """The block's products as full :class:`Rating` objects (the engine, product by product:
    for a few products, or a reporter that needs every detail)."""
    cols = CouncilColumns(block.rubric, block.file or "", block.product_id, block.product_name,
                          block.starts, block.member, block.row_option)
    policy: GatePolicy = "all" if block.gate_policy == "all" else "majority"
    level: Level = "central" if block.level == "central" else "province"
    for i in range(len(cols)):
        yield score(block.rubric, cols.dossier(i), policy=policy, file=block.file,
                    spread_limit=block.spread_limit, level=level)


def expanded(result: BatchResult) -> BatchResult:
    """``result`` with every score-sheet product as a full :class:`Rating` in ``items``:
    for reports that show each product in detail (members, explain, HTML, XLSX, summary)."""
    if not result.blocks:
        return result
    rated = [r for block in result.blocks for r in ratings_of(block)]
    return BatchResult(items=(*result.items, *rated), blocks=())


def score_columns(cols: CouncilColumns, policy: GatePolicy = "majority",
                  spread_limit: float = DEFAULT_SPREAD, level: Level = DEFAULT_LEVEL
                  ) -> RatingColumns:
    """Score every product of ``cols`` at once; see the module docstring."""
    rubric, t = cols.rubric, _Tables(cols.rubric)
    n_crit = len(rubric.criteria)
    starts = cols.starts
    n = np.diff(starts)                                   # members per product
    crit_index = np.arange(n_crit)
    counts = _applies(rubric, cols.option)                 # R x C: the criterion applies
    option = np.where(counts, cols.option, t.idle[None, :]).astype(np.int8)
    pts = t.points[crit_index, option]                    # R x C cents (int16 if they fit)

    member_parts = np.stack([pts[:, mask].sum(axis=1) for mask in t.part], axis=1)
    member_total = member_parts.sum(axis=1)
    part_sums = _group_sum(member_parts, starts)               # P x parts (n x cents)
    sums = part_sums.sum(axis=1)
    total = (2 * sums + n) // (2 * n)
    parts = _apportion(part_sums, n, total)
    crit_sums = _group_sum(pts, starts)                        # P x C
    points = ((2 * crit_sums + n[:, None]) // (2 * n[:, None])).astype(np.int32)
    del crit_sums
    band = np.clip(np.searchsorted(t.band_min, total, side="right") - 1, 0, len(t.band_min) - 1)
    band_stars = t.band_stars[band].astype(np.int64)

    council = _council(option, pts, starts, policy)            # P x C option index
    council_pts = t.points[crit_index, council]
    active = council != t.idle[None, :]                        # P x C: the pick applies

    fail = np.zeros(len(n), dtype=np.int64)                    # the star mark missed first
    for mark in range(5, RECOGNISED_MIN_STARS - 1, -1):
        req = t.req_points[mark]
        short = ((council_pts < req) & (req >= 0) & active).any(axis=1)
        fail[short & (band_stars >= mark)] = mark
    applied, warnings = fact_gates(rubric, {})
    fact_cap = min([5, *[g.max_stars for g in applied if g.max_stars is not None]])
    blocked = any(g.effect == "block" for g in applied)
    requirements = _requirements(rubric, council)
    capped = np.minimum(np.minimum(band_stars, np.where(fail > 0, fail - 1, 5)), fact_cap)
    capped = np.minimum(capped, [min([5, *[r.max_stars for r in found if r.status == "unmet"
                                            and r.max_stars is not None]])
                                 for found in requirements]) if rubric_caps(rubric) else capped
    verdicts = {(s, blocked): decide(s, blocked, level, rubric.recognition)
                for s in range(1, 6)}
    outcome = np.array([OUTCOMES.index(verdicts[(s, blocked)].outcome)
                        for s in range(1, 6)], dtype=np.int8)[capped - 1]
    recognised = np.array([verdicts[(s, blocked)].recognised for s in range(1, 6)])[capped - 1]
    stars = capped if not blocked else np.zeros_like(capped)
    gates = _gate_lists(rubric, t, council, council_pts, fail, tuple(applied), active)

    ahead = _next_star(t, pts, starts, n, sums, total, council_pts, capped, applied, active,
                       counts)
    first = starts[:-1]                                        # council.disagreement, by column
    spread = (np.maximum.reduceat(member_total, first)
              - np.minimum.reduceat(member_total, first)).astype(np.int64)
    rank = t.rank[crit_index, cols.option]                     # options apart, by points
    steps = (np.maximum.reduceat(rank, first, axis=0)
             - np.minimum.reduceat(rank, first, axis=0)).astype(np.int8)
    steps[:, [c.scale for c in rubric.criteria]] = 0  # a points scale: no option split
    return RatingColumns(
        rubric=rubric, file=cols.file, gate_policy=policy,
        product_id=cols.product_id, product_name=cols.product_name, starts=starts,
        member=cols.member, row_option=cols.option,
        member_total=member_total, member_parts=member_parts,
        total=total, parts=parts, band_stars=band_stars.astype(np.int8),
        stars=stars.astype(np.int8), recognised=recognised,
        points=points, council_option=council,
        gates=gates, warnings=tuple(warnings), next_stars=ahead.stars,
        next_threshold=ahead.threshold, next_needed=ahead.needed,
        next_reachable=ahead.reachable, next_blocked_by=ahead.blocked_by,
        upgrade_option=ahead.option, upgrade_points=ahead.points,
        upgrade_required=ahead.required,
        spread=spread, spread_limit=spread_limit, split_steps=steps, level=level,
        outcome=outcome, case_splits=_case_splits(rubric, t, cols),
        requirements=requirements,
    )


def rubric_caps(rubric: Rubric) -> bool:
    """Whether an unmet requirement of ``rubric`` can cap the class."""
    return any(r.max_stars is not None for c in rubric.criteria for r in c.requirements)


def _applies(rubric: Rubric, option: NDArray[np.int8]) -> NDArray[np.bool_]:
    """R x C: where each member's criterion applies (``clauses.applies`` on each row's own
    options; a score sheet states no facts). Evaluated once per distinct combination."""
    out = np.ones(option.shape, dtype=bool)
    index = {c.id: k for k, c in enumerate(rubric.criteria)}
    for k, crit in enumerate(rubric.criteria):
        if crit.applies is None or not len(option):
            continue
        read = [cid for cid in crit.applies.when.criteria() if cid in index]
        ks = [index[cid] for cid in read]
        combos, where = np.unique(option[:, ks], axis=0, return_inverse=True)
        verdict = np.array([applies(crit, {}, {cid: rubric.criteria[j].option_at(int(i)).code
                                               for cid, j, i in zip(read, ks, combo,
                                                                    strict=True)})
                            for combo in combos.tolist()], dtype=bool)
        out[:, k] = verdict[where.reshape(-1)]
    return out


def _requirements(rubric: Rubric, council: NDArray[np.int8]
                  ) -> list[tuple[RequirementResult, ...]]:
    """``clauses.check_requirements`` per product (no facts), once per distinct set of the
    council options they read."""
    if not any(c.requirements for c in rubric.criteria):
        return [()] * len(council)
    index = {c.id: k for k, c in enumerate(rubric.criteria)}
    read = sorted({cid for c in rubric.criteria for r in c.requirements
                   for cond in (r.check, r.when) if cond is not None
                   for cid in cond.criteria() if cid in index})
    ks = [index[cid] for cid in read]
    if not ks:
        found = check_requirements(rubric, {}, {})
        return [found] * len(council)
    combos, where = np.unique(council[:, ks], axis=0, return_inverse=True)
    made = [check_requirements(rubric, {}, {cid: rubric.criteria[j].option_at(int(i)).code
                                            for cid, j, i in zip(read, ks, combo, strict=True)})
            for combo in combos.tolist()]
    return [made[j] for j in where.reshape(-1).tolist()]


def _case_splits(rubric: Rubric, t: _Tables, cols: CouncilColumns
                 ) -> list[tuple[CaseSplit, ...]]:
    """``clauses.case_splits`` per product: members whose rows keep to one case, on
    different cases."""
    if not rubric.case_groups:
        return []
    index = {c.id: k for k, c in enumerate(rubric.criteria)}
    names = {v: k for k, v in _CASES.items()}
    out: list[list[CaseSplit]] = [[] for _ in range(len(cols))]
    first = cols.starts[:-1]
    for group in rubric.case_groups:
        ks = [index[cid] for cid in group.criteria]
        case = t.case[np.array(ks)[None, :], cols.option[:, ks]]          # R x G
        big = np.where(case < 0, np.iinfo(np.int64).max, case)
        lo, hi = big.min(axis=1), case.max(axis=1)
        single = np.where((hi >= 0) & (lo == hi), hi, -1)                  # R
        top = np.maximum.reduceat(single, first)
        low = np.minimum.reduceat(np.where(single < 0, np.iinfo(np.int64).max, single), first)
        for p in np.flatnonzero((top >= 0) & (low < top)).tolist():
            rows = range(int(cols.starts[p]), int(cols.starts[p + 1]))
            out[p].append(CaseSplit(group=group.id, criteria=group.criteria, cases={
                cols.member[r]: names[int(single[r])] for r in rows if single[r] >= 0}))
    return [tuple(x) for x in out]


def _group_sum(values: Ints, starts: Ints) -> Ints:
    """Sum the rows of each product (rows ``starts[p]:starts[p+1]``). Products with the same
    number of members are summed together, member row by member row (fast in numpy)."""
    n = np.diff(starts)
    if len(n) == len(values):  # one member each
        return values.astype(np.int64)
    if (n == n[0]).all():  # the usual council: the same members for every product
        out: Ints = values.reshape(len(n), int(n[0]), *values.shape[1:]).sum(
            axis=1, dtype=np.int64)
        return out
    out = np.empty((len(n), *values.shape[1:]), dtype=np.int64)
    for size in np.unique(n).tolist():
        products = np.flatnonzero(n == size)
        first = starts[products]
        acc = values[first].astype(np.int64)
        for j in range(1, size):
            acc += values[first + j]
        out[products] = acc
    return out


def _apportion(part_sums: Ints, n: Ints, total: Ints) -> Ints:
    """``scoring_math.apportion`` on every row: floors, then one cent each to the largest
    remainders (earlier part on ties) until the parts add up to the total."""
    floors = part_sums // n[:, None]
    remainder = part_sums % n[:, None]
    short = total - floors.sum(axis=1)
    order = np.argsort(-remainder, axis=1, kind="stable")
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(order.shape[1])[None, :].repeat(len(n), 0), 1)
    out: Ints = floors + (rank < short[:, None])
    return out


def _council(option: NDArray[np.int8], pts: Ints, starts: Ints, policy: GatePolicy
             ) -> NDArray[np.int8]:
    """``engine.council_option`` on every product and criterion: members ranked by points
    (best first, sheet order on ties); majority takes rank n // 2, ``all`` the last."""
    n = np.diff(starts)
    out = np.empty((len(n), option.shape[1]), dtype=np.int8)
    top = int(pts.max(initial=0)) + 1
    for size in np.unique(n).tolist():
        products = np.flatnonzero(n == size)
        rows = starts[products][:, None] + np.arange(size)[None, :]      # Pm x m
        if size == 1:
            out[products] = option[rows[:, 0]]
            continue
        pick = size // 2 if policy == "majority" else size - 1
        rank = np.arange(size, dtype=np.int64)[None, :]
        every = np.arange(len(products))[:, None]
        for k in range(option.shape[1]):  # one criterion at a time: small temporaries
            key = (top - pts[rows, k].astype(np.int64)) * size + rank     # best first
            member = rows[every, np.partition(key, pick, axis=1)[:, pick:pick + 1] % size]
            out[products, k] = option[member[:, 0], k]
    return out


def _gate_lists(rubric: Rubric, t: _Tables, council: Ints, council_pts: Ints, fail: Ints,
                applied: tuple[GateResult, ...], active: NDArray[np.bool_]
                ) -> list[tuple[GateResult, ...]]:
    """Per product, the fact gates that applied, then the star marks missed at the first
    level missed; gate objects are made once per (criterion, level, option) and shared."""
    out: list[tuple[GateResult, ...]] = [applied] * len(fail)
    req = t.req_points[fail]                                          # P x C (row 0: none)
    short = (council_pts < req) & (req >= 0) & (fail > 0)[:, None] & active
    products, crits = np.nonzero(short)
    if not len(products):
        return out
    levels = fail[products]
    chosen = council[products, crits]
    width = t.width
    key = (crits * 6 + levels) * width + chosen
    distinct, where = np.unique(key, return_inverse=True)
    made = []
    for value in distinct.tolist():
        k, rest = divmod(value, 6 * width)
        level, opt = divmod(rest, width)
        crit = rubric.criteria[k]
        made.append(mark_gate(rubric, crit, crit.options[int(t.req_option[level, k])],
                              level, crit.option_at(opt)))
    gates = [made[i] for i in where.reshape(-1).tolist()]
    ends = np.cumsum(np.bincount(products, minlength=len(fail))).tolist()
    begin = 0
    for p in np.unique(products).tolist():
        out[p] = applied + tuple(gates[begin:ends[p]])
        begin = ends[p]
    return out


def _next_star(t: _Tables, pts: Ints, starts: Ints, n: Ints, sums: Ints, total: Ints,
               council_pts: Ints, stars: Ints, applied: list[GateResult],
               active: NDArray[np.bool_], counts: NDArray[np.bool_]) -> _Ahead:
    """``engine.next_star`` for every product at once, in units of n x cents so that every
    comparison with the threshold is exact. P x C arrays are int32 and freed early: a
    100,000-product batch must stay well under 400 MB."""
    i32 = np.int32
    n_prod, n_crit = council_pts.shape
    crit = np.arange(n_crit, dtype=i32)[None, :]
    target = np.where(stars >= 5, 0, np.maximum(stars + 1, RECOGNISED_MIN_STARS))
    safe_target = np.maximum(target, RECOGNISED_MIN_STARS)
    goal = n * t.threshold[safe_target]                               # n x cents

    small = int(n.max(initial=1)) * int(t.points.max()) < np.iinfo(np.int16).max
    gain = np.empty((n_prod, n_crit, t.width), dtype=np.int16 if small else i32)
    for o in range(t.width):  # a member's criterion that does not apply gains nothing
        gain[:, :, o] = _group_sum(np.maximum(0, t.points[:, o][None, :] - pts) * counts,
                                   starts)

    req_pts = t.req_points[safe_target].astype(i32)                  # P x C
    required = (req_pts >= 0) & (council_pts < req_pts) & active
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
        every = np.flatnonzero((size > j) & (target > 0))
        k = sequence[every, j]
        cur = plan[every, k]
        cur_pts = t.points[k, cur]
        cur_gain = gain[every, k, cur].astype(np.int64)
        done = np.zeros(len(every), dtype=bool)
        for step in range(t.width):
            opt = t.ascending[k, step]
            valid = opt >= 0
            opt = np.maximum(opt, 0)
            opt_pts = t.points[k, opt]
            stop = ~valid | (opt_pts >= cur_pts)
            new_gain = gain[every, k, opt].astype(np.int64)
            ok = (~done & ~stop & (opt_pts >= floor[every, k])
                  & (reached[every] - cur_gain + new_gain >= goal[every]))
            plan[every[ok], k[ok]] = opt[ok]
            reached[every[ok]] += (new_gain - cur_gain)[ok]
            done |= stop | ok
            if done.all():
                break
    del sequence, floor
    plan_gain = np.where(plan >= 0, _pick(gain, np.maximum(plan, 0)), 0)
    del gain
    keep = (plan >= 0) & ((plan_gain > 0) | required) & (target > 0)[:, None]
    blocked = {s: tuple(g.id for g in applied if not g.id.startswith("min-option:")
                        and g.max_stars is not None and g.max_stars < s)
               for s in range(RECOGNISED_MIN_STARS, 6)}
    blocked_by = [blocked.get(int(s), ()) for s in target.tolist()]
    free = np.array([not b for b in blocked_by], dtype=bool)
    half = n[:, None].astype(i32)
    return _Ahead(
        stars=target.astype(np.int8),
        threshold=np.where(target > 0, t.threshold_value[safe_target], 0.0),
        needed=np.maximum(0, t.threshold[safe_target] - total),
        reachable=(reached >= goal) & free,
        blocked_by=blocked_by,
        option=np.where(keep, plan, -1).astype(np.int8),
        points=np.where(keep, (2 * plan_gain + half) // (2 * half), 0).astype(i32),
        required=keep & required,
    )


class _Ahead(NamedTuple):
    """The next star of every product, column-wise (see :class:`RatingColumns`)."""

    stars: NDArray[np.int8]
    threshold: NDArray[np.float64]
    needed: NDArray[np.int64]
    reachable: NDArray[np.bool_]
    blocked_by: list[tuple[str, ...]]
    option: NDArray[np.int8]
    points: NDArray[np.int32]
    required: NDArray[np.bool_]


def _pick(gain: Ints, option: Ints) -> Ints:
    """``gain[p, c, option[p, c]]`` for every product and criterion."""
    out: Ints = np.take_along_axis(gain, option[:, :, None], axis=2)[:, :, 0]
    return out
