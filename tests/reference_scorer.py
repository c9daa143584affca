"""The reference scorer: small, slow and obviously correct, for tests only.

The per-dossier engine the project had before the columnar engine (``ocop_rate.engine``),
with issue 11's rules (``none``, applicability, requirements, cases, outcome): exact
:class:`~fractions.Fraction` arithmetic on pydantic objects, one dossier at a time, rounding
once, half up. Property tests check that the engine gives exactly what this gives. The
clauses (``ocop_rate.clauses``), the outcome table (``ocop_rate.outcome``) and the wording of
a star-mark gate are shared: they are plain functions, not arithmetic.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from functools import lru_cache
from typing import Literal

from ocop_rate.clauses import (
    applies,
    case_id,
    case_splits,
    check_requirements,
    derive,
    requirement_cap,
)
from ocop_rate.conditions import Facts, evaluate, missing_facts
from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.engine import GatePolicy
from ocop_rate.engine.gates import mark_gate, unchecked_notice
from ocop_rate.models.dossier import Dossier, MemberSheet
from ocop_rate.models.rating import (
    CaseSplit,
    Choice,
    CriterionScore,
    Disagreement,
    GateResult,
    MemberTotal,
    NextStar,
    Notice,
    OptionSplit,
    PartScore,
    Rating,
    SelfAssessment,
    Upgrade,
)
from ocop_rate.models.rubric import (
    NONE_OPTION,
    RECOGNISED_MIN_STARS,
    Criterion,
    Option,
    Rubric,
)
from ocop_rate.outcome import DEFAULT_LEVEL, Level, decide


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


def member_choices(rubric: Rubric, sheet: MemberSheet, dossier: Dossier) -> list[Choice]:
    """One member's choice on every criterion, in rubric order: the member's option, else
    the one derived from facts; a criterion that does not apply to this sheet counts 0."""
    picked: dict[str, tuple[str, Literal["member", "derived"], tuple[str, ...]]] = {}
    for crit in rubric.criteria:
        code = sheet.scores.get(crit.id)
        if code is not None:
            picked[crit.id] = (code, "member", ())
        else:
            derived, facts = derive(crit, dossier.facts)
            assert derived is not None, "check_fit must run before score"
            picked[crit.id] = (derived, "derived", facts)
    chosen = {cid: code for cid, (code, _, _) in picked.items()}
    out = []
    for crit in rubric.criteria:
        code, by, facts = picked[crit.id]
        opt = crit.option(code)
        assert opt is not None, "check_fit must run before score"
        counts = applies(crit, dossier.facts, chosen)
        out.append(Choice(member=sheet.member, option=code,
                          points=opt.points if counts else 0.0, chosen_by=by, facts=facts,
                          note=sheet.notes.get(crit.id), applies=counts,
                          case=case_id(rubric, crit.id, code)))
    return out


def council_pick(choices: Sequence[Choice], policy: GatePolicy) -> Choice:
    """The member choice that stands for the council: under ``majority``, the best that more
    than half of the members chose or bettered; under ``all``, the lowest."""
    ranked = sorted(choices, key=lambda c: c.points, reverse=True)
    return ranked[len(ranked) // 2] if policy == "majority" else ranked[-1]


def council_option(crit: Criterion, choices: Sequence[Choice], policy: GatePolicy) -> Option:
    """The option the council as a whole reached on ``crit`` (see :func:`council_pick`);
    ``none`` where that choice does not apply (it counts 0 and meets no star mark)."""
    pick = council_pick(choices, policy)
    if not pick.applies:
        return NONE_OPTION
    opt = crit.option(pick.option)
    assert opt is not None
    return opt


def requirement(crit: Criterion, stars: int) -> Option | None:
    """The lowest option ``crit`` needs for a product to hold ``stars`` (the sheet's marks)."""
    marked = [o for o in crit.options if o.min_star is not None and o.min_star <= stars]
    return max(marked, key=lambda o: o.points) if marked else None


def score(rubric: Rubric, dossier: Dossier, *, policy: GatePolicy = "majority",
          file: str | None = None, spread_limit: float = DEFAULT_SPREAD,
          level: Level = DEFAULT_LEVEL) -> Rating:
    """Rate ``dossier`` on ``rubric``. Call :func:`check_fit` first: it must be empty.
    ``spread_limit``: members' totals further apart than this flag a disagreement;
    ``level``: the council's level, which decides the outcome (:mod:`ocop_rate.outcome`)."""
    by_member = [member_choices(rubric, sheet, dossier) for sheet in dossier.council]
    choices = {c.id: [picks[k] for picks in by_member] for k, c in enumerate(rubric.criteria)}
    members = [sheet.member for sheet in dossier.council]
    per_member = [
        {p.id: sum((exact(choices[c.id][m].points) for c in rubric.criteria if c.part == p.id),
                   Fraction(0)) for p in rubric.parts}
        for m in range(len(members))
    ]
    member_totals = [sum(parts.values(), Fraction(0)) for parts in per_member]
    total = round2(mean(member_totals))
    part_means = [mean([mp[p.id] for mp in per_member]) for p in rubric.parts]
    part_points = apportion(part_means, total)

    council = {c.id: council_option(c, choices[c.id], policy) for c in rubric.criteria}
    band_stars = rubric.band(float(total)).stars
    gates, warnings = fact_gates(rubric, dossier.facts,
                                 {cid: opt.code for cid, opt in council.items()})
    idle = {c.id for c in rubric.criteria if not council_pick(choices[c.id], policy).applies}
    gates += _option_gates(rubric, council, band_stars, idle)
    requirements = check_requirements(
        rubric, dossier.facts, {cid: opt.code for cid, opt in council.items()})
    capped = min([band_stars, *[g.max_stars for g in gates if g.max_stars is not None],
                  *[c for c in [requirement_cap(requirements)] if c is not None]])
    blocked = any(g.effect == "block" for g in gates)
    verdict = decide(capped, blocked, level, rubric.recognition)
    split_cases = case_splits(rubric, [
        (sheet.member, {c.id: ch.option for c, ch in zip(rubric.criteria, picks, strict=True)})
        for sheet, picks in zip(dossier.council, by_member, strict=True)])

    criteria = tuple(
        CriterionScore(
            id=c.id, number=c.number, part=c.part, name=c.name,
            points=as_float(round2(mean([exact(ch.points) for ch in choices[c.id]]))),
            max_points=c.max_points, option=council[c.id].code,
            choices=tuple(choices[c.id]),
            evidence=tuple(dossier.evidence.get(c.id, ())),
            self_assessed=dossier.self_assessment.get(c.id),
            applies=any(ch.applies for ch in choices[c.id]),
            not_applicable=None if c.applies is None or all(ch.applies for ch in choices[c.id])
            else c.applies.reason,
        )
        for c in rubric.criteria
    )
    return Rating(
        product_id=dossier.product.id, product_name=dossier.product.name,
        rubric=rubric.id, rubric_name=rubric.product_set or rubric.name,
        product_group=rubric.product_group,
        file=file, total=as_float(total),
        parts=tuple(PartScore(id=p.id, name=p.name, points=as_float(pts),
                              max_points=p.max_points)
                    for p, pts in zip(rubric.parts, part_points, strict=True)),
        band_stars=band_stars, stars=verdict.stars, recognised=verdict.recognised,
        outcome=verdict.outcome, level=verdict.level, authority=verdict.authority,
        outcome_source=verdict.article,
        province_may_recognise=verdict.province_may_recognise, requirements=requirements,
        gates=tuple(gates), gate_policy=policy,
        members=tuple(
            MemberTotal(member=name, total=as_float(t),
                        parts={k: as_float(v) for k, v in mp.items()})
            for name, t, mp in zip(members, member_totals, per_member, strict=True)),
        criteria=criteria,
        next_star=next_star(rubric, choices, council, gates, capped, policy, idle),
        self_assessment=_self_assessment(rubric, dossier, part_points, total),
        warnings=tuple(warnings),
        producer=dossier.product.producer,
        disagreement=disagreement(rubric, choices, member_totals, spread_limit, split_cases),
    )


def fact_gates(rubric: Rubric, facts: Facts, council: Mapping[str, str] | None = None
               ) -> tuple[list[GateResult], list[Notice]]:
    """The rubric's gates that apply to ``facts`` (and to the ``council``'s options, for a
    gate that reads criteria), and a warning for each gate whose facts are not all given
    (never silently passed)."""
    applied: list[GateResult] = []
    warnings: list[Notice] = []
    for gate in rubric.gates:
        verdict = evaluate(gate.when, facts, council)
        if verdict is True:
            cap = 2 if gate.effect == "block" else gate.max_stars
            applied.append(GateResult(id=gate.id, effect=gate.effect, max_stars=cap,
                                      reason=gate.reason,
                                      source=rubric.cite(gate.source)))
        elif verdict is None:
            warnings.append(unchecked_notice(rubric, gate, missing_facts(gate.when, facts)))
    return applied, warnings


def _option_gates(rubric: Rubric, council: dict[str, Option], band_stars: int,
                  idle: set[str] | frozenset[str] = frozenset()) -> list[GateResult]:
    """The star marks: a criterion below its marked option caps the class below that mark
    (``none`` is below every mark); criteria in ``idle`` do not apply and cap nothing."""
    for level in range(RECOGNISED_MIN_STARS, band_stars + 1):
        short = [(c, req) for c in rubric.criteria
                 if c.id not in idle and (req := requirement(c, level)) is not None
                 and council[c.id].points < req.points]
        if short:
            return [mark_gate(rubric, c, req, level, council[c.id]) for c, req in short]
    return []


def next_star(rubric: Rubric, choices: dict[str, list[Choice]], council: dict[str, Option],
              gates: Sequence[GateResult], stars: int, policy: GatePolicy,
              idle: set[str] | frozenset[str] = frozenset()) -> NextStar | None:
    """The fewest criterion upgrades that lift the council average into the next recognised
    class and meet that class's marked options; None at 5 stars.

    An upgrade raises every member below the chosen option to it (the product improved, so
    each member's sheet would say so). Criteria below a marked option are upgraded first;
    then the largest gains, fewest criteria first; then each upgrade is trimmed to the
    cheapest option that still reaches the class.
    """
    if stars >= 5:
        return None
    target = max(stars + 1, RECOGNISED_MIN_STARS)
    band = rubric.band_for(target)
    assert band is not None
    threshold = exact(band.min)
    blocked_by = tuple(g.id for g in gates if not g.id.startswith("min-option:")
                       and g.max_stars is not None and g.max_stars < target)
    n = len(next(iter(choices.values())))
    gains: dict[tuple[str, str], Fraction] = {}  # the planning asks the same gains often

    def gain(cid: str, to: Option) -> Fraction:
        key = (cid, to.code)
        if key not in gains:
            floor = exact(to.points)
            gains[key] = sum((max(Fraction(0), floor - exact(ch.points))
                              for ch in choices[cid] if ch.applies), Fraction(0)) / n
        return gains[key]

    current = mean([sum((exact(choices[c.id][m].points) for c in rubric.criteria), Fraction(0))
                    for m in range(n)])

    required: dict[str, Option] = {}
    for crit in rubric.criteria:
        req = requirement(crit, target)
        if req is not None and crit.id not in idle and council[crit.id].points < req.points:
            required[crit.id] = req
    plan = dict(required)
    reached = current + sum((gain(cid, opt) for cid, opt in plan.items()), Fraction(0))
    best = {c.id: max(c.options, key=lambda o: o.points) for c in rubric.criteria}

    def extra_gain(cid: str) -> Fraction:
        return gain(cid, best[cid]) - (gain(cid, plan[cid]) if cid in plan else Fraction(0))

    for crit in sorted(rubric.criteria, key=lambda c: -extra_gain(c.id)):  # ties: sheet order
        if reached >= threshold:
            break
        extra = extra_gain(crit.id)
        if extra > 0:
            plan[crit.id] = best[crit.id]
            reached += extra
    for cid in reversed(list(plan)):
        floor = required[cid].points if cid in required else -1.0
        for opt in sorted(rubric.criteria_by_id[cid].options, key=lambda o: o.points):
            if opt.points >= plan[cid].points:
                break
            saved = gain(cid, plan[cid]) - gain(cid, opt)
            if opt.points >= floor and reached - saved >= threshold:
                plan[cid] = opt
                reached -= saved
                break
    plan = {cid: opt for cid, opt in plan.items() if gain(cid, opt) > 0 or cid in required}
    order = list(choices)
    upgrades = tuple(
        Upgrade(criterion=cid, name=rubric.criteria_by_id[cid].name,
                from_option=council[cid].code, to_option=opt.code,
                points=as_float(round2(gain(cid, opt))), required_by_gate=cid in required)
        for cid, opt in sorted(plan.items(), key=lambda kv: order.index(kv[0]))
    )
    return NextStar(stars=target, threshold=band.min,
                    points_needed=as_float(max(Fraction(0), threshold - round2(current))),
                    upgrades=upgrades,
                    reachable=reached >= threshold and not blocked_by,
                    blocked_by=blocked_by)


def _self_assessment(rubric: Rubric, dossier: Dossier, council_parts: Sequence[Fraction],
                     council_total: Fraction) -> SelfAssessment | None:
    if not dossier.self_assessment:
        return None
    sheet = MemberSheet(member="self", scores=dossier.self_assessment)
    if any(c.id not in sheet.scores and derive(c, dossier.facts)[0] is None
           for c in rubric.criteria):
        return None  # incomplete self-assessment: no total to compare
    parts: dict[str, Fraction] = {p.id: Fraction(0) for p in rubric.parts}
    for crit, choice in zip(rubric.criteria, member_choices(rubric, sheet, dossier),
                            strict=True):
        parts[crit.part] += exact(choice.points)
    own_total = sum(parts.values(), Fraction(0))
    return SelfAssessment(
        total=as_float(own_total), parts={k: as_float(v) for k, v in parts.items()},
        difference={p.id: as_float(pts - parts[p.id])
                    for p, pts in zip(rubric.parts, council_parts, strict=True)},
        total_difference=as_float(council_total - own_total))
