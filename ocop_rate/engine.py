"""Scoring: criterion -> option -> points; part totals; council average; star bands; gates;
next star. Plain functions over validated models; no files, no terminal.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from ocop_rate.clauses import (
    applies,
    case_id,
    case_mixes,
    case_splits,
    check_requirements,
    derive,
    requirement_cap,
)
from ocop_rate.conditions import Facts, evaluate, missing_facts
from ocop_rate.council import disagreement
from ocop_rate.defaults import DEFAULT_SPREAD
from ocop_rate.messages import LANGS, Lang, text
from ocop_rate.models.common import Text
from ocop_rate.models.dossier import Dossier, MemberSheet
from ocop_rate.models.rating import (
    Choice,
    CriterionScore,
    GateResult,
    MemberTotal,
    NextStar,
    Notice,
    PartScore,
    Rating,
    SelfAssessment,
    Upgrade,
)
from ocop_rate.models.rubric import (
    NONE,
    NONE_OPTION,
    RECOGNISED_MIN_STARS,
    Criterion,
    Gate,
    Option,
    Rubric,
)
from ocop_rate.outcome import DEFAULT_LEVEL, Level, decide
from ocop_rate.scoring_math import apportion, as_float, exact, mean, round2

GatePolicy = Literal["majority", "all"]
GATE_POLICIES: tuple[GatePolicy, ...] = ("majority", "all")
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class FitProblem:
    """Something in a dossier that does not fit its rubric, by field path: a catalogued
    message (``ocop_rate.messages``) and its parameters."""

    path: FieldPath
    message_id: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The English sentence (logs, exception text)."""
        return text(self.message_id, "en", self.params)


def check_fit(rubric: Rubric, dossier: Dossier) -> list[FitProblem]:
    """Every way ``dossier`` fails to fit ``rubric``: unknown criteria, options and facts,
    unscored criteria, facts of the wrong type. Empty when it can be scored."""
    out: list[FitProblem] = []
    ids = list(rubric.criteria_by_id)
    for name, value in dossier.facts.items():
        spec = rubric.facts_by_id.get(name)
        if spec is None:
            known = ", ".join(rubric.facts_by_id) or "-"
            out.append(FitProblem(("facts", name), "rating.unknown_fact",
                                  {"fact": name, "rubric": rubric.id, "known": known}))
        elif not _fact_type_ok(spec.type, value):
            out.append(FitProblem(("facts", name), "rating.fact_type",
                                  {"fact": name, "kind_text_id": _kind(spec.type),
                                   "value": repr(value)}))
        elif spec.unit == "fraction" and not 0 <= float(value) <= 1:
            out.append(FitProblem(("facts", name), "rating.fact_fraction",
                                  {"fact": name, "value": repr(value)}))
    for i, sheet in enumerate(dossier.council):
        where: FieldPath = ("council", i, "scores")
        out += _check_codes(rubric, sheet.scores, where)
        for cid in sheet.notes:
            if cid not in rubric.criteria_by_id:
                out.append(FitProblem(("council", i, "notes", cid),
                                      *_unknown_criterion(cid, ids)))
        blank = [c.id for c in rubric.criteria
                 if c.id not in sheet.scores and derive(c, dossier.facts)[0] is None]
        if blank:
            out.append(FitProblem(where, "rating.member_blank",
                                  {"member": sheet.member, "criteria": ", ".join(blank)}))
        out += _case_problems(rubric, sheet, where)
    out += _check_codes(rubric, dossier.self_assessment, ("self_assessment",))
    for cid in dossier.evidence:
        if cid not in rubric.criteria_by_id:
            out.append(FitProblem(("evidence", cid), *_unknown_criterion(cid, ids)))
    return out


def _case_problems(rubric: Rubric, sheet: MemberSheet, where: FieldPath) -> list[FitProblem]:
    """A member who mixes the cases of a case group, located at the first criterion scored
    under a case other than the group's first one chosen."""
    out = []
    for mix in case_mixes(rubric, sheet.scores):
        first = next(iter(mix.picked.values()))
        odd = next(cid for cid, case in mix.picked.items() if case != first)
        params = {
            "member": sheet.member, "criteria": ", ".join(mix.group.criteria),
            "picked": ", ".join(f"{cid}: {sheet.scores.get(cid, NONE)} ({case})"
                                for cid, case in mix.picked.items())}
        out.append(FitProblem((*where, odd), "rules.case_mixed", params))
    return out


