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

from ocop_rate.clauses import applies, check_requirements, requirement_cap
from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.distinct import distinct_rows
from ocop_rate.engine.columns import NO_SELF, CouncilColumns
from ocop_rate.engine.council import (
    GatePolicy,
    apportion,
    council_choice,
    group_range,
    group_sum,
    mean_half_up,
)
from ocop_rate.engine.gates import fact_gates, mark_gate
from ocop_rate.engine.plan import next_star
from ocop_rate.engine.tables import _CASES, RubricTables, exact, tables
from ocop_rate.models.rating import (
    CaseSplit,
    GateResult,
    Notice,
    RatingColumns,
    RequirementResult,
)
from ocop_rate.models.rubric import RECOGNISED_MIN_STARS, Criterion, Rubric
from ocop_rate.outcome import DEFAULT_LEVEL, OUTCOMES, Level, decide
from ocop_rate.per_object import once_per_object

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Ints = NDArray[np.integer[Any]]


def score_columns(cols: CouncilColumns, policy: GatePolicy = "majority",
                  spread_limit: float = DEFAULT_SPREAD, level: Level = DEFAULT_LEVEL
                  ) -> RatingColumns:
    """Score every product of ``cols`` at once; see the module docstring."""
    rubric, t = cols.rubric, tables(cols.rubric)
    n_crit = len(rubric.criteria)
    starts = cols.starts
    n = np.diff(starts)                                   # members per product
    crit_index = np.arange(n_crit)
    counts = _applies(cols)                               # R x C: the member's criterion counts
    option = np.where(counts, cols.option, t.idle[None, :]).astype(np.int8)
    pts = t.points[crit_index, option]                    # R x C hundredths

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

    council = council_choice(option, pts, starts, policy)     # P x C option index
    council_pts = t.points[crit_index, council]
    active = council != t.idle[None, :]                       # P x C: the pick applies
    applied, warnings = _fact_gates(cols, council)
    requirements = _requirements(cols, council)
    capped, fail = _capped(t, council_pts, active, band_stars, applied, requirements)
    outcome, recognised, stars = _verdict(rubric, capped, applied, level)
    gates = _gate_lists(rubric, t, council, council_pts, fail, applied, active)

    ahead = next_star(t, pts, starts, n, sums, total, council_pts, capped, applied, active,
                      counts)
    spread = group_range(member_total, starts).astype(np.int64)  # the members' disagreement
    rank = t.rank[crit_index, cols.option]                     # options apart, by points
    steps = group_range(rank, starts).astype(np.int8)
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
        self_given=self_given, level=level, outcome=outcome,
        case_splits=_case_splits(rubric, t, cols), requirements=requirements, counts=counts,
    )


def _applies(cols: CouncilColumns) -> NDArray[np.bool_]:
    """R x C: where each member's criterion applies (``clauses.applies`` on the row's own
    options and its product's facts), evaluated once per distinct (facts, options read)."""
    rubric, option = cols.rubric, cols.option
    out = np.ones(option.shape, dtype=bool)
    row_product = np.repeat(np.arange(len(cols)), np.diff(cols.starts))
    for k, crit, read, ks in _conditional(rubric):
        if not len(option):
            continue
        if cols.extras is None:  # no facts: once per distinct combination of options
            combos, where = distinct_rows(option[:, ks])
            verdict = np.array([applies(crit, {}, _codes(rubric, read, ks, combo))
                                for combo in combos.tolist()], dtype=bool)
            out[:, k] = verdict[where.reshape(-1)]
            continue
        # once per distinct (product, options read): a product's members agree often
        combos, where = distinct_rows(np.column_stack([row_product, option[:, ks]]))
        verdict = np.array([applies(crit, cols.extras[combo[0]].facts,
                                    _codes(rubric, read, ks, combo[1:]))
                            for combo in combos.tolist()], dtype=bool)
        out[:, k] = verdict[where]
    return out


Conditional = list[tuple[int, Criterion, list[str], list[int]]]
_CONDITIONAL: dict[int, tuple[Rubric, Conditional]] = {}


def _conditional(rubric: Rubric) -> Conditional:
    """Each criterion that applies only on a condition: its place, the criterion, and the
    ids and places of the rubric's criteria its condition reads (the options a member's or
    a self-assessment's sheet gives it), made once per rubric object."""
    return once_per_object(_CONDITIONAL, rubric, _make_conditional)


def _make_conditional(rubric: Rubric) -> Conditional:
    index = {c.id: k for k, c in enumerate(rubric.criteria)}
    out: Conditional = []
    for k, crit in enumerate(rubric.criteria):
        if crit.applies is not None:
            read = [cid for cid in crit.applies.when.criteria() if cid in index]
            out.append((k, crit, read, [index[cid] for cid in read]))
    return out


