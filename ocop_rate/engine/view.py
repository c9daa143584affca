"""The detailed view of one product: its :class:`Rating` read off the rating columns.

Nothing is computed here that the engine did not compute; this only turns hundredths back
into points and indices back into codes, for ``explain`` and the detailed reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from weakref import WeakKeyDictionary

from ocop_rate.clauses import case_id
from ocop_rate.engine.tables import option_code
from ocop_rate.models.common import Text
from ocop_rate.models.rating import (
    OPTION_STEPS,
    BatchResult,
    Choice,
    CriterionScore,
    Disagreement,
    MemberTotal,
    NextStar,
    OptionSplit,
    PartScore,
    Rating,
    RatingColumns,
    SelfAssessment,
    Upgrade,
)
from ocop_rate.outcome import verdict_at


def _pts(hundredths: int) -> float:
    return hundredths / 100


def rating_at(block: RatingColumns, p: int) -> Rating:
    """Product ``p`` of ``block`` in full: members, criteria and choices, gates, next star,
    self-assessment and disagreement."""
    rubric = block.rubric
    crits = rubric.criteria
    extra = None if block.extras is None else block.extras[p]
    lo, hi = int(block.starts[p]), int(block.starts[p + 1])
    part_ids = [q.id for q in rubric.parts]
    member_parts = block.member_parts[lo:hi].tolist()
    members = tuple(
        MemberTotal(member=block.member[r], total=_pts(int(block.member_total[r])),
                    parts=dict(zip(part_ids, map(_pts, member_parts[r - lo]), strict=True)))
        for r in range(lo, hi))
    rows = block.row_option[lo:hi].tolist()
    derived = None if block.derived is None else block.derived[lo:hi].tolist()
    counts = (block.counts[lo:hi].tolist() if block.counts is not None
              else [[True] * len(crits)] * (hi - lo))
    points = block.points[p].tolist()
    council = block.council_option[p].tolist()
    names = block.member[lo:hi]
    memo = _memo(block)
    criteria = []
    for k, crit in enumerate(crits):
        facts = () if extra is None else extra.derived_facts.get(k, ())
        choices = []
        for j, member in enumerate(names):
            by_facts = derived is not None and derived[j][k]
            note = None if extra is None else extra.notes[j].get(crit.id)
            key = (k, member, rows[j][k], counts[j][k], by_facts,
                   facts if by_facts else (), note)
            choice = memo.get(key)
            if choice is None:
                chosen = crit.option_at(rows[j][k])
                choice = memo[key] = Choice(
                    member=member, option=chosen.code,
                    points=chosen.points if counts[j][k] else 0.0,
                    chosen_by="derived" if by_facts else "member",
                    facts=facts if by_facts else (), note=note,
                    applies=counts[j][k], case=case_id(rubric, crit.id, chosen.code))
            choices.append(choice)
        some = [counts[j][k] for j in range(hi - lo)]
        criteria.append(CriterionScore(
            id=crit.id, number=crit.number, part=crit.part, name=crit.name,
            points=_pts(points[k]), max_points=crit.max_points,
            option=option_code(crit, council[k]), choices=tuple(choices),
            evidence=() if extra is None else tuple(extra.evidence.get(crit.id, ())),
            self_assessed=None if extra is None else extra.self_assessment.get(crit.id),
            applies=any(some),
            not_applicable=None if crit.applies is None or all(some) else crit.applies.reason))
    parts = block.parts[p].tolist()
    verdict = verdict_at(block, p)
    return Rating(
        product_id=block.product_id[p],
        product_name=extra.name if extra is not None else Text(vi=block.product_name[p]),
        rubric=rubric.id, rubric_name=rubric.product_set or rubric.name,
        product_group=rubric.product_group, file=block.file_of(p),
        total=_pts(int(block.total[p])),
        parts=tuple(PartScore(id=q.id, name=q.name, points=_pts(v), max_points=q.max_points)
                    for q, v in zip(rubric.parts, parts, strict=True)),
        band_stars=int(block.band_stars[p]), stars=verdict.stars,
        recognised=bool(block.recognised[p]), outcome=verdict.outcome, level=verdict.level,
        authority=verdict.authority, outcome_source=verdict.article,
        province_may_recognise=verdict.province_may_recognise,
        requirements=block.requirements[p] if block.requirements else (),
        gates=block.gates[p],
        gate_policy=block.gate_policy, members=members, criteria=tuple(criteria),
        next_star=_next_star(block, p), self_assessment=_self_assessment(block, p, parts),
        warnings=block.warnings[p], producer=None if extra is None else extra.producer,
        disagreement=_disagreement(block, p, rows, lo),
    )


_CHOICES: WeakKeyDictionary[RatingColumns, dict[tuple[Any, ...], Choice]] = \
    WeakKeyDictionary()
_CHOICES_KEPT = 50_000  # choices remembered per block, at most


def _memo(block: RatingColumns) -> dict[tuple[Any, ...], Choice]:
    """The choices already made for ``block``'s products, by what makes them. Why: a
    council's members pick among a few options per criterion, so the same (frozen)
    Choice recurs on product after product; building each anew (a pydantic validation
    per member per criterion) was most of a round's detail (100 products x 7 members:
    22,400 choices, ~700 distinct). Kept while the block lives, and bounded."""
    memo = _CHOICES.get(block)
    if memo is None or len(memo) > _CHOICES_KEPT:
        memo = _CHOICES[block] = {}
    return memo


def _next_star(block: RatingColumns, p: int) -> NextStar | None:
    target = int(block.next_stars[p])
    if target == 0:
        return None
    crits = block.rubric.criteria
    council = block.council_option[p].tolist()
    upgrades = tuple(
        Upgrade(criterion=crits[k].id, name=crits[k].name,
                from_option=option_code(crits[k], council[k]),
                to_option=option_code(crits[k], opt),
                points=_pts(int(block.upgrade_points[p, k])),
                required_by_gate=bool(block.upgrade_required[p, k]))
        for k, opt in enumerate(block.upgrade_option[p].tolist()) if opt >= 0)
    return NextStar(stars=target, threshold=float(block.next_threshold[p]),
                    points_needed=_pts(int(block.next_needed[p])), upgrades=upgrades,
                    reachable=bool(block.next_reachable[p]),
                    blocked_by=block.next_blocked_by[p])


def _self_assessment(block: RatingColumns, p: int, council_parts: list[int]
                     ) -> SelfAssessment | None:
    if block.self_given is None or block.self_parts is None or not block.self_given[p]:
        return None
    ids = [q.id for q in block.rubric.parts]
    own = block.self_parts[p].tolist()
    own_total = sum(own)
    return SelfAssessment(
        total=_pts(own_total), parts=dict(zip(ids, map(_pts, own), strict=True)),
        difference={i: _pts(c - o) for i, c, o in zip(ids, council_parts, own, strict=True)},
        total_difference=_pts(int(block.total[p]) - own_total))


def _disagreement(block: RatingColumns, p: int, rows: list[list[int]], lo: int
                  ) -> Disagreement:
    splits = []
    for k in [int(k) for k in (block.split_steps[p] >= OPTION_STEPS).nonzero()[0]]:
        crit = block.rubric.criteria[k]
        splits.append(OptionSplit(
            criterion=crit.id, name=crit.name,
            options={block.member[lo + j]: option_code(crit, row[k])
                     for j, row in enumerate(rows)},
            steps=int(block.split_steps[p, k])))
    return Disagreement(spread=_pts(int(block.spread[p])), spread_limit=block.spread_limit,
                        over_limit=bool(block.over_limit[p]), splits=tuple(splits),
                        case_splits=block.case_splits[p] if block.case_splits else ())


def ratings_of(block: RatingColumns) -> Iterator[Rating]:
    """The block's products as full :class:`Rating` objects, in order."""
    for p in range(len(block)):
        yield rating_at(block, p)


def expanded(result: BatchResult) -> BatchResult:
    """``result`` with every score-sheet product as a full :class:`Rating` in ``items``:
    for reports that show each product in detail."""
    if not result.blocks:
        return result
    rated = [r for block in result.blocks for r in ratings_of(block)]
    return BatchResult(items=(*result.items, *rated), blocks=())