def _fact_type_ok(kind: str, value: object) -> bool:
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "number":  # NaN and infinities compare false with everything: refuse them
        return (isinstance(value, (int, float)) and not isinstance(value, bool)
                and math.isfinite(value))
    return isinstance(value, str)


def _kind(fact_type: str) -> str:
    """The message id naming a fact type (``rating.kind.number`` …)."""
    return f"rating.kind.{fact_type if fact_type in ('number', 'boolean') else 'text'}"


def _unknown_criterion(cid: str, known: list[str]) -> tuple[str, dict[str, str]]:
    import difflib

    close = difflib.get_close_matches(cid, known, n=3, cutoff=0.5)
    params = {"criterion": cid, "first": known[0], "last": known[-1]}
    if close:
        return "rating.unknown_criterion_close", {**params, "close": ", ".join(close)}
    return "rating.unknown_criterion", params


def _check_codes(rubric: Rubric, scores: dict[str, str], where: FieldPath) -> list[FitProblem]:
    out: list[FitProblem] = []
    ids = list(rubric.criteria_by_id)
    for cid, code in scores.items():
        crit = rubric.criteria_by_id.get(cid)
        if crit is None:
            out.append(FitProblem((*where, cid), *_unknown_criterion(cid, ids)))
        elif crit.option(code) is None:
            out.append(FitProblem((*where, cid), *unknown_option(crit, code)))
    return out


def unknown_option(crit: Criterion, code: str) -> tuple[str, dict[str, str]]:
    """What to say about an option code ``crit`` does not have (dossiers and sheets alike):
    message id and parameters. A number that is some option's points (a member who typed
    the points, not the code) is answered with that option."""
    params = {"code": code, "criterion": crit.id}
    for lang in LANGS:
        params[f"codes@{lang}"] = ", ".join(_option_said(o, lang) for o in crit.options)
    try:
        typed = float(code.replace(",", "."))
    except ValueError:
        typed = math.nan
    close = [o for o in crit.options if math.isfinite(typed) and o.points == typed]
    if close:
        for lang in LANGS:
            params[f"close@{lang}"] = " / ".join(_option_said(o, lang) for o in close)
        return "rating.unknown_option_close", params
    return "rating.unknown_option", params


def _option_said(option: Option, lang: Lang) -> str:
    """``b (1 điểm)`` / ``b (1 pts)``."""
    return text("rating.option_points", lang, code=option.code, points=option.points)


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


def unchecked_notice(rubric: Rubric, gate: Gate, missing: list[str]) -> Notice:
    """The notice for a rejection condition whose facts the dossier does not state: named
    by its reason and the facts' names in both languages (the ids stay as parameters)."""
    params = {"gate": gate.id, "facts": ", ".join(missing)}
    for lang in LANGS:
        names = [rubric.facts_by_id[f].name.get(lang) if f in rubric.facts_by_id else f
                 for f in missing]
        params[f"gate_name@{lang}"] = gate.reason.get(lang)
        params[f"fact_names@{lang}"] = ", ".join(names)
    return Notice(message_id="rating.gate_not_checked", params=params)


def mark_reason(crit: Criterion, req: Option, level: int, chosen: Option, lang: Lang) -> str:
    """Why a star mark caps a product, in plain words: the criterion's number and name."""
    return text("rating.mark_reason", lang, criterion=crit.id, name=crit.name.get(lang),
                required=req.code, points=req.points, level=str(level), chosen=chosen.code)


def mark_gate(rubric: Rubric, crit: Criterion, req: Option, level: int, chosen: Option
              ) -> GateResult:
    """The cap a star mark puts on a product whose council chose ``chosen`` on ``crit``,
    below ``req``, the option ``level`` stars need."""
    return GateResult(
        id=f"min-option:{crit.id}", effect="cap", max_stars=level - 1,
        reason=Text(vi=mark_reason(crit, req, level, chosen, "vi"),
                    en=mark_reason(crit, req, level, chosen, "en")),
        source=rubric.cite(crit.source))


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