def _codes(rubric: Rubric, read: list[str], ks: list[int], combo: list[int]
           ) -> dict[str, str]:
    return {cid: rubric.criteria[j].option_at(int(i)).code
            for cid, j, i in zip(read, ks, combo, strict=True)}


def _requirements(cols: CouncilColumns, council: NDArray[np.int8]
                  ) -> list[tuple[RequirementResult, ...]]:
    """``clauses.check_requirements`` per product, on its facts and the council's options
    (once per distinct set of the options they read, for a sheet)."""
    rubric = cols.rubric
    if not any(c.requirements for c in rubric.criteria):
        return [()] * len(council)
    index = {c.id: k for k, c in enumerate(rubric.criteria)}
    read = sorted({cid for c in rubric.criteria for r in c.requirements
                   for cond in (r.check, r.when) if cond is not None
                   for cid in cond.criteria() if cid in index})
    ks = [index[cid] for cid in read]
    if cols.extras is not None:
        rows = council[:, ks].tolist()
        return [check_requirements(rubric, e.facts, _codes(rubric, read, ks, rows[p]))
                for p, e in enumerate(cols.extras)]
    if not ks:
        return [check_requirements(rubric, {}, {})] * len(council)
    combos, where = distinct_rows(council[:, ks])
    made = [check_requirements(rubric, {}, _codes(rubric, read, ks, combo))
            for combo in combos.tolist()]
    return [made[j] for j in where.reshape(-1).tolist()]


def _capped(t: RubricTables, council_pts: Ints, active: NDArray[np.bool_], band_stars: Ints,
            applied: list[tuple[GateResult, ...]],
            requirements: list[tuple[RequirementResult, ...]]) -> tuple[Ints, Ints]:
    """The class of every product after its caps, and the star-mark level it missed first
    (0: none): the band, capped below the first mark missed (a pick that does not apply
    misses none), by the fact gates and by unmet requirements."""
    fail = np.zeros(len(band_stars), dtype=np.int64)
    for mark in range(5, RECOGNISED_MIN_STARS - 1, -1):
        req = t.req_points[mark][None, :]
        short = ((council_pts < req) & (req >= 0) & active).any(axis=1)
        fail[short & (band_stars >= mark)] = mark

    def cap_of(gates: tuple[GateResult, ...], found: tuple[RequirementResult, ...]) -> int:
        return min([5, *[g.max_stars for g in gates if g.max_stars is not None],
                    *[c for c in [requirement_cap(found)] if c is not None]])

    if shared(applied) and shared(requirements):  # a sheet: one evaluation for all
        cap = np.full(len(band_stars), cap_of(applied[0], requirements[0]), dtype=np.int64)
    else:
        caps: dict[tuple[int, int], int] = {}
        cap = np.empty(len(band_stars), dtype=np.int64)
        for p, (gates, found) in enumerate(zip(applied, requirements, strict=True)):
            key = (id(gates), id(found))
            if key not in caps:
                caps[key] = cap_of(gates, found)
            cap[p] = caps[key]
    capped = np.minimum(np.minimum(band_stars, np.where(fail > 0, fail - 1, 5)), cap)
    return capped, fail


def _verdict(rubric: Rubric, capped: Ints, applied: list[tuple[GateResult, ...]],
             level: Level) -> tuple[NDArray[np.int8], NDArray[np.bool_], Ints]:
    """Outcome (index into ``outcome.OUTCOMES``), recognition and class of every product:
    ``outcome.decide`` on the capped class, rejected by a ``block`` gate (class 0: none)."""
    if shared(applied):  # a sheet: the same gates for every product
        blocked = np.full(len(applied), any(g.effect == "block" for g in applied[0]))
    else:
        blocked = np.array([any(g.effect == "block" for g in gates) for gates in applied],
                           dtype=bool)
    codes = np.full((6, 2), -1, dtype=np.int8)        # by (class, blocked); 0: no class
    recognises = np.zeros((6, 2), dtype=bool)
    for s in range(1, 6):
        for b in (False, True):
            verdict = decide(s, b, level, rubric.recognition)
            codes[s, int(b)] = OUTCOMES.index(verdict.outcome)
            recognises[s, int(b)] = verdict.recognised
    assert not len(capped) or int(capped.min()) >= 1  # a class is never below 1 star
    column = blocked.astype(np.int64)
    return codes[capped, column], recognises[capped, column], np.where(blocked, 0, capped)


def shared(per_product: list[Any]) -> bool:
    """Every product holds the very same object (a sheet's gates and requirements: one
    evaluation for them all), so one answer does for every product."""
    return bool(per_product) and all(x is per_product[0] for x in per_product)


def _case_splits(rubric: Rubric, t: RubricTables, cols: CouncilColumns
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


def _fact_gates(cols: CouncilColumns, council: NDArray[np.int8]
                ) -> tuple[list[tuple[GateResult, ...]], list[tuple[Notice, ...]]]:
    """Per product, the gates that apply and the warnings of gates left unchecked. A gate
    may read the council's options: it is evaluated on each product's options (once per
    distinct facts and options); else a sheet, with no facts, needs one evaluation."""
    rubric = cols.rubric
    reads = sorted({cid for g in rubric.gates for cid in g.when.criteria()})
    if not reads and cols.extras is None:
        applied, warnings = fact_gates(rubric, {})
        return [applied] * len(cols), [warnings] * len(cols)
    index = {c.id: k for k, c in enumerate(rubric.criteria)}
    ks = [index[cid] for cid in reads if cid in index]
    picked = council[:, ks].tolist()
    made: dict[tuple[int, tuple[int, ...]], tuple[tuple[GateResult, ...], tuple[Notice, ...]]]
    made = {}
    out = []
    for p in range(len(cols)):
        facts = {} if cols.extras is None else cols.extras[p].facts
        key = (0 if cols.extras is None else p, tuple(picked[p]))
        if key not in made:
            made[key] = fact_gates(rubric, facts, _codes(rubric, [rubric.criteria[k].id
                                                                  for k in ks],
                                                         ks, picked[p]) if ks else None)
        out.append(made[key])
    return [a for a, _ in out], [w for _, w in out]


def _gate_lists(rubric: Rubric, t: RubricTables, council: Ints, council_pts: Ints,
                fail: Ints, applied: list[tuple[GateResult, ...]],
                active: NDArray[np.bool_]) -> list[tuple[GateResult, ...]]:
    """Per product, the fact gates that applied, then the star marks missed at the first
    level missed; gate objects are made once per (criterion, level, option) and shared."""
    out = list(applied)
    req = t.req_points[fail]                                          # P x C (row 0: none)
    short = (council_pts < req) & (req >= 0) & (fail > 0)[:, None] & active
    products, crits = np.nonzero(short)
    if not len(products):
        return out
    levels = fail[products]
    chosen = council[products, crits].astype(np.int64)
    width = t.width
    key = (crits * 6 + levels) * width + chosen
    distinct, where = np.unique(key, return_inverse=True)
    marks = once_per_object(_MARKS, rubric, lambda _: {})  # (criterion, level, option)
    made = []
    for value in distinct.tolist():
        hit = marks.get(value)
        if hit is None:
            k, rest = divmod(value, 6 * width)
            level, opt = divmod(rest, width)
            crit = rubric.criteria[k]
            hit = marks[value] = mark_gate(rubric, crit,
                                           crit.options[int(t.req_option[level, k])],
                                           level, crit.option_at(opt))
        made.append(hit)
    gates = [made[i] for i in where.reshape(-1).tolist()]
    ends = np.cumsum(np.bincount(products, minlength=len(fail))).tolist()
    begin = 0
    for p in dict.fromkeys(products.tolist()):  # np.nonzero's rows come sorted; np.unique
        # would load numpy.ma (to ask whether they are masked), a tenth of numpy's import
        out[p] = applied[p] + tuple(gates[begin:ends[p]])
        begin = ends[p]
    return out


_MARKS: dict[int, tuple[Rubric, dict[int, GateResult]]] = {}
"""The star-mark gates of each rubric object made so far, by :func:`_gate_lists`' key (its
``t.width`` is the rubric's own): the same few on every block of a batch."""


def _self_assessment(t: RubricTables, cols: CouncilColumns
                     ) -> tuple[NDArray[np.int64] | None, NDArray[np.bool_] | None]:
    """Per product, the self-assessed parts (hundredths) and whether the sheet is complete
    (every criterion self-assessed or derived); None for sheets."""
    if cols.self_option is None:
        return None, None
    given = (cols.self_option != NO_SELF).all(axis=1)
    safe = np.where(cols.self_option == NO_SELF, 0, cols.self_option)
    pts = t.points[np.arange(len(cols.rubric.criteria)), safe].astype(np.int64)
    rubric = cols.rubric
    products = np.flatnonzero(given).tolist()
    for k, crit, read, ks in _conditional(rubric):  # as for a member: applicability counts
        if not products:
            continue
        rows = safe[np.array(products)[:, None], np.array(ks, dtype=np.intp)[None, :]]
        for p, row in zip(products, rows.tolist(), strict=True):
            assert cols.extras is not None
            if not applies(crit, cols.extras[p].facts, _codes(rubric, read, ks, row)):
                pts[p, k] = 0
    parts = np.stack([pts[:, mask].sum(axis=1) for mask in t.part], axis=1).astype(np.int64)
    has_any = np.array([bool(e.self_assessment) for e in cols.extras or []], dtype=bool)
    return parts, given & has_any
